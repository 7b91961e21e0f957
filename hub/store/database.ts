/**
 * The hub's durable store: SQLite opened with the same policy as a desk's (refuse newer
 * stores untouched, WAL, full sync, numbered migrations). The hub is the center's record.
 * Its group commit (group-commit.ts) then commits without waiting for the disk and syncs
 * the WAL itself, off the event loop, before anything it committed is acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openMigrated } from '../../shared/store/open';
import { migrations } from './migrations';

export type HubStore = Database.Database;

/** Where the hub keeps its store inside its --data folder. */
export const hubStoreFile = (dataDir: string): string => path.join(dataDir, 'hub.db');

export function openHubStore(dataDir: string): HubStore {
  return openMigrated<HubStore>(hubStoreFile(dataDir), migrations, {
    exists: (f) => fs.existsSync(f),
    ensureDir: (f) => fs.mkdirSync(path.dirname(f), { recursive: true }),
    open: (f, { readonly }) => new Database(f, { readonly, fileMustExist: readonly }),
  });
}
