/**
 * Two hub nodes on one PostgreSQL record while three desks stream dispatches and OPD clerks
 * (through a proxy in front of the nodes, as the inbox page is) see, accept and resolve
 * them: a seeded node is SIGKILLed at seeded moments and started again, and PostgreSQL is
 * restarted once under both. Desks move to the other node and back. At the end every
 * dispatch is stored once under one gapless seq, every event was applied once at each
 * desk, every replica equals the record, and every dispatch to an OPD with an inbox was
 * seen by its clerk. Small in `npm test`; `npm run test:soak` streams 2,000 dispatches.
 */
import { afterEach, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../support/dispatch-fleet';
import { faultRounds, faultSeed, faultSize, replayHint } from '../support/fault-seed';
import { describeOnPostgres } from '../support/hub-stores';
import { startPostgres, type PostgresServer } from '../support/postgres';

let fleet: Fleet | undefined;
let pg: PostgresServer | undefined;
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
  await pg?.stop();
  pg = undefined;
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeOnPostgres('hub node kill -9 and a PostgreSQL restart while desks dispatch', () => {
  it('stores every dispatch once and leaves every desk equal to the record', async () => {
    const { seed, random } = faultSeed('hub-cluster-crash', 211);
    const total = faultSize(120, 2000);
    const kills = faultRounds(3);
    try {
      pg = await startPostgres();
      const server = pg;
      fleet = await startFleet({ desks: 3, random, postgres: server });
      const f = fleet;
      const streaming = f.stream({ total, operatorsPerDesk: 2, pauseMs: 600 });

      const points = Array.from({ length: kills }, () => random.int(1, total - 1)).sort(
        (a, b) => a - b,
      );
      // PostgreSQL goes down once, between two of the node kills.
      const pgAfter = random.int(0, kills - 1);
      for (const [i, point] of points.entries()) {
        await f.reached(point);
        await f.online();
        await pause(random.int(0, 1000));
        const node = random.int(0, f.hubs.count - 1);
        await f.killHub(node);
        await pause(random.int(50, 1500));
        await f.restartHub(node);
        if (i === pgAfter) {
          await f.online();
          await pause(random.int(0, 500));
          await server.restart();
        }
      }
      await streaming;
      await f.settle();

      expect(f.acked.dispatches.size).toBe(total);
      process.stdout.write(
        `hub-cluster-crash: ${f.stats.hubKills} node kills, 1 PostgreSQL restart, ` +
          `${f.acked.cases.size} cases, ${f.acked.dispatches.size} dispatches, ` +
          `${await f.hubSeq()} events, each desk agrees\n`,
      );
    } catch (error) {
      for (let node = 0; node < (fleet?.hubs.count ?? 0); node++)
        process.stdout.write(`hub node ${node + 1}:\n${fleet!.hubs.tail(node)}\n`);
      process.stdout.write(`${replayHint('hub-cluster-crash', seed)}\n`);
      throw error;
    }
  }, 1_800_000);
});
