/**
 * The SQLite hub store: better-sqlite3 behind the HubStore interface. Durable commits
 * commit with synchronous=NORMAL (in WAL mode a commit then only writes the WAL) and make
 * the WAL durable with an fdatasync on the thread pool, so the event loop is free during
 * the disk wait. That is what SQLite's own FULL commit does (a synced WAL is what recovery
 * replays). Checkpoints stay safe: with NORMAL, SQLite syncs the WAL before a checkpoint
 * and the database file after it, and reuses the WAL only once it is fully checkpointed,
 * so no frame a pending sync was meant to cover is overwritten before it is durable.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { DurableCommits, HubStore, StoreStatement } from './store';

/**
 * The disk refused to sync the WAL. Nothing committed since the previous sync can be
 * acknowledged, and after a failed fsync the kernel may have dropped those pages, so a
 * later sync proves nothing either: the process stops, and restarts from what is on disk.
 */
export class WalSyncError extends Error {
  constructor(walFile: string, cause: unknown) {
    super(
      `could not sync ${walFile}: ${String(cause)}; stopping, as nothing since the last sync can be acknowledged`,
    );
  }
}

export function sqliteStore(db: Database.Database): HubStore {
  return {
    engine: 'sqlite',
    describe: db.name,
    prepare: <P extends unknown[] | object, R>(sql: string) =>
      db.prepare(sql) as unknown as StoreStatement<P extends unknown[] ? P : [P], R>,
    transaction: <F extends (...args: never[]) => unknown>(fn: F) =>
      db.transaction(fn as unknown as (...args: unknown[]) => unknown) as unknown as F,
    get inTransaction() {
      return db.inTransaction;
    },
    optimistic: false,
    durableCommits: () => walSyncedCommits(db),
    close: () => db.close(),
  };
}

function walSyncedCommits(db: Database.Database): DurableCommits {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
    throw new Error('group commit needs a store in WAL mode');
  }
  db.pragma('synchronous = NORMAL');
  const walFile = `${db.name}-wal`;
  // The WAL exists once the store has been read in WAL mode; never created here.
  db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').all();
  const walFd = fs.openSync(walFile, 'r+');
  /** The durable callbacks of commits whose sync has not returned, in commit order. */
  const pending: Array<() => void> = [];
  return {
    commit(apply, durable) {
      db.transaction(apply)();
      pending.push(durable);
      fs.fdatasync(walFd, (error) => {
        if (!pending.includes(durable)) return; // settle() synced and called it
        if (error) throw new WalSyncError(walFile, error);
        // A sync that began after a commit returned covers it and every commit before it.
        pending.splice(0, pending.indexOf(durable) + 1).forEach((done) => done());
      });
    },
    settle() {
      fs.fdatasyncSync(walFd);
      pending.splice(0).forEach((done) => done());
    },
    close: () => fs.closeSync(walFd),
  };
}
