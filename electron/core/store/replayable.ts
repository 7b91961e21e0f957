/**
 * Commits what the hub can hand back — its acks, the events it sent, the last seq — without
 * waiting for the disk. In WAL mode with synchronous=NORMAL each commit is still atomic, in
 * order and safe from a crash of this process; only a power cut can drop the latest few,
 * and then the desk resends (the hub answers a repeat with its first answer) and syncs from
 * the older last seq. What an operator writes keeps waiting for the disk (FULL): the next
 * such commit also makes every earlier one durable.
 */
import type { Store } from './database';

export function replayable<T>(db: Store, fn: () => T): T {
  // Inside someone else's transaction, that transaction's commit decides.
  if (db.inTransaction) return db.transaction(fn)();
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
