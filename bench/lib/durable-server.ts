/**
 * The durable baseline's server: a socket.io server on loopback, in its own process, that
 * stores every message with one prepared `INSERT INTO m (id, body)` through the hub's own
 * group-commit scheduler (hub/group-commit.ts, so the same durability guarantee as the
 * hub's) and acknowledges it once that group is durable, with an answer shaped like the
 * hub's. No validation, no events: the least any durable hub has to do per message.
 * Prints "durable server listening on PORT" when ready.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { createGroupCommit } from '../../hub/group-commit';
import { sqliteStore } from '../../hub/store/sqlite-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-bench-durable-server-'));
const db = new Database(path.join(dir, 'm.db'));
// The hub's pragmas (shared/store/open.ts); the group commit sets what it needs on top.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE m (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO m (id, body) VALUES (?, ?)');
const commit = createGroupCommit(sqliteStore(db), (error) => {
  throw error;
});

const server = http.createServer();
// Same transport settings as the hub, so the baseline differs only in what is done per message.
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 1024 * 1024 });
let seq = 0;
io.on('connection', (socket) => {
  socket.onAny((_event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const m = args[0] as { dispatchId: string };
    commit.submit<object>(
      () => {
        insert.run(m.dispatchId, JSON.stringify(m));
        return { ok: true, hubSeq: ++seq, queuedAt: Date.now() };
      },
      (answer) => ack(answer),
      (error) => ({ ok: false, error: { code: 'internal', message: String(error) } }),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`durable server listening on ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () =>
  io.close(() => {
    commit.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
