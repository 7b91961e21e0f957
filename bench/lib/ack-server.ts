/**
 * The raw baseline's server: a socket.io server on loopback, in its own process, that
 * acknowledges every message at once with an answer shaped like the hub's. With
 * `--announce` it also sends every connected client an event shaped like the hub's
 * `dispatch.status`, as the hub does for each dispatch: protocol v1's message pattern with
 * no validation and no storage. It prints "ack server listening on PORT" when ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const announce = process.argv.includes('--announce');
const server = http.createServer();
// Same transport settings as the hub, so the baseline differs only in what is done per message.
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 1024 * 1024 });
let seq = 0;
io.on('connection', (socket) => {
  socket.onAny((_event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const at = Date.now();
    ack({ ok: true, hubSeq: ++seq, queuedAt: at });
    if (!announce) return;
    const m = args[0] as { dispatchId?: string; caseId?: string; opdId?: string; actor?: unknown };
    io.emit('event', {
      seq,
      type: 'dispatch.status',
      at,
      caseId: m.caseId,
      dispatchId: m.dispatchId,
      opdId: m.opdId,
      status: 'queued',
      actor: m.actor,
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`ack server listening on ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
