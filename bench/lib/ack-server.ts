/**
 * The raw baseline's server: a socket.io server on loopback, in its own process, that
 * acknowledges every message at once with an answer shaped like the hub's. It prints
 * "ack server listening on PORT" when ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const server = http.createServer();
// Same transport settings as the hub, so the baseline differs only in what is done per message.
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 1024 * 1024 });
let seq = 0;
io.on('connection', (socket) => {
  socket.onAny((_event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack === 'function') ack({ ok: true, hubSeq: ++seq, queuedAt: Date.now() });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`ack server listening on ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
