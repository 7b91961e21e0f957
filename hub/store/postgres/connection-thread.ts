/**
 * The PostgreSQL connection's own thread. The hub's operations are synchronous, as they
 * are on SQLite; the hub's thread asks for a statement and waits on a shared counter
 * (sync-connection.ts), while this thread runs it with `pg` and answers. One connection,
 * statements in the order asked. A connection that dies is opened again for the next
 * statement, but never in the middle of a transaction: until the hub's thread rolls back,
 * everything in it is refused, so no statement lands outside the transaction it was for.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';

export interface ThreadData {
  url: string;
  /** Int32 counter: bumped after every answer, so the waiting thread wakes up. */
  counter: SharedArrayBuffer;
  /** Answers the hub's thread waits for. */
  waited: MessagePort;
  /** Answers delivered on the hub's event loop (a commit it does not wait for). */
  later: MessagePort;
}

export interface Ask {
  id: number;
  text: string;
  values?: unknown[];
  /** Prepared once per connection under this name. */
  name?: string;
  /**
   * `none`: a write inside a transaction whose result nobody reads; the hub goes on without
   * waiting, and its error, if any, is the answer to the next statement (see `deferred`).
   */
  answer: 'waited' | 'later' | 'none';
}

export type Answer =
  | { id: number; ok: true; rows: unknown[]; rowCount: number }
  | { id: number; ok: false; message: string; code?: string };

const data = workerData as ThreadData;
const counter = new Int32Array(data.counter);

// bigint columns (timestamps in ms, seqs, counts) as numbers, as SQLite gives them.
const INT8 = 20;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format),
};

let client: pg.Client | undefined;
let inTransaction = false;
/** The connection was lost inside a transaction: only its ROLLBACK is accepted. */
let lost = false;

async function connection(): Promise<pg.Client> {
  if (client) return client;
  const fresh = new pg.Client({ connectionString: data.url, types, application_name: 'sigap-hub' });
  fresh.on('error', () => drop(fresh));
  await fresh.connect();
  // The record is never acknowledged before it is on disk, whatever the server's default.
  await fresh.query('SET synchronous_commit = on');
  client = fresh;
  return fresh;
}

function drop(which: pg.Client): void {
  if (client !== which) return;
  client = undefined;
  if (inTransaction) lost = true;
  which.end().catch(() => undefined);
}

/** A server's error about the statement leaves the connection usable; anything else does not. */
const connectionGone = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  const fromServer = error instanceof pg.DatabaseError;
  return !fromServer || (typeof code === 'string' && /^(08|57)/.test(code));
};

async function run(ask: Ask): Promise<Answer> {
  const control = ask.text === 'BEGIN' || ask.text === 'COMMIT' || ask.text === 'ROLLBACK';
  if (lost) {
    // A transaction ends at its COMMIT or ROLLBACK, whatever happened to its connection.
    const ends = ask.text === 'ROLLBACK' || ask.text === 'COMMIT';
    if (ends) {
      lost = false;
      inTransaction = false;
    }
    if (ask.text === 'ROLLBACK') return { id: ask.id, ok: true, rows: [], rowCount: 0 };
    return {
      id: ask.id,
      ok: false,
      code: 'connection_lost',
      message: 'the connection to PostgreSQL was lost inside a transaction',
    };
  }
  let used: pg.Client | undefined;
  try {
    used = await connection();
    const result = await used.query({
      text: ask.text,
      ...(ask.values ? { values: ask.values } : {}),
      ...(ask.name ? { name: ask.name } : {}),
    });
    if (control) inTransaction = ask.text === 'BEGIN';
    return { id: ask.id, ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    if (used && connectionGone(error)) drop(used);
    if (control && ask.text !== 'BEGIN') inTransaction = false;
    const code = (error as { code?: unknown }).code;
    return {
      id: ask.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
}

/**
 * The first error of an unanswered write. In a transaction PostgreSQL refuses everything
 * after an error until a rollback, so the next answered statement reports this error (the
 * real cause) instead of its own; a COMMIT then is refused too, though PostgreSQL would
 * only roll back and say nothing. A ROLLBACK (to a savepoint) clears it.
 */
let deferred: Answer | undefined;

function settled(ask: Ask, answer: Answer): Answer {
  if (ask.text.startsWith('ROLLBACK') && answer.ok) {
    deferred = undefined;
    return answer;
  }
  if (!deferred) return answer;
  const first = { ...deferred, id: ask.id };
  deferred = undefined;
  return first;
}

let chain = Promise.resolve();
parentPort!.on('message', (ask: Ask | 'close') => {
  if (ask === 'close') {
    chain = chain.then(async () => {
      await client?.end().catch(() => undefined);
      parentPort!.close();
    });
    return;
  }
  chain = chain.then(async () => {
    const answer = await run(ask);
    if (ask.answer === 'none') {
      if (!answer.ok && !deferred) deferred = answer;
      return;
    }
    (ask.answer === 'waited' ? data.waited : data.later).postMessage(settled(ask, answer));
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
});
