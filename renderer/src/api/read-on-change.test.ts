import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readOnChange } from './read-on-change';

/** A read the test finishes by hand, to hold it in flight. */
function reads() {
  const started: Array<() => void> = [];
  const read = () =>
    new Promise<void>((resolve) => {
      started.push(resolve);
    });
  return { read, started };
}

describe('readOnChange', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads at once after a quiet spell', async () => {
    const { read, started } = reads();
    const r = readOnChange(read, 200);
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(1);
    r.stop();
  });

  it('a burst of changes while a read runs makes one more read, not one each', async () => {
    const { read, started } = reads();
    const r = readOnChange(read, 200);
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10_000; i++) r.request();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toHaveLength(1);
    started[0]!();
    await vi.advanceTimersByTimeAsync(0);
    // The gap since the first read has passed: the changes meanwhile are read now, once.
    expect(started).toHaveLength(2);
    started[1]!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toHaveLength(2);
    r.stop();
  });

  it('changes coming steadily are read at most once per gap', async () => {
    let n = 0;
    const r = readOnChange(() => {
      n++;
      return Promise.resolve();
    }, 200);
    // A change every 10 ms for two seconds.
    for (let t = 0; t < 2_000; t += 10) {
      r.request();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(11);
    r.stop();
  });

  it('a failed read still lets the next change be read', async () => {
    let n = 0;
    const r = readOnChange(() => {
      n++;
      return Promise.reject(new Error('host away'));
    }, 200);
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    r.request();
    await vi.advanceTimersByTimeAsync(200);
    expect(n).toBe(2);
    r.stop();
  });

  it('reads nothing once stopped', async () => {
    let n = 0;
    const r = readOnChange(() => {
      n++;
      return Promise.resolve();
    }, 200);
    r.request();
    r.stop();
    r.request();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(n).toBe(0);
  });
});
