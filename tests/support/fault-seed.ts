/**
 * Fault tests are seeded: the seed is printed, and SIGAP_FAULT_SEED replays a run. `npm test`
 * runs them small with a fixed seed; `npm run test:soak` sets SIGAP_FAULT_SIZE=full (full
 * size, a fresh seed each run) and SIGAP_FAULT_ROUNDS (how many faults to inject).
 * A seed replays every decision a test makes (what to send, when to kill); the moments
 * the operating system schedules in between are not replayable.
 */
import { seededRandom, type Random } from '../../electron/core/seed/random';

const full = () => process.env.SIGAP_FAULT_SIZE === 'full';

export function faultSeed(testName: string, fixed = 1): { seed: number; random: Random } {
  const seed = process.env.SIGAP_FAULT_SEED
    ? Number(process.env.SIGAP_FAULT_SEED)
    : full()
      ? Math.floor(Math.random() * 2 ** 31)
      : fixed;
  process.stdout.write(`${testName}: SIGAP_FAULT_SEED=${seed}\n`);
  return { seed, random: seededRandom(seed) };
}

/** Says how to replay a failed run; call it where a test fails. */
export function replayHint(testName: string, seed: number): string {
  return `${testName} failed; replay with SIGAP_FAULT_SEED=${seed}${full() ? ' SIGAP_FAULT_SIZE=full' : ''}`;
}

export function faultRounds(small: number): number {
  return process.env.SIGAP_FAULT_ROUNDS ? Number(process.env.SIGAP_FAULT_ROUNDS) : small;
}

/** How much work a fault test does: `small` in `npm test`, `fullSize` in the soak run. */
export function faultSize(small: number, fullSize: number): number {
  return full() ? fullSize : small;
}
