/**
 * The PostgreSQL connection's own thread. The hub's operations are synchronous, as they
 * are on SQLite; the hub's thread asks for a statement and waits on a shared counter
 * (sync-connection.ts), while this thread runs it with `pg` and answers. One connection,
 * statements in the order asked. A connection that dies is opened again for the next
 * statement, but never in the middle of a transaction: until the hub's thread rolls back,
 * everything in it is refused, so no statement lands outside the transaction it was for.
 */
import type { Socket } from 'node:net';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import { bigintAsNumber } from './number-types';

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

const types = bigintAsNumber;

let client: pg.Client | undefined;
/** A connection being opened; statements asked meanwhile wait for it, in order. */
let opening: Promise<pg.Client> | undefined;
let openingClient: pg.Client | undefined;
/**
 * A transaction is open as far as the statements sent go: from a BEGIN sent to its COMMIT
 * or ROLLBACK sent (statements are pipelined, so this runs ahead of the answers).
 */
let inTransaction = false;
/** The connection was lost inside a transaction: only its ROLLBACK is accepted. */
let lost = false;

function connect(): Promise<pg.Client> {
  // Pipelined: a statement is written as soon as it is asked, without waiting for the
  // answers before it; they come back in order. Writes the hub does not wait for then share
  // the round trip of the next statement it does wait for.
  const fresh = new pg.Client({
    connectionString: data.url,
    types,
    application_name: 'sigap-hub',
    pipeline: true,
  });
  fresh.on('error', () => drop(fresh));
  const ready = (async () => {
    try {
      await fresh.connect();
      // The record is never acknowledged before it is on disk, whatever the server's default.
      await fresh.query('SET synchronous_commit = on');
    } catch (error) {
      drop(fresh);
      throw error;
    }
    if (openingClient !== fresh) throw new Error('the connection to PostgreSQL was lost');
    opening = openingClient = undefined;
    client = fresh;
    return fresh;
  })();
  opening = ready;
  openingClient = fresh;
  return ready;
}

function drop(which: pg.Client): void {
  if (client === which) client = undefined;
  else if (openingClient === which) opening = openingClient = undefined;
  else return; // one dropped already
  if (inTransaction) lost = true;
  which.end().catch(() => undefined);
}

/** A server's error about the statement leaves the connection usable; anything else does not. */
const connectionGone = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  const fromServer = error instanceof pg.DatabaseError;
  return !fromServer || (typeof code === 'string' && /^(08|57)/.test(code));
};

const failed = (ask: Ask, error: unknown): Answer => {
  const code = (error as { code?: unknown }).code;
  return {
    id: ask.id,
    ok: false,
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
};

/** Sends `ask` on `used`; the promise is its answer. Called in the order the hub asks. */
function send(used: pg.Client, ask: Ask): Promise<Answer> {
  if (ask.text === 'BEGIN') inTransaction = true;
  else if (ask.text === 'COMMIT' || ask.text === 'ROLLBACK') inTransaction = false;
  return used
    .query({
      text: ask.text,
      ...(ask.values ? { values: ask.values } : {}),
      ...(ask.name ? { name: ask.name } : {}),
    })
    .then(
      (result): Answer => ({
        id: ask.id,
        ok: true,
        rows: result.rows,
        rowCount: result.rowCount ?? 0,
      }),
      (error: unknown): Answer => {
        if (connectionGone(error)) drop(used);
        // The hub waits for its BEGIN: nothing was sent inside this transaction.
        if (ask.text === 'BEGIN') {
          inTransaction = false;
          lost = false;
        }
        return failed(ask, error);
      },
    );
}

/**
 * Starts `ask`; the promise is its answer. Must be called in the order the hub asks, and
 * synchronously when a connection is open, so statements reach PostgreSQL in that order.
 */
function start(ask: Ask): Promise<Answer> {
  if (lost) {
    // A transaction ends at its COMMIT or ROLLBACK, whatever happened to its connection.
    const ends = ask.text === 'ROLLBACK' || ask.text === 'COMMIT';
    if (ends) {
      lost = false;
      inTransaction = false;
    }
    if (ask.text === 'ROLLBACK')
      return Promise.resolve({ id: ask.id, ok: true, rows: [], rowCount: 0 });
    return Promise.resolve({
      id: ask.id,
      ok: false,
      code: 'connection_lost',
      message: 'the connection to PostgreSQL was lost inside a transaction',
    });
  }
  if (client) return send(client, ask);
  return (opening ?? connect()).then(
    (used) => send(used, ask),
    (error: unknown) => failed(ask, error),
  );
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

/** Answers, in the order asked: each is handled only after the one before it. */
let answers: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (asked: Ask | Ask[] | 'close') => {
  if (asked === 'close') {
    answers = answers.then(async () => {
      await client?.end().catch(() => undefined);
      parentPort!.close();
    });
    return;
  }
  // A batch goes out in one write: pg writes each statement's messages separately, and the
  // socket, corked, collects them (`connection.stream` is pg's socket; not a public API).
  const socket = (client as unknown as { connection?: { stream?: Socket } } | undefined)?.connection
    ?.stream;
  socket?.cork();
  try {
    for (const ask of Array.isArray(asked) ? asked : [asked]) handle(ask);
  } finally {
    socket?.uncork();
  }
});

function handle(ask: Ask): void {
  // Sent now (or, while a connection opens, right after the statements asked before it).
  const answer = start(ask);
  answers = answers.then(async () => {
    const a = await answer;
    if (ask.answer === 'none') {
      if (!a.ok && !deferred) deferred = a;
      return;
    }
    (ask.answer === 'waited' ? data.waited : data.later).postMessage(settled(ask, a));
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}
