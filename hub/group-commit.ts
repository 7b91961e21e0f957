/**
 * Group commit: messages that arrive together are applied in ONE SQLite transaction, and
 * what each one answers or announces (its ack, events to desks, a delivery to an OPD) goes
 * out only after that transaction has committed — with synchronous=FULL, after it is on
 * disk. One fsync then covers a burst instead of one per message. Never ack before durable.
 *
 * Messages are applied one after another in arrival order, each in its own savepoint: one
 * that throws rolls back alone, its effects are dropped, and its peer gets an error answer.
 * If the commit itself fails, nothing of the group is durable and every message in it gets
 * an error answer; none of their effects are sent.
 */
import type Database from 'better-sqlite3';

export interface GroupCommit {
  /**
   * Applies `work` with the next group; after the group commits, calls `done` with its
   * result, or with `failed(error)` when it or the commit threw.
   */
  submit<T>(work: () => T, done: (result: T) => void, failed: (error: unknown) => T): void;
  /** Inside `work`: runs `effect` once the group has committed. Elsewhere: runs it now. */
  afterCommit(effect: () => void): void;
  /** Applies what is queued now, then refuses further work (the store is about to close). */
  close(): void;
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
  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
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

  const flush = (): void => {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    const results: Result[] = [];
    try {
      applyGroup(group, results);
    } catch (error) {
      for (const item of group) answer(item, failure(item, error));
      return;
    }
    group.forEach((item, i) => {
      const { answer: result, effects } = results[i]!;
      effects.forEach(runEffect);
      answer(item, result);
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
      if (!scheduled) {
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
      flush();
      closed = true;
    },
  };
}
