/**
 * The PostgreSQL hub store: several hub nodes keep one center's record in one database.
 * Statements run synchronously over one connection (sync-connection.ts); every outermost
 * write transaction takes the center's write lock first (write-lock.ts). A durable commit
 * sends COMMIT without waiting: with synchronous_commit=on its answer means the WAL is on
 * disk, and the group's answers go out only then.
 *
 * A group is first applied optimistically, without a savepoint per message: a message
 * that only writes costs no round trip and no statement of its own. That is only sound
 * while nothing fails: an error surfaces at a later statement, where it cannot be told
 * apart from that statement's own, and no message can be undone alone. So the first error
 * of any kind, a message that throws (its rollback to its savepoint), or a COMMIT refused
 * for a write, rolls the whole group back, and it is applied again carefully, each message
 * in its own savepoint released and waited for: each error is then its own message's.
 */
import { StoreTooNewError } from '../../../shared/store/migrate';
import type { DurableCommits, HubStore, StoreStatement } from '../store';
import { pgMigrations } from './migrations';
import { createEventSeqs } from './event-seq';
import { bindValues, toPostgres } from './sql-dialect';
import { openSyncConnection, type SyncConnection } from './sync-connection';
import { CENTER_WRITE_LOCK } from './write-lock';

/**
 * Thrown out of an optimistic group at its first trouble: the group is rolled back and
 * applied again, carefully. Never reaches a message's answer.
 */
class ApplyAgain extends Error {
  constructor(cause: unknown) {
    super('the group is applied again, one message at a time', { cause });
  }
}

/** PostgreSQL refused a statement and rolled back; the connection itself is fine. */
const refusedStatement = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57)/.test(code);
};

