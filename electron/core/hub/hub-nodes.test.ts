import { describe, expect, it } from 'vitest';
import { createNodeRounds } from './hub-nodes';
import { createBackoff } from './timers';

/** The backoff at the top of each step: 500, 1000, 2000, 2000 … */
const backoff = () => createBackoff({ firstMs: 500, maxMs: 2000, random: () => 0.999_999 });

describe('hub node rounds', () => {
  it('goes round robin, straight on within a round and waiting only between rounds', () => {
    const rounds = createNodeRounds({ count: 3, backoff: backoff(), refusedWaitMs: 30_000 });
    expect(rounds.current()).toBe(0);
    const tries: Array<[number, number]> = [];
    for (let i = 0; i < 7; i++) {
      const wait = rounds.failed('unreachable');
      tries.push([rounds.current(), wait]);
    }
    expect(tries).toEqual([
      [1, 0],
      [2, 0],
      [0, 500],
      [1, 0],
      [2, 0],
      [0, 1000],
      [1, 0],
    ]);
  });

  it('starts a new round from the node it was online on, with the first wait again', () => {
    const rounds = createNodeRounds({ count: 2, backoff: backoff(), refusedWaitMs: 30_000 });
    expect([rounds.failed('unreachable'), rounds.failed('unreachable')]).toEqual([0, 500]);
    expect([rounds.failed('unreachable'), rounds.failed('unreachable')]).toEqual([0, 1000]);
    rounds.failed('unreachable'); // now on node 1
    rounds.online();
    // Node 1 drops: node 0 at once, then the first wait before node 1 again.
    expect(rounds.failed('unreachable')).toBe(0);
    expect(rounds.current()).toBe(0);
    expect(rounds.failed('unreachable')).toBe(500);
    expect(rounds.current()).toBe(1);
  });

  it('with one node, waits before every retry of it', () => {
    const rounds = createNodeRounds({ count: 1, backoff: backoff(), refusedWaitMs: 30_000 });
    expect([1, 2, 3, 4].map(() => rounds.failed('unreachable'))).toEqual([500, 1000, 2000, 2000]);
    expect(rounds.current()).toBe(0);
  });

  it('waits the refusal time after a round in which a node refused the token', () => {
    const rounds = createNodeRounds({ count: 2, backoff: backoff(), refusedWaitMs: 30_000 });
    expect(rounds.failed('refused')).toBe(0); // another node may know the token
    expect(rounds.failed('unreachable')).toBe(30_000);
    expect(rounds.failed('unreachable')).toBe(0);
    expect(rounds.failed('unreachable')).toBe(500);
  });
});
