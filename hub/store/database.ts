/**
 * The hub's embedded store: SQLite opened with the same policy as a desk's (refuse newer
 * stores untouched, WAL, full sync, numbered migrations). The hub is the center's record.
 * Its group commit (group-commit.ts) then commits without waiting for the disk and syncs
 * the WAL itself, off the event loop, before anything it committed is acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { privateFiles } from '../../shared/private-files';
import { openMigrated } from '../../shared/store/open';
import { migrations } from './migrations';
import { sqliteStore } from './sqlite-store';
import type { HubStore } from './store';

export type { HubStore } from './store';

/** Where the hub keeps its store inside its --data folder. */
export const hubStoreFile = (dataDir: string): string => path.join(dataDir, 'hub.db');

/** The hub's data dir and store hold callers' data: private to the OS user running it. */
export const hubFiles = privateFiles(fs, process.platform);

export function openHubStore(dataDir: string): HubStore {
  return sqliteStore(openSqliteFile(dataDir));
}

/** The SQLite file itself, migrated (backups and seeding tools work on the file). */
export function openSqliteFile(dataDir: string): Database.Database {
  const file = hubStoreFile(dataDir);
  const db = openMigrated<Database.Database>(file, migrations, {
    exists: (f) => fs.existsSync(f),
    ensureDir: (f) => {
      hubFiles.dir(path.dirname(f));
      hubFiles.create(f);
    },
    open: (f, { readonly }) => new Database(f, { readonly, fileMustExist: readonly }),
  });
  hubFiles.store(file); // a store from before private modes, or restored from a backup
  return db;
}
