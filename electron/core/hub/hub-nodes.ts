/**
 * Which hub node a desk tries next when SIGAP_HUB_URL lists several: round robin from the
 * node that failed, straight on to the next node within a round, and a wait only between
 * whole rounds (every node failed once since the desk was last online), so a dead node
 * costs one failed attempt, not a backoff. With one node every failure ends a round: the
 * desk waits and tries that node again.
 */
import type { Backoff } from './timers';

export type NodeFailure = 'unreachable' | 'refused';

export interface NodeRounds {
  /** Index of the node to use now. */
  current(): number;
  /**
   * The current node failed (unreachable, dropped, silent, or it refused the token); moves to
   * the next node and returns how long to wait before trying it: 0 within a round.
   */
  failed(failure: NodeFailure): number;
  /** Online on the current node: the next failure starts a new round from here. */
  online(): void;
}

export interface NodeRoundsOptions {
  count: number;
  /** The wait between rounds of unreachable nodes. */
  backoff: Backoff;
  /** The wait after a round in which a node refused the token (fixing it takes a person). */
  refusedWaitMs: number;
}

export function createNodeRounds(o: NodeRoundsOptions): NodeRounds {
  if (!Number.isInteger(o.count) || o.count < 1) throw new Error('at least one hub node');
  let at = 0;
  let failedInRound = 0;
  let refusedInRound = false;
  return {
    current: () => at,
    failed(failure) {
      at = (at + 1) % o.count;
      failedInRound++;
      if (failure === 'refused') refusedInRound = true;
      if (failedInRound < o.count) return 0;
      const wait = refusedInRound ? o.refusedWaitMs : o.backoff.next();
      failedInRound = 0;
      refusedInRound = false;
      return wait;
    },
    online() {
      failedInRound = 0;
      refusedInRound = false;
      o.backoff.reset();
    },
  };
}
