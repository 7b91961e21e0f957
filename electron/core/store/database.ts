/**
 * Opens the console's local SQLite store (shared policy: refuse newer stores untouched,
 * WAL, full sync, foreign keys, numbered migrations). Only core opens it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openMigrated } from '../../../shared/store/open';
import { files } from '../private-files';
import type { Migration } from './migrate';
import { migrations as defaultMigrations } from './migrations';

export type Store = Database.Database;

export interface OpenStoreOptions {
  /** Path to an Electron-ABI build of better-sqlite3, when running under Electron. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = openMigrated<Store>(file, options.migrations ?? defaultMigrations, {
    exists: (f) => fs.existsSync(f),
    ensureDir: (f) => {
      // Callers' data: the folder and the file are private before SQLite writes a page.
      files.dir(path.dirname(f));
      files.create(f);
    },
    open: (f, { readonly }) => new Database(f, { ...binding, readonly, fileMustExist: readonly }),
  });
  files.store(file); // a store from before private modes, or copied in
  return db;
}
