/**
 * Hub kill -9 while three desks stream dispatches: the hub process is SIGKILLed at seeded
 * moments and restarted on the same port with its data kept. At the end every dispatch is
 * stored exactly once at the hub under one gapless seq, every hub event was applied exactly
 * once at each desk, and every desk's replica equals the hub's record.
 * Small in `npm test`; `npm run test:soak` streams 2,000 dispatches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../support/dispatch-fleet';
import { faultRounds, faultSeed, faultSize, replayHint } from '../support/fault-seed';

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
});

describe('hub kill -9 while desks dispatch', () => {
  it('stores every dispatch once and leaves every desk equal to the hub', async () => {
    const { seed, random } = faultSeed('hub-crash', 101);
    const total = faultSize(120, 2000);
    const kills = faultRounds(3);
    try {
      fleet = await startFleet({ desks: 3, random });
      const f = fleet;
      const streaming = f.stream({ total, operatorsPerDesk: 2, pauseMs: 600 });

      // Kill points spread over the stream. Each time the desks have reconnected and had
      // a seeded moment to send, the hub is killed, and it stays down for a seeded while.
      const points = Array.from({ length: kills }, () => random.int(1, total - 1)).sort(
        (a, b) => a - b,
      );
      for (const point of points) {
        await f.reached(point);
        await f.online();
        await new Promise((r) => setTimeout(r, random.int(0, 1000)));
        await f.killHub();
        await new Promise((r) => setTimeout(r, random.int(50, 1500)));
        await f.restartHub();
      }
      await streaming;
      await f.settle();

      expect(f.acked.dispatches.size).toBe(total);
      process.stdout.write(
        `hub-crash: ${f.stats.hubKills} hub kills, ${f.acked.cases.size} cases, ` +
          `${f.acked.dispatches.size} dispatches, ${await f.hubSeq()} hub events, each desk agrees\n`,
      );
    } catch (error) {
      process.stdout.write(`${replayHint('hub-crash', seed)}\n`);
      throw error;
    }
  }, 1_800_000);
});
