/**
 * The minimal durable pipeline that dispatch.durable_ratio compares the real path with:
 * acknowledged socket.io emits of a dispatch-sized payload, IN_FLIGHT outstanding, to a
 * server process that stores each through the hub's group commit before acking
 * (durable-server.ts), and a client that stores each ack with one prepared insert, in
 * batches as the desk settles its acks (WAL, synchronous=NORMAL, as the desk's ack
 * commits). Also the cost of one fdatasync of a WAL on this disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { runTs } from '../../tests/support/processes';
import { percentile } from './figures';
import { tempDataDir } from './stores';

/** As the desk's replication: 32 on the wire, refilled 16 at a time, acks settled 24 per commit. */
const IN_FLIGHT = 32;
const REFILL = 16;
const SETTLE = 24;
const MESSAGES = 10_000;

const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' } as const;
const payload = () => ({ dispatchId: uuidv7(), caseId: uuidv7(), opdId: 'dlh', actor });

/** Sends `n` messages and stores their acks as the desk would; resolves with the seconds taken. */
function durableWindow(socket: Socket, db: Database.Database, n: number): Promise<number> {
  const insert = db.prepare('INSERT INTO a (id, ack) VALUES (?, ?)');
  const store = db.transaction((batch: Array<{ id: string; ack: unknown }>) => {
    for (const { id, ack } of batch) insert.run(id, JSON.stringify(ack));
  });
  return new Promise((resolve) => {
    const t0 = performance.now();
    let sent = 0;
    let inFlight = 0;
    let settled = 0;
    let answered: Array<{ id: string; ack: unknown }> = [];
    let settleSoon = false;
    const fill = (): void => {
      while (inFlight < IN_FLIGHT && sent < n) {
        const m = payload();
        sent++;
        inFlight++;
        socket.emit('dispatch', m, (ack: unknown) => {
          inFlight--;
          answered.push({ id: m.dispatchId, ack });
          if (IN_FLIGHT - inFlight >= REFILL) fill();
          if (!settleSoon && (answered.length >= SETTLE || inFlight === 0)) {
            settleSoon = true;
            setImmediate(settle);
          }
        });
      }
    };
    const settle = (): void => {
      settleSoon = false;
      const batch = answered;
      answered = [];
      fill();
      store(batch);
      settled += batch.length;
      fill();
      if (settled === n) resolve((performance.now() - t0) / 1000);
      else if (inFlight === 0 && answered.length > 0 && !settleSoon) {
        settleSoon = true;
        setImmediate(settle);
      }
    };
    fill();
  });
}

export interface DurablePipeline {
  /** Messages per second of one round of MESSAGES. */
  round(): Promise<number>;
  close(): Promise<void>;
}

/** The minimal durable pipeline, warmed up, for rounds taken whenever the caller says. */
export async function openDurablePipeline(): Promise<DurablePipeline> {
  const server = runTs('bench/lib/durable-server.ts', []);
  const db = new Database(path.join(tempDataDir('durable-client'), 'a.db'));
  const close = async (): Promise<void> => {
    db.close();
    await server.stop();
  };
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE a (id TEXT PRIMARY KEY, ack TEXT NOT NULL)');
    const m = await server.waitFor(/durable server listening on (\d+)/);
    const socket = io(`http://127.0.0.1:${m[1]}`, { transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await durableWindow(socket, db, 2000); // warm-up
    return {
      round: async () => MESSAGES / (await durableWindow(socket, db, MESSAGES)),
      close: async () => {
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Median milliseconds of one fdatasync of a WAL file holding a fresh small commit. */
export function walFsyncMs(samples = 50): number {
  const file = path.join(tempDataDir('fsync'), 'f.db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE f (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO f (body) VALUES (?)');
    const fd = fs.openSync(`${file}-wal`, 'r+');
    try {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        insert.run('x'.repeat(200));
        const t0 = performance.now();
        fs.fdatasyncSync(fd);
        times.push(performance.now() - t0);
      }
      return percentile(
        times.sort((a, b) => a - b),
        50,
      );
    } finally {
      fs.closeSync(fd);
    }
  } finally {
    db.close();
  }
}
