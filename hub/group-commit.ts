/**
 * Group commit: messages that arrive together are applied in ONE SQLite transaction, and
 * what each one answers or announces (its ack, events to desks, a delivery to an OPD) goes
 * out only after that transaction is on disk. Never ack before durable.
 *
 * The disk wait is kept off the event loop: the store commits with synchronous=NORMAL
 * (in WAL mode a commit then only writes the WAL), and an fdatasync of the WAL file on
 * the thread pool makes it durable (as SQLite's own FULL commit would: a synced WAL is
 * what recovery replays). Messages arriving meanwhile are read and wait; they are
 * committed together when the sync returns, so groups are released in commit order, each
 * only after an fdatasync that began after its commit returned. Checkpoints stay safe:
 * with NORMAL, SQLite syncs the WAL before a checkpoint and the database file after it,
 * and reuses the WAL only once it is fully checkpointed, so no frame a pending sync was
 * meant to cover is overwritten before it is durable in the database file.
 *
 * Messages are applied one after another in arrival order, each in its own savepoint: one
 * that throws rolls back alone, its effects are dropped, and its peer gets an error answer.
 * If the commit itself fails, nothing of the group is durable and every message in it gets
 * an error answer; none of their effects are sent.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';

export interface GroupCommit {
  /**
   * Applies `work` with the next group; after the group commits, calls `done` with its
   * result, or with `failed(error)` when it or the commit threw.
   */
  submit<T>(work: () => T, done: (result: T) => void, failed: (error: unknown) => T): void;
  /** Inside `work`: runs `effect` once the group has committed. Elsewhere: runs it now. */
  afterCommit(effect: () => void): void;
  /**
   * Applies what is queued now, syncs and releases every committed group, then refuses
   * further work (the store is about to close).
   */
  close(): void;
}

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

interface Pending {
  work: () => unknown;
  done: (result: unknown) => void;
  failed: (error: unknown) => unknown;
}

interface Result {
  /** Undefined when not even an error answer could be built. */
  answer: { value: unknown } | undefined;
  effects: Array<() => void>;
}

export function createGroupCommit(
  db: Database.Database,
  onEffectError: (error: unknown) => void,
): GroupCommit {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
    throw new Error('group commit needs a store in WAL mode');
  }
  // Each commit writes the WAL only; the fdatasync below makes it durable before any answer.
  db.pragma('synchronous = NORMAL');
  const walFile = `${db.name}-wal`;
  // The WAL exists once the store has been read in WAL mode; never created here.
  db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').all();
  const walFd = fs.openSync(walFile, 'r+');

  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
  /** The release (answers and effects) of the group whose sync is running, if any. */
  let syncing: (() => void) | undefined;
  /** Effects registered by the message being applied right now, if any. */
  let collecting: Array<() => void> | undefined;

  const runEffect = (effect: () => void): void => {
    try {
      effect();
    } catch (error) {
      onEffectError(error);
    }
  };
  /**
   * The error answer for a message, or undefined when building it threw too (then the
   * message goes unanswered, and the error is reported): one message's trouble never
   * costs the other messages of its group their answers.
   */
  const failure = (item: Pending, error: unknown): { value: unknown } | undefined => {
    try {
      return { value: item.failed(error) };
    } catch (inner) {
      onEffectError(inner);
      return undefined;
    }
  };
  const answer = (item: Pending, result: { value: unknown } | undefined): void => {
    if (result) runEffect(() => item.done(result.value));
  };

  // Prepared once: a savepoint per message, so one that throws undoes only its own writes.
  const savepoint = db.prepare('SAVEPOINT message');
  const release = db.prepare('RELEASE message');
  const rollbackTo = db.prepare('ROLLBACK TO message');
  const applyGroup = db.transaction((group: Pending[], results: Result[]) => {
    for (const item of group) {
      collecting = [];
      savepoint.run();
      try {
        const value = item.work();
        release.run();
        results.push({ answer: { value }, effects: collecting });
      } catch (error) {
        rollbackTo.run();
        release.run();
        results.push({ answer: failure(item, error), effects: [] });
      } finally {
        collecting = undefined;
      }
    }
  });

  /** Applies `group` in one transaction; the release of its answers and effects, once durable. */
  const commitGroup = (group: Pending[]): (() => void) | undefined => {
    const results: Result[] = [];
    try {
      applyGroup(group, results);
    } catch (error) {
      // Nothing of this group is stored: its error answers need no sync. Every group
      // before it has been released already, so they still arrive in order.
      group.forEach((item) => answer(item, failure(item, error)));
      return undefined;
    }
    return () =>
      group.forEach((item, i) => {
        const { answer: result, effects } = results[i]!;
        effects.forEach(runEffect);
        answer(item, result);
      });
  };

  /**
   * Commits what has arrived, unless a sync is running: then it waits, and everything that
   * arrives during the sync is committed together when it returns — one commit and one
   * sync for a burst, as when the loop itself waited for the disk, but with the loop free
   * meanwhile to read, check and answer.
   */
  const flush = (): void => {
    scheduled = false;
    if (syncing || queue.length === 0) return;
    const group = queue;
    queue = [];
    const release = commitGroup(group);
    if (!release) return;
    syncing = release;
    fs.fdatasync(walFd, (error) => {
      if (closed) return; // close() synced and released everything
      if (error) throw new WalSyncError(walFile, error);
      syncing = undefined;
      release();
      flush();
    });
  };

  return {
    submit(work, done, failed) {
      if (closed) {
        const item = { work, done, failed } as Pending;
        answer(item, failure(item, new Error('the hub is stopping')));
        return;
      }
      queue.push({
        work,
        done: done as (result: unknown) => void,
        failed: failed as (error: unknown) => unknown,
      });
      if (!scheduled && !syncing) {
        scheduled = true;
        // After the I/O callbacks of this turn: everything that arrived together joins.
        setImmediate(flush);
      }
    },
    afterCommit(effect) {
      if (collecting) collecting.push(effect);
      else runEffect(effect);
    },
    close() {
      if (closed) return;
      closed = true; // from here the running sync's callback does nothing
      const running = syncing;
      syncing = undefined;
      const group = queue;
      queue = [];
      const last = group.length > 0 ? commitGroup(group) : undefined;
      fs.fdatasyncSync(walFd);
      running?.();
      last?.();
      fs.closeSync(walFd);
    },
  };
}
