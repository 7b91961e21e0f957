/**
 * Fault tests are seeded: the seed is printed, and SIGAP_FAULT_SEED replays a run.
 * SIGAP_FAULT_ROUNDS sets the size (`npm test` runs small, `npm run test:soak` full size).
 */
import { seededRandom, type Random } from '../../electron/core/seed/random';

export function faultSeed(testName: string): { seed: number; random: Random } {
  const seed = process.env.SIGAP_FAULT_SEED
    ? Number(process.env.SIGAP_FAULT_SEED)
    : Math.floor(Math.random() * 2 ** 31);
  process.stdout.write(`${testName}: SIGAP_FAULT_SEED=${seed}\n`);
  return { seed, random: seededRandom(seed) };
}

export function faultRounds(small: number): number {
  return process.env.SIGAP_FAULT_ROUNDS ? Number(process.env.SIGAP_FAULT_ROUNDS) : small;
}
