/**
 * The dispatch hub's socket.io server. Every connection is authenticated against the
 * tokens file in its namespace's middleware; a token only opens the namespace of its kind.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import {
  HandshakeAuth,
  Namespace,
  PROTOCOL_VERSION,
  namespaceOfKind,
  type HandshakeError,
  type HelloAck,
  type TokenEntry,
} from '../shared/hub/protocol';
import type { Logger } from '../shared/log';
import type { TokenBook } from './tokens';

export interface HubOptions {
  port: number;
  host: string;
  dataDir: string;
  tokens: TokenBook;
  log: Logger;
  tls?: { cert: Buffer; key: Buffer } | undefined;
}

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest message a peer may send; protects the hub from a runaway or hostile client. */
const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { log } = options;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const httpServer = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key })
    : http.createServer();
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: 5000,
    pingTimeout: 5000,
  });

  const refuse = (next: (err?: Error) => void, code: HandshakeError): void => next(new Error(code));

  // Nobody has business on the main namespace.
  io.of('/').use((_socket, next) => refuse(next, 'auth.wrong_namespace'));

  for (const ns of Namespace.options) {
    const nsp = io.of(ns);
    nsp.use((socket, next) => {
      const auth = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return refuse(next, 'auth.malformed');
      const entry = options.tokens.get(auth.data.token);
      if (!entry) {
        log.warn('unknown token refused', { namespace: ns, address: socket.handshake.address });
        return refuse(next, 'auth.unknown_token');
      }
      if (namespaceOfKind[entry.kind] !== ns) return refuse(next, 'auth.wrong_namespace');
      socket.data.identity = entry;
      next();
    });
    nsp.on('connection', (socket) => onConnection(socket, ns, log));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `${scheme}://${hostForUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        io.close(() => resolve());
      }),
  };
}

function onConnection(socket: Socket, ns: string, log: Logger): void {
  const identity = socket.data.identity as TokenEntry;
  log.info('peer connected', { namespace: ns, kind: identity.kind, id: identity.id });

  socket.on('hello', (_payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply: HelloAck = {
      protocol: PROTOCOL_VERSION,
      hubTime: Date.now(),
      identity: { kind: identity.kind, id: identity.id },
    };
    ack(reply);
  });

  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'hello') return;
    log.warn('unknown message refused', {
      namespace: ns,
      id: identity.id,
      event: event.slice(0, 64),
    });
    const ack = args.at(-1);
    if (typeof ack === 'function') {
      ack({
        ok: false,
        error: {
          code: 'protocol.unknown_message',
          message: `unknown message "${event.slice(0, 64)}"`,
        },
      });
    }
  });

  socket.on('disconnect', (reason) => {
    log.info('peer disconnected', { namespace: ns, id: identity.id, reason });
  });
}
