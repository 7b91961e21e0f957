/**
 * One PostgreSQL connection the hub's thread uses synchronously: it asks the connection's
 * thread (connection-thread.ts) and blocks on a shared counter until the answer is there.
 * This keeps the center's record one body of synchronous code over both stores, applied
 * one message after another as on SQLite; the hub spends the round trip waiting, which a
 * local PostgreSQL answers in well under a millisecond. A COMMIT is the exception: its
 * answer (the disk wait) arrives on the event loop, so the hub keeps reading meanwhile.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';
import type { Answer, Ask, ThreadData } from './connection-thread';

/** PostgreSQL refused a statement, or could not be reached. */
export class PostgresError extends Error {
  constructor(
    message: string,
    /** SQLSTATE from the server, or `connection_lost` / `no_answer`. */
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

export interface SyncConnection {
  query(text: string, values?: unknown[], name?: string): { rows: unknown[]; rowCount: number };
  /**
   * Sends a write inside a transaction without waiting for it; an error it meets is thrown
   * by the next `query` (or given to the next `queryLater`).
   */
  send(text: string, values?: unknown[], name?: string): void;
  /** Sends `text`; `answered` runs on the event loop with its error, if any. */
  queryLater(text: string, answered: (error?: PostgresError) => void): void;
  /** Blocks until every queryLater is answered, and runs their callbacks now. */
  settle(): void;
  close(): void;
}

/** How long the hub waits for one statement before it gives up on it. */
const ANSWER_WAIT_MS = 30_000;
/** Writes not waited for that are posted to the thread at the latest in one batch. */
const MAX_UNSENT = 256;

function startThread(data: ThreadData, transfer: MessagePort[]): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./connection-thread.js', here), {
      workerData: data,
      transferList: transfer,
    });
  }
  // From source, as the hub runs: the thread loads its TypeScript through tsx.
  const target = new URL('./connection-thread.ts', here).href;
  const api = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((t) => { t.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true, workerData: data, transferList: transfer });
}

export function openSyncConnection(url: string): SyncConnection {
  const counterBuffer = new SharedArrayBuffer(4);
  const counter = new Int32Array(counterBuffer);
  const waited = new MessageChannel();
  const later = new MessageChannel();
  const thread = startThread(
    { url, counter: counterBuffer, waited: waited.port2, later: later.port2 },
    [waited.port2, later.port2],
  );
  thread.unref();
  let nextId = 0;
  const pending = new Map<number, (error?: PostgresError) => void>();
  /**
   * Writes asked without waiting, posted together with the next statement that is waited
   * for (or answered later): one message to the thread and one write to the socket for a
   * message's worth of statements, instead of one each.
   */
  let unsent: Ask[] = [];
  const post = (ask: Ask): void => {
    if (unsent.length === 0) return thread.postMessage(ask);
    unsent.push(ask);
    thread.postMessage(unsent);
    unsent = [];
  };
  const flush = (): void => {
    if (unsent.length === 0) return;
    thread.postMessage(unsent);
    unsent = [];
  };

  const failure = (a: Answer & { ok: false }) => new PostgresError(a.message, a.code);
  const deliver = (a: Answer): void => {
    const answered = pending.get(a.id);
    pending.delete(a.id);
    if (pending.size === 0) later.port1.unref();
    answered?.(a.ok ? undefined : failure(a));
  };
  later.port1.on('message', deliver);
  later.port1.unref();

  /** Blocks until `ready` finds something, reading `port` each time the counter moves. */
  const waitFor = <T>(port: MessagePort, ready: (message: Answer) => T | undefined): T => {
    const deadline = Date.now() + ANSWER_WAIT_MS;
    for (;;) {
      const seen = Atomics.load(counter, 0);
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const found = ready(m.message as Answer);
        if (found !== undefined) return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new PostgresError(
          `PostgreSQL did not answer within ${ANSWER_WAIT_MS / 1000} s`,
          'no_answer',
        );
      }
      Atomics.wait(counter, 0, seen, left);
    }
  };

  return {
    query(text, values, name) {
      const id = ++nextId;
      const ask: Ask = {
        id,
        text,
        answer: 'waited',
        ...(values ? { values } : {}),
        ...(name ? { name } : {}),
      };
      post(ask);
      // An answer for an earlier id is one that came after its wait gave up: dropped.
      const answer = waitFor(waited.port1, (a) => (a.id === id ? a : undefined));
      if (!answer.ok) throw failure(answer);
      return { rows: answer.rows, rowCount: answer.rowCount };
    },
    send(text, values, name) {
      unsent.push({
        id: ++nextId,
        text,
        answer: 'none',
        ...(values ? { values } : {}),
        ...(name ? { name } : {}),
      });
      // A long transaction does not hold an unbounded batch.
      if (unsent.length >= MAX_UNSENT) flush();
    },
    queryLater(text, answered) {
      const id = ++nextId;
      pending.set(id, answered);
      later.port1.ref(); // an answer is owed: the process waits for it
      post({ id, text, answer: 'later' } satisfies Ask);
    },
    settle() {
      flush();
      while (pending.size > 0) {
        waitFor(later.port1, (a) => {
          deliver(a);
          return pending.size === 0 ? true : undefined;
        });
      }
    },
    close() {
      flush();
      thread.postMessage('close');
      waited.port1.close();
      later.port1.close();
    },
  };
}
