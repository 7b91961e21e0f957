/**
 * How every Sigap SQLite store is opened: a store from a newer Sigap is refused through a
 * read-only handle before anything touches it (switching to WAL would already rewrite its
 * header), then WAL, full sync, foreign keys and migrations. The side that opens it
 * provides the file system and driver.
 */
import {
  StoreTooNewError,
  assertWellFormed,
  latestVersion,
  migrate,
  type MigratableDb,
  type Migration,
} from './migrate';

export interface SqliteDriver<Db> {
  exists(file: string): boolean;
  ensureDir(file: string): void;
  open(file: string, options: { readonly: boolean }): Db;
}

export function openMigrated<Db extends MigratableDb & { close(): void }>(
  file: string,
  migrations: readonly Migration<Db>[],
  driver: SqliteDriver<Db>,
): Db {
  assertWellFormed(migrations);
  const latest = latestVersion(migrations);
  if (driver.exists(file)) {
    const probe = driver.open(file, { readonly: true });
    const found = probe.pragma('user_version', { simple: true }) as number;
    probe.close();
    if (found > latest) throw new StoreTooNewError(found, latest);
  } else {
    driver.ensureDir(file);
  }
  const db = driver.open(file, { readonly: false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
