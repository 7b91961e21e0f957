/**
 * Runs a refresh after a change, soon but not more often than every `gapMs`: the first
 * request after a quiet spell runs on the next turn of the event loop, as before; requests
 * during a burst (a desk draining thousands of acks) make one run per gap. Each run reads
 * the store whole (the status bar's counts, the red dispatches), so a run per batch of acks
 * cost a draining desk more than the acks themselves.
 */
export interface Paced {
  /** Asks for a run; several asks before it make one. */
  request(): void;
  stop(): void;
}

export function paced(run: () => void, gapMs: number): Paced {
  let last = -Infinity;
  let pending: NodeJS.Immediate | NodeJS.Timeout | undefined;
  let stopped = false;
  const fire = (): void => {
    pending = undefined;
    if (stopped) return;
    last = performance.now();
    run();
  };
  return {
    request() {
      if (pending || stopped) return;
      const wait = last + gapMs - performance.now();
      pending = wait > 0 ? setTimeout(fire, wait) : setImmediate(fire);
    },
    stop() {
      stopped = true;
      if (pending) {
        clearTimeout(pending as NodeJS.Timeout);
        clearImmediate(pending as NodeJS.Immediate);
      }
    },
  };
}
