/**
 * Group commit: messages that arrive together are applied in ONE transaction, and what
 * each one answers or announces (its ack, events to desks, a delivery to an OPD) goes out
 * only after that transaction is durable. Never ack before durable.
 *
 * The disk wait is kept off the event loop (the store's DurableCommits: an fdatasync of
 * SQLite's WAL on the thread pool, or PostgreSQL's COMMIT answered on its connection's
 * thread). Messages arriving meanwhile are read and wait; they are committed together when
 * the wait ends, so groups are released in commit order, each only once it is durable.
 *
 * Messages are applied one after another in arrival order, each in its own savepoint: one
 * that throws rolls back alone, its effects are dropped, and its peer gets an error answer.
 * If the commit itself fails, or its durability cannot be made sure of, every message in
 * the group gets an error answer and none of their effects are sent (a desk retries, and
 * the message ids make a retry of something that did commit answer as before).
 */
import type { HubStore } from './store/store';

/**
 * What a message tells the group before it is applied: that it changes no case, and
 * which case's OPD copy it will read, so the group can read those copies in one go.
 */
export interface ReadAheadHint {
  caseCopy?: string;
}

/** Reads a group's case copies ahead (center-record.ts), inside the group's transaction. */
export interface ReadAhead {
  start(caseIds: readonly string[]): void;
  /** What was read no longer holds: a message that may change a case is next. */
  drop(): void;
}

export interface GroupCommit {
  /**
   * Applies `work` with the next group; after the group commits, calls `done` with its
   * result, or with `failed(error)` when it or the commit threw. Without `hint`, the
   * message may change any case.
   */
  submit<T>(
    work: () => T,
    done: (result: T) => void,
    failed: (error: unknown) => T,
    hint?: ReadAheadHint,
  ): void;
  /** Inside `work`: runs `effect` once the group has committed. Elsewhere: runs it now. */
  afterCommit(effect: () => void): void;
  /**
   * Applies what is queued now, syncs and releases every committed group, then refuses
   * further work (the store is about to close).
   */
  close(): void;
}

interface Pending {
  hint?: ReadAheadHint | undefined;
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
  db: HubStore,
  onEffectError: (error: unknown) => void,
  readAhead?: ReadAhead,
): GroupCommit {
  const commits = db.durableCommits();

  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
  /** A committed group is waiting to be durable. */
  let syncing = false;
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
  const applyGroup = (group: Pending[], results: Result[]): void => {
    results.length = 0; // a store may roll the group back and apply it again
    const copies = group.flatMap((item) => (item.hint?.caseCopy ? [item.hint.caseCopy] : []));
    // Worth a statement of its own only for a burst of them.
    if (readAhead && copies.length > 1) readAhead.start([...new Set(copies)]);
    try {
      applyEach(group, results);
    } finally {
      readAhead?.drop();
    }
  };
  const applyEach = (group: Pending[], results: Result[]): void => {
    for (const item of group) {
      if (!item.hint) readAhead?.drop();
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
  };

  /** Answers every message of a group whose commit failed or is not known durable. */
  const refuseGroup = (group: Pending[], error: unknown): void =>
    group.forEach((item) => answer(item, failure(item, error)));

  /**
   * Applies `group` in one transaction and starts making it durable; once it is (or could
   * not be made sure of), `durable` runs after its answers and effects have gone out.
   * Returns false when nothing was committed (the group has had its error answers).
   */
  const commitGroup = (group: Pending[], durable: () => void): boolean => {
    const results: Result[] = [];
    const release = (error?: unknown) => {
      if (error !== undefined) refuseGroup(group, error);
      else
        group.forEach((item, i) => {
          const { answer: result, effects } = results[i]!;
          effects.forEach(runEffect);
          answer(item, result);
        });
      durable();
    };
    try {
      commits.commit(() => applyGroup(group, results), release);
      return true;
    } catch (error) {
      // Nothing of this group is stored: its error answers need no wait. Every group
      // before it has been released already, so they still arrive in order.
      refuseGroup(group, error);
      return false;
    }
  };

  /**
   * Commits what has arrived, unless a commit is waiting for the disk: then it waits, and
   * everything that arrives meanwhile is committed together when it returns — one commit
   * and one disk wait for a burst, as when the loop itself waited for the disk, but with
   * the loop free meanwhile to read, check and answer.
   */
  const flush = (): void => {
    scheduled = false;
    if (syncing || closed || queue.length === 0) return;
    const group = queue;
    queue = [];
    syncing = commitGroup(group, () => {
      syncing = false;
      flush();
    });
  };

  return {
    submit(work, done, failed, hint) {
      if (closed) {
        const item = { work, done, failed } as Pending;
        answer(item, failure(item, new Error('the hub is stopping')));
        return;
      }
      queue.push({
        hint,
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
      closed = true; // from here nothing new is committed but what is queued now
      const group = queue;
      queue = [];
      if (group.length > 0) commitGroup(group, () => undefined);
      // Every committed group is released, in commit order, before this returns.
      commits.settle();
      commits.close();
    },
  };
}
