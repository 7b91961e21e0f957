/**
 * Opens the console's local SQLite store: refuses a store from a newer Sigap without
 * touching it, then sets the durability pragmas and runs migrations. Only core opens it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertWellFormed, latestVersion, migrate, tooNewError, type Migration } from './migrate';
import { migrations as defaultMigrations } from './migrations';

export type Store = Database.Database;

export interface OpenStoreOptions {
  /** Path to an Electron-ABI build of better-sqlite3, when running under Electron. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const migrations = options.migrations ?? defaultMigrations;
  assertWellFormed(migrations);
  const dbOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (fs.existsSync(file)) {
    // Read the version through a read-only handle first: setting WAL mode would already
    // rewrite the header of a store we must leave untouched.
    const probe = new Database(file, { ...dbOptions, readonly: true, fileMustExist: true });
    const found = probe.pragma('user_version', { simple: true }) as number;
    probe.close();
    if (found > latestVersion(migrations)) throw tooNewError(found, latestVersion(migrations));
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const db = new Database(file, dbOptions);
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
