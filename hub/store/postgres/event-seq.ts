/**
 * Event seqs counted by the hub node, so an event's INSERT is sent without waiting for its
 * RETURNING seq (one round trip less per event). The counter is read once per transaction,
 * after the center's write lock is taken, so no other node writes events meanwhile; a
 * savepoint keeps its value and a rollback to it restores it, so a message that fails
 * alone gives its seqs back. The database's trigger checks every seq given (0002).
 */

/** The event log's append, as the operations write it (hub/event-log.ts). */
const EVENT_INSERT =
  /^\s*INSERT INTO events \(at, type, case_id, body\) VALUES \(\?, \?, \?, \?\) RETURNING seq\s*$/i;

export interface EventSeqs {
  /** The SQL to prepare instead of `sql`, with the seq as first parameter, or undefined. */
  rewrite(sql: string): string | undefined;
  /** A transaction began under the write lock, with `last` the log's last seq. */
  begun(last: number): void;
  /** The seq for the next event of this transaction. */
  next(): number;
  saved(savepoint: string): void;
  rolledBackTo(savepoint: string): void;
  /** The transaction ended (committed or rolled back): the next one reads the log again. */
  ended(): void;
}

export function createEventSeqs(): EventSeqs {
  let last: number | undefined;
  const savepoints = new Map<string, number>();
  return {
    rewrite: (sql) =>
      EVENT_INSERT.test(sql)
        ? 'INSERT INTO events (seq, at, type, case_id, body) VALUES (?, ?, ?, ?, ?)'
        : undefined,
    begun(seq) {
      last = seq;
      savepoints.clear();
    },
    next() {
      if (last === undefined) throw new Error('an event is written outside a transaction');
      return ++last;
    },
    saved(savepoint) {
      if (last !== undefined) savepoints.set(savepoint, last);
    },
    rolledBackTo(savepoint) {
      const seq = savepoints.get(savepoint);
      if (seq !== undefined) last = seq;
    },
    ended() {
      last = undefined;
      savepoints.clear();
    },
  };
}
