/**
 * What the center's record needs of a store: prepared statements, transactions, and a
 * durable group commit. Two stores provide it: SQLite (the embedded default, one hub
 * process) and PostgreSQL (several hub processes on one database). The operations are
 * written once against this, in the SQL both engines speak (`?` parameters; no JSON
 * functions, `INSERT OR …` or engine pragmas in operation code).
 */

export interface StoreStatement<P extends unknown[], R> {
  /** A write; on PostgreSQL, inside a transaction, not waited for (postgres-store.ts). */
  run(...params: P): void;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}

/**
 * Commits a group of messages so that nothing is answered before it is durable, while the
 * event loop stays free during the disk wait (group-commit.ts).
 */
export interface DurableCommits {
  /**
   * Runs `apply` in one transaction and commits it; throws, with nothing stored, when
   * `apply` or the commit throws. `durable` is called (never before this returns, and in
   * commit order) once the commit is on disk, or with the error when that could not be made
   * sure of: then whether it committed is unknown. `apply` may run more than once (a
   * store may roll the group back and apply it again, postgres-store.ts): each run starts
   * from scratch, and its work outside the store is only what it hands to `durable`.
   */
  commit(apply: () => void, durable: (error?: unknown) => void): void;
  /**
   * Blocks until every commit is durable and calls their `durable` callbacks now, in
   * order; none is called later (the store is about to close).
   */
  settle(): void;
  close(): void;
}

/**
 * The one statement an engine must spell its own way (JSON built or read inside the
 * query, where reading rows out would cost more).
 */
export const sqlFor = (db: HubStore, sql: { sqlite: string; postgres: string }): string =>
  sql[db.engine];

export interface HubStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Where the record lives, for logs (a file, or the database without its password). */
  readonly describe: string;
  /** `?` parameters, or `@name` ones bound from one object. */
  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): StoreStatement<P extends unknown[] ? P : [P], R>;
  /**
   * Wraps `fn` in a transaction; called inside one, it nests as a savepoint. On
   * PostgreSQL every outermost write transaction holds the center's write lock, so the
   * hub nodes' transactions commit one after another and `seq` follows commit order.
   */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F;
  readonly inTransaction: boolean;
  /**
   * True while a group is being applied optimistically (PostgreSQL, postgres-store.ts):
   * any error sends the whole group back to be applied again carefully, so a lookup whose
   * answer a unique key gives anyway (this id is new) may be left to that key.
   */
  readonly optimistic: boolean;
  /** Group commit's durability, for the store's engine. */
  durableCommits(): DurableCommits;
  close(): void;
}