/** `postgres://user:secret@host/db` as it may be logged: without the password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable address)';
  }
}

export function openPostgresStore(url: string): HubStore {
  const conn = openSyncConnection(url);
  try {
    migrate(conn);
  } catch (error) {
    conn.close();
    if (error instanceof StoreTooNewError) throw error;
    throw new Error(
      `cannot open the PostgreSQL store at ${withoutPassword(url)}: ${(error as Error).message}`,
    );
  }
  let depth = 0;
  let statements = 0;
  const eventSeqs = createEventSeqs();
  /** The group being applied has no savepoints (file comment). */
  let optimistic = false;
  /** The optimistic group met trouble; whatever caught it, the group is applied again. */
  let troubled: unknown;

  /** A statement the hub waits for; in an optimistic group its error ends the attempt. */
  const waited = (text: string, values?: unknown[], name?: string) => {
    if (!optimistic) return conn.query(text, values, name);
    if (troubled !== undefined) throw new ApplyAgain(troubled);
    try {
      return conn.query(text, values, name);
    } catch (error) {
      troubled = error;
      throw error;
    }
  };
  /** A savepoint released or rolled back to; in an optimistic group there is none. */
  const ending = (text: string, values?: unknown[], name?: string): void => {
    if (optimistic && /^\s*RELEASE\b/i.test(text)) return;
    if (optimistic) {
      // Something failed in a message: which one is only known applied carefully.
      troubled ??= new Error(`${text} in an optimistic group`);
      throw new ApplyAgain(troubled);
    } else conn.query(text, values, name);
  };

  /**
   * BEGIN and the lock are sent without waiting (statements are pipelined, so they run
   * first); the log's last seq, read under the lock, answers for all three.
   */
  const begin = (): void => {
    conn.send('BEGIN');
    conn.send(`SELECT pg_advisory_xact_lock(${CENTER_WRITE_LOCK})`);
    try {
      const [row] = conn.query(
        'SELECT coalesce(max(seq), 0) AS seq FROM events',
        [],
        'sigap_last_seq',
      ).rows as Array<{ seq: number }>;
      eventSeqs.begun(row!.seq);
    } catch (error) {
      rollback();
      throw error;
    }
  };
  /** Ends a failed transaction; its own trouble must not hide the error that ended it. */
  const rollback = (): void => {
    eventSeqs.ended();
    try {
      conn.query('ROLLBACK');
    } catch {
      // The connection is gone: the server has rolled back already.
    }
  };

  const store: HubStore = {
    engine: 'postgres',
    describe: withoutPassword(url),
    prepare<P extends unknown[] | object, R>(sql: string) {
      const name = `sigap_${++statements}`;
      const eventInsert = eventSeqs.rewrite(sql);
      if (eventInsert !== undefined) {
        // The seq is counted here: the INSERT is not waited for (event-seq.ts).
        const text = toPostgres(eventInsert).text;
        const all = (...args: unknown[]) => {
          const seq = eventSeqs.next();
          conn.send(text, [seq, ...args], name);
          return [{ seq }] as R[];
        };
        return {
          run: (...args: unknown[]) => void all(...args),
          get: (...args: unknown[]) => all(...args)[0],
          all,
          iterate: (...args: unknown[]) => all(...args)[Symbol.iterator](),
        } as unknown as StoreStatement<P extends unknown[] ? P : [P], R>;
      }
      const statement = toPostgres(sql);
      const savepoint = /^\s*SAVEPOINT (\w+)\s*$/i.exec(sql)?.[1];
      const rollbackTo = /^\s*ROLLBACK TO (\w+)\s*$/i.exec(sql)?.[1];
      const query = (args: unknown[]) => {
        if (savepoint) eventSeqs.saved(savepoint);
        const result = waited(statement.text, bindValues(statement, args), name);
        if (rollbackTo) eventSeqs.rolledBackTo(rollbackTo);
        return result;
      };
      const all = (...args: unknown[]) => query(args).rows as R[];
      // A write in a transaction is not waited for: nothing reads its row count, and an error
      // it meets surfaces at the next statement waited for — at the latest the COMMIT, or,
      // in a group applied carefully, the RELEASE that ends its message.
      const endsSavepoint = /^\s*(RELEASE|ROLLBACK TO)\b/i.test(sql);
      const waitedFor = /^\s*(COMMIT|ROLLBACK)\b/i.test(sql);
      return {
        run: (...args: unknown[]) => {
          if (depth > 0 && endsSavepoint) {
            ending(statement.text, bindValues(statement, args), name);
            if (rollbackTo) eventSeqs.rolledBackTo(rollbackTo);
          } else if (depth === 0 || waitedFor) query(args);
          else if (savepoint && optimistic) return;
          else {
            if (savepoint) eventSeqs.saved(savepoint);
            conn.send(statement.text, bindValues(statement, args), name);
          }
        },
        get: (...args: unknown[]) => all(...args)[0],
        all,
        iterate: (...args: unknown[]) => all(...args)[Symbol.iterator](),
      } as unknown as StoreStatement<P extends unknown[] ? P : [P], R>;
    },
    transaction<F extends (...args: never[]) => unknown>(fn: F): F {
      return ((...args: never[]) => {
        if (depth > 0) {
          const savepoint = `nested_${depth}`;
          if (!optimistic) {
            eventSeqs.saved(savepoint);
            conn.query(`SAVEPOINT ${savepoint}`);
          }
          depth++;
          try {
            const result = fn(...args);
            ending(`RELEASE ${savepoint}`);
            return result;
          } catch (error) {
            if (error instanceof ApplyAgain) throw error;
            ending(`ROLLBACK TO ${savepoint}`);
            eventSeqs.rolledBackTo(savepoint);
            conn.query(`RELEASE ${savepoint}`);
            throw error;
          } finally {
            depth--;
          }
        }
        begin();
        depth = 1;
        try {
          const result = fn(...args);
          eventSeqs.ended();
          conn.query('COMMIT');
          return result;
        } catch (error) {
          rollback();
          throw error;
        } finally {
          depth = 0;
        }
      }) as F;
    },
    get inTransaction() {
      return depth > 0;
    },
    get optimistic() {
      return optimistic;
    },
    durableCommits(): DurableCommits {
      /** One attempt at the group; a careful one is what an optimistic one falls back to. */
      const attempt = (apply: () => void, durable: (error?: unknown) => void, careful: boolean) => {
        begin();
        depth = 1;
        optimistic = !careful;
        troubled = undefined;
        try {
          apply();
          if (troubled !== undefined) throw new ApplyAgain(troubled);
        } catch (error) {
          optimistic = false;
          rollback();
          if (error instanceof ApplyAgain) return attempt(apply, durable, true);
          throw error;
        } finally {
          depth = 0;
          optimistic = false;
        }
        eventSeqs.ended();
        conn.queryLater('COMMIT', (error) => {
          // A write after the last statement waited for was refused, and PostgreSQL rolled
          // the group back: applied carefully, each error is its own message's again.
          if (careful || !refusedStatement(error)) return durable(error);
          try {
            attempt(apply, durable, true);
          } catch (again) {
            durable(again);
          }
        });
      };
      return {
        commit: (apply, durable) => attempt(apply, durable, false),
        settle: () => conn.settle(),
        close: () => undefined,
      };
    },
    close() {
      conn.settle();
      conn.close();
    },
  };
  return store;
}

/**
 * Brings the database to the latest schema, in one transaction under the center's write
 * lock (two nodes starting together migrate once). A database from a newer Sigap is left
 * untouched and refused, as a SQLite store is.
 */
function migrate(conn: SyncConnection): void {
  const latest = pgMigrations.at(-1)!.version;
  conn.query('BEGIN');
  try {
    conn.query(`SELECT pg_advisory_xact_lock(${CENTER_WRITE_LOCK})`);
    conn.query('CREATE TABLE IF NOT EXISTS sigap_store (version integer NOT NULL)');
    const [row] = conn.query('SELECT version FROM sigap_store').rows as Array<{ version: number }>;
    const found = row?.version ?? 0;
    if (found > latest) throw new StoreTooNewError(found, latest);
    for (const m of pgMigrations) if (m.version > found) conn.query(m.sql);
    if (!row) conn.query(`INSERT INTO sigap_store (version) VALUES (${latest})`);
    else if (found < latest) conn.query(`UPDATE sigap_store SET version = ${latest}`);
    conn.query('COMMIT');
  } catch (error) {
    try {
      conn.query('ROLLBACK');
    } catch {
      // The connection is gone; nothing was committed.
    }
    throw error;
  }
}
