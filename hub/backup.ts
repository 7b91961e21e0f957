/**
 * `npm run hub -- backup FILE --data DIR [--force]`: a consistent copy of a hub's store,
 * taken while the hub keeps serving. Uses SQLite's online backup API from this process on
 * its own read-only connection; the hub's writes are not paused. Never overwrites a file
 * unless asked, and never leaves a half-written copy under the requested name.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hubFiles, hubStoreFile } from './store/database';

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  /** The last event the copy holds. */
  lastSeq: number;
  events: number;
}

/**
 * All pages in one backup step. SQLite restarts a stepwise backup whenever another
 * connection (the running hub) writes between steps, which under steady load may never
 * finish; a single step copies one read snapshot, and in WAL mode holding it does not
 * block the hub's writes.
 */
const ALL_PAGES = 0x7fffffff;

export async function backupHubStore(
  dataDir: string,
  destination: string,
  options: { force: boolean },
): Promise<BackupResult> {
  const source = path.resolve(hubStoreFile(dataDir));
  const target = path.resolve(destination);
  if (!fs.existsSync(source)) throw new BackupError(`no hub store at ${source}`);
  if (target === source || target.startsWith(`${source}-`)) {
    throw new BackupError(`${target} is the hub's own store; choose another file`);
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw new BackupError(`folder ${path.dirname(target)} does not exist`);
  }
  if (fs.existsSync(target) && !options.force) {
    throw new BackupError(`${target} already exists; add --force to replace it`);
  }

  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM events LIMIT 1').all();
  } catch (error) {
    throw new BackupError(`${source} is not a readable hub store: ${(error as Error).message}`);
  }
  // Written beside the target and renamed when complete and checked.
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.partial`,
  );
  try {
    hubFiles.create(partial); // the copy holds callers' data: private from its first page
    await db.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // A backup is one self-contained file: no -wal beside it to lose when it is moved.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new BackupError(`the copy failed its integrity check: ${String(check)}`);
      const { events, lastSeq } = copy
        .prepare('SELECT count(*) AS events, coalesce(max(seq), 0) AS lastSeq FROM events')
        .get() as { events: number; lastSeq: number };
      copy.close();
      if (options.force) fs.renameSync(partial, target);
      else {
        fs.linkSync(partial, target); // fails if the target appeared meanwhile
        fs.unlinkSync(partial);
      }
      return { file: target, bytes: fs.statSync(target).size, lastSeq, events };
    } finally {
      if (copy.open) copy.close();
    }
  } catch (error) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new BackupError(`${target} already exists; add --force to replace it`);
    throw new BackupError(`backup failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
