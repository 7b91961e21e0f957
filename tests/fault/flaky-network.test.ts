/**
 * A flaky network between the desks and the hub: each desk reaches the hub through its own
 * loopback TCP proxy that holds chunks back at random and, at seeded moments, cuts every
 * connection mid-stream or drops it (stops forwarding, closes nothing, so only heartbeats
 * and ack timeouts notice). Every dispatch still reaches the hub exactly once and both
 * desks end equal to the hub's record, every event applied once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/core/seed/random';
import { startFleet, type Fleet } from '../support/dispatch-fleet';
import { faultRounds, faultSeed, faultSize, replayHint } from '../support/fault-seed';
import { until } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let fleet: Fleet | undefined;
const proxies: TcpProxy[] = [];
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
  for (const p of proxies.splice(0)) await p.close();
});

describe('desks behind a proxy that delays, cuts and drops', () => {
  it('delivers every dispatch once and leaves every desk equal to the hub', async () => {
    const { seed, random } = faultSeed('flaky-network', 303);
    const total = faultSize(100, 2000);
    const faults = faultRounds(3);
    try {
      fleet = await startFleet({
        desks: 2,
        random,
        async hubUrlFor(_deskId, hubPort) {
          const delays = seededRandom(random.int(0, 2 ** 31));
          const proxy = await startTcpProxy({
            targetPort: hubPort,
            delayMs: () => (delays.chance(0.3) ? delays.int(1, 60) : 0),
          });
          proxies.push(proxy);
          return proxy.url;
        },
      });
      const f = fleet;
      const streaming = f.stream({ total, operatorsPerDesk: 2, pauseMs: 400 });

      // At least one cut and one drop, then whatever the seed says.
      const kinds = Array.from({ length: faults }, (_, i) =>
        i === 0
          ? 'cut'
          : i === 1
            ? 'drop'
            : random.weighted([
                ['cut', 2],
                ['drop', 1],
              ] as const),
      );
      const points = kinds.map(() => random.int(1, total - 1)).sort((a, b) => a - b);
      for (const [i, point] of points.entries()) {
        await f.reached(point);
        const proxy = random.pick(proxies);
        await until(() => proxy.live() > 0, 60_000); // the desk is connected again
        if (kinds[i] === 'cut') proxy.cutAll();
        else proxy.dropAll();
      }
      await streaming;
      await f.settle();

      expect(f.acked.dispatches.size).toBe(total);
      const sum = (k: 'cuts' | 'drops' | 'delayed') => proxies.reduce((n, p) => n + p.stats[k], 0);
      expect(sum('cuts') + sum('drops')).toBeGreaterThanOrEqual(faults);
      process.stdout.write(
        `flaky-network: ${sum('cuts')} connections cut, ${sum('drops')} dropped, ` +
          `${sum('delayed')} chunks delayed, ${f.acked.dispatches.size} dispatches, each desk agrees\n`,
      );
    } catch (error) {
      process.stdout.write(`${replayHint('flaky-network', seed)}\n`);
      throw error;
    }
  }, 1_800_000);
});
