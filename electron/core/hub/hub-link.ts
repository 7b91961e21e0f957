/**
 * The desk's socket.io link to the dispatch hub: connects to `/desk` with the desk token,
 * reconnects on its own, and reports a link state the status bar can show. Later the
 * outbox and event sync ride on this link.
 */
import { io, type Socket } from 'socket.io-client';
import type { HubStatus } from '../../../shared/api/contract';
import { HelloAnswer } from '../../../shared/hub/acks';
import { HandshakeError, PROTOCOL_VERSION } from '../../../shared/hub/protocol';
import type { Logger } from '../../../shared/log';
import { hubClockOffset } from '../../../shared/domain/clocks';
import { corkWrites } from './corked-writes';

export interface HubLinkOptions {
  url: URL;
  token: string;
  /** PEM certificates of the CA the hub's certificate must chain to; Node's CAs when unset. */
  ca?: string | undefined;
  log: Logger;
  now?: () => number;
  /** How long to wait before trying again after the hub refused our token. */
  refusedRetryMs?: number;
}

export interface HubLink {
  status(): HubStatus;
  onChange(listener: (status: HubStatus) => void): () => void;
  /** Sends one message and waits for its ack; rejects on timeout or a lost connection. */
  request(event: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  /** Events the hub pushes (`event` messages), unvalidated: the caller checks them. */
  onEvent(listener: (raw: unknown) => void): () => void;
  /** Hub clock minus desk clock in ms, measured at the last hello; null before the first. */
  clockOffset?(): number | null;
  /** Another message the hub pushes, by name (`dashboard`), unvalidated: the caller checks it. */
  onPush(name: string, listener: (raw: unknown) => void): () => void;
  close(): void;
}

const HELLO_TIMEOUT_MS = 4000;
const HELLO_RETRY_MS = 1000;

export function connectHub(options: HubLinkOptions): HubLink {
  const now = options.now ?? Date.now;
  const log = options.log;
  const listeners = new Set<(status: HubStatus) => void>();
  let status: HubStatus = { url: options.url.origin, state: 'connecting', since: now() };
  let refusedTimer: NodeJS.Timeout | undefined;

  const set = (state: HubStatus['state'], detail?: string): void => {
    if (status.state === state && status.detail === detail) return;
    status = { url: options.url.origin, state, since: now(), ...(detail ? { detail } : {}) };
    log.info('hub link state', { state, detail });
    for (const listener of listeners) listener(status);
  };

  const socket: Socket = io(new URL('/desk', options.url).href, {
    auth: { token: options.token, lastSeq: 0 },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
    timeout: 4000,
    ...(options.ca ? { ca: options.ca } : {}),
  });

  corkWrites(socket);

  let helloTimer: NodeJS.Timeout | undefined;
  let clockOffset: number | null = null;
  const hello = (): void => {
    const connection = socket.id;
    const payload = { protocol: PROTOCOL_VERSION };
    const sentAt = now();
    socket.timeout(HELLO_TIMEOUT_MS).emit('hello', payload, (err: Error | null, raw: unknown) => {
      if (socket.id !== connection) return; // answer (or timeout) of an older connection
      if (err) {
        set('offline', 'hub did not answer hello');
        // The connection is up, only slow: socket.io will not reconnect it, so ask again.
        helloTimer = setTimeout(hello, HELLO_RETRY_MS);
        return;
      }
      const ack = HelloAnswer.safeParse(raw);
      if (!ack.success) return set('offline', 'hub answered in an unknown protocol');
      if (ack.data.ok) {
        clockOffset = hubClockOffset({ hubTime: ack.data.hubTime, sentAt, receivedAt: now() });
        return set('online');
      }
      if (ack.data.error.code === 'protocol.desk_outdated') {
        // Only a newer Sigap on this desk helps: nothing is sent until then.
        log.error('hub refuses this desk version', { message: ack.data.error.message });
        return set('outdated', ack.data.error.message);
      }
      set('offline', `hub refused hello: ${ack.data.error.code}`);
      helloTimer = setTimeout(hello, HELLO_RETRY_MS);
    });
  };
  socket.on('connect', () => {
    clearTimeout(helloTimer);
    hello();
  });
  socket.on('disconnect', (reason) => {
    clearTimeout(helloTimer);
    set('offline', reason);
  });
  socket.on('connect_error', (err) => {
    const code = HandshakeError.safeParse(err.message);
    if (code.success) {
      // socket.io does not retry a refused handshake; try again later in case the
      // tokens file is fixed meanwhile.
      set('refused', code.data);
      clearTimeout(refusedTimer);
      refusedTimer = setTimeout(() => socket.connect(), options.refusedRetryMs ?? 30_000);
    } else {
      const tls = certificateProblem(err);
      set(
        'offline',
        tls
          ? `hub certificate not trusted (${tls}); SIGAP_HUB_CA names the center's CA`
          : 'hub unreachable',
      );
    }
  });

  const eventListeners = new Set<(raw: unknown) => void>();
  socket.on('event', (raw: unknown) => {
    for (const listener of eventListeners) listener(raw);
  });

  return {
    status: () => status,
    clockOffset: () => clockOffset,
    request: (event, payload, timeoutMs) => {
      if (!socket.connected) return Promise.reject(new Error('hub not connected'));
      return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<unknown>;
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onPush(name, listener) {
      socket.on(name, listener);
      return () => socket.off(name, listener);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(refusedTimer);
      clearTimeout(helloTimer);
      listeners.clear();
      eventListeners.clear();
      socket.close();
    },
  };
}

/** The TLS verification code behind a failed connection, if that is what failed. */
function certificateProblem(err: Error): string | undefined {
  const cause = (err as { description?: { error?: { code?: unknown } } }).description?.error;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code && /CERT|SELF_SIGNED|UNABLE_TO_|ALTNAME/.test(code) ? code : undefined;
}
