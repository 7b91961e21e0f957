/**
 * The PostgreSQL hub store: several hub nodes keep one center's record in one database.
 * Statements run synchronously over one connection (sync-connection.ts); every outermost
 * write transaction takes the center's write lock first (write-lock.ts). A durable commit
 * sends COMMIT without waiting: with synchronous_commit=on its answer means the WAL is on
 * disk, and the group's answers go out only then.
 */
import { StoreTooNewError } from '../../../shared/store/migrate';
import type { DurableCommits, HubStore, StoreStatement } from '../store';
import { pgMigrations } from './migrations';
import { createEventSeqs } from './event-seq';
import { bindValues, toPostgres } from './sql-dialect';
import { openSyncConnection, type SyncConnection } from './sync-connection';
import { CENTER_WRITE_LOCK } from './write-lock';

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
        const result = conn.query(statement.text, bindValues(statement, args), name);
        if (rollbackTo) eventSeqs.rolledBackTo(rollbackTo);
        return result;
      };
      const all = (...args: unknown[]) => query(args).rows as R[];
      // A write in a transaction is not waited for: nothing reads its row count, and an error
      // it meets surfaces at the next statement waited for — at the latest the RELEASE or
      // COMMIT that ends the work it belongs to, which is always waited for.
      const waitedFor = /^\s*(RELEASE|COMMIT|ROLLBACK)\b/i.test(sql);
      return {
        run: (...args: unknown[]) => {
          if (depth === 0 || waitedFor) query(args);
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
          eventSeqs.saved(savepoint);
          conn.query(`SAVEPOINT ${savepoint}`);
          depth++;
          try {
            const result = fn(...args);
            conn.query(`RELEASE ${savepoint}`);
            return result;
          } catch (error) {
            conn.query(`ROLLBACK TO ${savepoint}`);
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
    durableCommits(): DurableCommits {
      return {
        commit(apply, durable) {
          begin();
          depth = 1;
          try {
            apply();
          } catch (error) {
            rollback();
            throw error;
          } finally {
            depth = 0;
          }
          eventSeqs.ended();
          conn.queryLater('COMMIT', durable);
        },
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
