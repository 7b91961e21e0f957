/**
 * Numbered migrations for every SQLite store Sigap keeps (a desk's, the hub's): every
 * pending one runs in a single transaction that also sets `user_version`, so a store is
 * always at exactly one known version, and a store from a newer Sigap is refused before
 * anything is written to it. Works on any better-sqlite3-shaped handle.
 */

/** The part of a better-sqlite3 Database the runner needs. */
export interface MigratableDb {
  pragma(source: string, options: { simple: true }): unknown;
  pragma(source: string): unknown;
  transaction(fn: () => void): { immediate(): void };
}

export interface Migration<Db = MigratableDb> {
  version: number;
  name: string;
  /**
   * The migration rebuilds tables that others reference (SQLite's "create new, copy, drop,
   * rename"): foreign keys are switched off around the transaction, as SQLite requires,
   * and checked before it commits.
   */
  rebuildsTables?: boolean;
  up(db: Db): void;
}

/** A store written by a newer Sigap. `code` matches the API error code. */
export class StoreTooNewError extends Error {
  readonly code = 'store.too_new';
  constructor(
    readonly found: number,
    readonly latest: number,
  ) {
    super(
      `The store is at version ${found}, newer than this Sigap understands (${latest}). ` +
        'It was left untouched; install the newer Sigap to open it.',
    );
    this.name = 'StoreTooNewError';
  }
}

export function latestVersion(migrations: readonly Migration<never>[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function assertWellFormed(migrations: readonly Migration<never>[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}, expected ${i + 1}.`);
    }
  });
}

/** Runs pending migrations; returns the versions before and after. */
export function migrate<Db extends MigratableDb>(
  db: Db,
  migrations: readonly Migration<Db>[],
): { from: number; to: number } {
  assertWellFormed(migrations);
  const latest = latestVersion(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new StoreTooNewError(from, latest);
  if (from === latest) return { from, to: from };
  const pending = migrations.filter((m) => m.version > from);
  // `PRAGMA foreign_keys` is a no-op inside a transaction, so it is switched outside.
  const keysOff =
    pending.some((m) => m.rebuildsTables) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      if (keysOff) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(`migration left ${broken.length} broken foreign key reference(s)`);
        }
      }
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
