/**
 * Commits what the hub can hand back — its acks, the events it sent, the last seq — without
 * waiting for the disk. In WAL mode with synchronous=NORMAL each commit is still atomic, in
 * order and safe from a crash of this process; only a power cut can drop the latest few,
 * and then the desk resends (the hub answers a repeat with its first answer) and syncs from
 * the older last seq. What an operator writes keeps waiting for the disk (FULL): the next
 * such commit also makes every earlier one durable.
 */
import type { Store } from './database';

/** Made once per store: a desk settles a batch of acks many times a second. */
const transactions = new WeakMap<Store, (fn: () => unknown) => unknown>();

export function replayable<T>(db: Store, fn: () => T): T {
  let transaction = transactions.get(db);
  if (!transaction) {
    transaction = db.transaction((f: () => unknown) => f());
    transactions.set(db, transaction);
  }
  // Inside someone else's transaction, that transaction's commit decides.
  if (db.inTransaction) return transaction(fn) as T;
  // (SQLite applies this pragma as it compiles it: it cannot be prepared once.)
  db.pragma('synchronous = NORMAL');
  try {
    return transaction(fn) as T;
  } finally {
    db.pragma('synchronous = FULL');
  }
}
