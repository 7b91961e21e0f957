/**
 * The timers the outbox sender and the event applier run on, passed in so a unit test can
 * move time itself; production uses Node's. Also the retry backoff they share: exponential,
 * jittered, capped, and reset once the link is back or a round succeeds.
 */

export interface Timers {
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Calls `fn` once the I/O callbacks already due have run (Node's `setImmediate`). */
  soon(fn: () => void): void;
}

export const nodeTimers: Timers = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  soon(fn) {
    setImmediate(fn);
  },
};

export interface Backoff {
  /** The wait before the next retry; each call waits longer, up to the cap. */
  next(): number;
  /** The link is back or a try succeeded: the next wait is the first one again. */
  reset(): void;
}

export interface BackoffOptions {
  firstMs?: number;
  maxMs?: number;
  /** A number in [0, 1): the jitter. */
  random?: () => number;
}

/**
 * Doubles from `firstMs` up to `maxMs`, each wait drawn from the upper half of its step:
 * never a burst of immediate retries, and desks that failed together spread out.
 */
export function createBackoff(options: BackoffOptions = {}): Backoff {
  const first = options.firstMs ?? 500;
  const max = options.maxMs ?? 5000;
  const random = options.random ?? Math.random;
  let step = 0;
  return {
    next() {
      const ceiling = Math.min(max, first * 2 ** step);
      if (ceiling < max) step++;
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset() {
      step = 0;
    },
  };
}
