/**
 * Timers a unit test moves by hand: nothing runs until `advance`, and promise callbacks
 * run between two timers as they would between two turns of the event loop.
 */
import type { Timers } from '../../electron/core/hub/timers';

interface Due {
  at: number;
  order: number;
  fn: () => void;
}

export interface FakeTimers {
  timers: Timers;
  now(): number;
  /** Moves time on by `ms`, running every timer due on the way, in time order. */
  advance(ms: number): Promise<void>;
  /** Runs what is due now (e.g. `soon` callbacks) and the promise callbacks they start. */
  settle(): Promise<void>;
  /** When the earliest timer still waiting is due, relative to now. */
  nextIn(): number | undefined;
}

/** Lets every promise callback queued so far run (and those they queue). */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

export function fakeTimers(start = Date.UTC(2026, 10, 28, 1, 0, 0)): FakeTimers {
  let now = start;
  let order = 0;
  const queue: Due[] = [];
  const after = (ms: number, fn: () => void): (() => void) => {
    const due = { at: now + Math.max(0, ms), order: order++, fn };
    queue.push(due);
    return () => {
      const i = queue.indexOf(due);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  const runUntil = async (end: number): Promise<void> => {
    await drain();
    for (;;) {
      queue.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      now = Math.max(now, next.at);
      next.fn();
      await drain();
    }
    now = Math.max(now, end);
  };
  return {
    timers: { after, soon: (fn) => void after(0, fn) },
    now: () => now,
    advance: (ms) => runUntil(now + ms),
    settle: () => runUntil(now),
    nextIn() {
      const at = Math.min(...queue.map((d) => d.at));
      return Number.isFinite(at) ? at - now : undefined;
    },
  };
}
