/**
 * A store write that is a transaction of its own when called alone, and simply part of the
 * caller's transaction when called inside one. better-sqlite3 would nest it as a savepoint,
 * two more statements per call: a desk settling thousands of acks and events in one
 * transaction a batch, or a hub applying a group, spent a good part of its store time on
 * them. Nested, an error still aborts the caller's transaction (or the group's savepoint
 * for the message), since every caller lets it propagate, so what commits is the same.
 */
/** What this needs of a better-sqlite3 database (shared code does not import the driver). */
interface TransactionalDb {
  readonly inTransaction: boolean;
  transaction(fn: (...args: never[]) => unknown): (...args: never[]) => unknown;
}

export function joined<A extends unknown[], R>(
  db: TransactionalDb,
  fn: (...args: A) => R,
): (...args: A) => R {
  // better-sqlite3 returns a function taking fn's arguments and returning its result.
  const own = db.transaction(fn) as (...args: A) => R;
  return (...args) => (db.inTransaction ? fn(...args) : own(...args));
}
