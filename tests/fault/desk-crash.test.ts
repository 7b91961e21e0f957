/**
 * Console kill -9 mid-send: desk-1's console host is SIGKILLed at seeded moments while its
 * operators keep saving and dispatching and its outbox streams to a live hub (through a
 * proxy that only slows acknowledgements down, so many messages are in flight), then
 * started again on the same data dir. Nothing the operators were told is lost, nothing reaches the
 * hub twice, and both desks end equal to the hub's record, every event applied once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/core/seed/random';
import { startFleet, type Fleet } from '../support/dispatch-fleet';
import { faultRounds, faultSeed, faultSize, replayHint } from '../support/fault-seed';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let fleet: Fleet | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await fleet?.stop();
  await proxy?.close();
  fleet = proxy = undefined;
});

describe('console kill -9 while its outbox sends', () => {
  it('loses nothing and duplicates nothing after restarts', async () => {
    const { seed, random } = faultSeed('desk-crash', 202);
    const total = faultSize(100, 2000);
    const kills = faultRounds(3);
    try {
      fleet = await startFleet({
        desks: 2,
        random,
        async hubUrlFor(deskId, hubPort) {
          if (deskId !== 'desk-1') return `http://127.0.0.1:${hubPort}`;
          const delays = seededRandom(random.int(0, 2 ** 31));
          proxy = await startTcpProxy({ targetPort: hubPort, delayMs: () => delays.int(50, 250) });
          return proxy.url;
        },
      });
      const f = fleet;
      const victim = f.desks[0]!;
      const streaming = f.stream({ total, operatorsPerDesk: 2, pauseMs: 50 });

      const inFlight: number[] = [];
      const points = Array.from({ length: kills }, () => random.int(1, total - 1)).sort(
        (a, b) => a - b,
      );
      for (const point of points) {
        await f.reached(point);
        // Killed while it sends: connected again, then a seeded moment into the sending.
        await f.online();
        await new Promise((r) => setTimeout(r, random.int(0, 800)));
        inFlight.push(await f.waiting(victim));
        await f.killDesk(victim);
        await new Promise((r) => setTimeout(r, random.int(0, 500)));
        await f.restartDesk(victim);
      }
      await streaming;
      await f.settle();

      expect(f.acked.dispatches.size).toBe(total);
      process.stdout.write(
        `desk-crash: ${f.stats.deskKills} console kills (outbox waiting just before each: ` +
          `${inFlight.join(', ')}), ${f.stats.retriedSaves} saves and ${f.stats.redispatches} ` +
          `dispatches asked again after a kill, ${f.acked.dispatches.size} dispatches, each desk agrees\n`,
      );
    } catch (error) {
      process.stdout.write(`${replayHint('desk-crash', seed)}\n`);
      throw error;
    }
  }, 1_800_000);
});
