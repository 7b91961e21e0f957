/**
 * The desk's socket.io link to the dispatch hub: connects to `/desk` with the desk token,
 * reconnects on its own, and reports a link state the status bar can show. The outbox and
 * event sync ride on this link. A center with several hub nodes gives several addresses:
 * the link talks to one node at a time and moves round robin to the next when its node is
 * unreachable, drops, or does not answer the hello (hub-nodes.ts); every node holds the whole
 * record, so what follows a reconnect (sync from the last seq, the outbox resent) is the same
 * whichever node answers.
 */
import { io, type Socket } from 'socket.io-client';
import type { HubStatus } from '../../../shared/api/contract';
import { HelloAnswer } from '../../../shared/hub/acks';
import { EventsPush } from '../../../shared/hub/batch';
import { FEATURES, HandshakeError, PROTOCOL_VERSION } from '../../../shared/hub/protocol';
import type { Logger } from '../../../shared/log';
import { hubClockOffset } from '../../../shared/domain/clocks';
import { corkWrites } from './corked-writes';
import { createNodeRounds, type NodeFailure } from './hub-nodes';
import { createBackoff } from './timers';

export interface HubLinkOptions {
  /** The hub's nodes, tried in this order; one address for a center with one hub. */
  urls: readonly URL[];
  token: string;
  /** PEM certificates of the CA every node's certificate must chain to; Node's CAs when unset. */
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
  /** Whether the node answering now takes `batch` packets (it said so in its hello). */
  takesBatches?(): boolean;
  /**
   * Events the hub pushes (`event` packets, and each of an `events` packet's in turn),
   * unvalidated: the caller checks them.
   */
  onEvent(listener: (raw: unknown) => void): () => void;
  /** Hub clock minus desk clock in ms, measured at the last hello; null before the first. */
  clockOffset?(): number | null;
  /** Another message the hub pushes, by name (`dashboard`), unvalidated: the caller checks it. */
  onPush(name: string, listener: (raw: unknown) => void): () => void;
  close(): void;
}

const HELLO_TIMEOUT_MS = 4000;
const HELLO_RETRY_MS = 1000;
/** socket.io's own reconnection delays, kept for the wait between rounds. */
const ROUND_WAIT_FIRST_MS = 500;
const ROUND_WAIT_MAX_MS = 2000;

export function connectHub(options: HubLinkOptions): HubLink {
  const now = options.now ?? Date.now;
  const log = options.log;
  const urls = options.urls;
  if (urls.length === 0) throw new Error('connectHub needs at least one hub address');
  const several = urls.length > 1;
  const rounds = createNodeRounds({
    count: urls.length,
    backoff: createBackoff({ firstMs: ROUND_WAIT_FIRST_MS, maxMs: ROUND_WAIT_MAX_MS }),
    refusedWaitMs: options.refusedRetryMs ?? 30_000,
  });
  const nodeUrl = (): URL => urls[rounds.current()]!;
  const listeners = new Set<(status: HubStatus) => void>();
  const where = (): Pick<HubStatus, 'url' | 'node'> => ({
    url: nodeUrl().origin,
    ...(several ? { node: nodeUrl().host } : {}),
  });
  let status: HubStatus = { ...where(), state: 'connecting', since: now() };

  const set = (state: HubStatus['state'], detail?: string): void => {
    const at = where();
    if (status.state === state && status.detail === detail && status.url === at.url) return;
    // "Offline since" counts from when the hub went away, not from the last node tried.
    const since = status.state === state && state !== 'connecting' ? status.since : now();
    status = { ...at, state, since, ...(detail ? { detail } : {}) };
    log.info('hub link state', { state, detail, ...(several ? { node: at.node } : {}) });
    for (const listener of listeners) listener(status);
  };

  const eventListeners = new Set<(raw: unknown) => void>();
  const pushListeners = new Map<string, Set<(raw: unknown) => void>>();
  const relayPush = (target: Socket, name: string): void => {
    target.on(name, (raw: unknown) => {
      for (const listener of pushListeners.get(name) ?? []) listener(raw);
    });
  };

  let socket: Socket | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let helloTimer: NodeJS.Timeout | undefined;
  let clockOffset: number | null = null;
  /** The features the node answering now listed in its hello (protocol.ts). */
  let hubFeatures: readonly string[] = [];

  /** Leaves the current node and tries the next one, at once or after the round's wait. */
  const moveOn = (failure: NodeFailure): void => {
    drop();
    const wait = rounds.failed(failure);
    if (several) log.debug('hub node failed', { failure, next: nodeUrl().host, waitMs: wait });
    if (wait === 0) open();
    else retryTimer = setTimeout(open, wait);
  };

  const drop = (): void => {
    clearTimeout(helloTimer);
    clearTimeout(retryTimer);
    if (!socket) return;
    const old = socket;
    socket = undefined;
    hubFeatures = [];
    // Our own close of a node we are leaving is no failure of it.
    old.removeAllListeners();
    old.close();
  };

  const hello = (on: Socket): void => {
    const payload = { protocol: PROTOCOL_VERSION, features: [FEATURES.events] };
    const sentAt = now();
    on.timeout(HELLO_TIMEOUT_MS).emit('hello', payload, (err: Error | null, raw: unknown) => {
      if (on !== socket) return; // answer (or timeout) of a connection already left
      if (err) {
        set('offline', 'hub did not answer hello');
        // Another node may answer; with one node the connection is up, only slow: ask again.
        if (several) return moveOn('unreachable');
        helloTimer = setTimeout(() => hello(on), HELLO_RETRY_MS);
        return;
      }
      const ack = HelloAnswer.safeParse(raw);
      if (!ack.success) return set('offline', 'hub answered in an unknown protocol');
      if (ack.data.ok) {
        hubFeatures = ack.data.features ?? [];
        clockOffset = hubClockOffset({ hubTime: ack.data.hubTime, sentAt, receivedAt: now() });
        rounds.online();
        return set('online');
      }
      if (ack.data.error.code === 'protocol.desk_outdated') {
        // Only a newer Sigap on this desk helps: nothing is sent until then.
        log.error('hub refuses this desk version', { message: ack.data.error.message });
        return set('outdated', ack.data.error.message);
      }
      set('offline', `hub refused hello: ${ack.data.error.code}`);
      if (several) return moveOn('unreachable');
      helloTimer = setTimeout(() => hello(on), HELLO_RETRY_MS);
    });
  };

  const open = (): void => {
    if (closed) return;
    const url = nodeUrl();
    // One connection per attempt, without socket.io's own reconnection: the next attempt
    // may go to another node, which socket.io's reconnection cannot do.
    const next: Socket = io(new URL('/desk', url).href, {
      auth: { token: options.token, lastSeq: 0 },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 4000,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    socket = next;
    corkWrites(next);
    next.on('connect', () => {
      clearTimeout(helloTimer);
      hello(next);
    });
    next.on('disconnect', (reason) => {
      set('offline', reason);
      moveOn('unreachable');
    });
    next.on('connect_error', (err) => {
      const code = HandshakeError.safeParse(err.message);
      if (code.success) {
        // Retrying soon will not help until the tokens file is fixed (on this node at least).
        set('refused', code.data);
        return moveOn('refused');
      }
      const tls = certificateProblem(err);
      set(
        'offline',
        tls
          ? `hub certificate not trusted (${tls}); SIGAP_HUB_CA names the center's CA`
          : 'hub unreachable',
      );
      moveOn('unreachable');
    });
    next.on('event', (raw: unknown) => {
      for (const listener of eventListeners) listener(raw);
    });
    next.on('events', (raw: unknown) => {
      const events = EventsPush.safeParse(raw);
      // What is lost here shows as a gap at the next event, and sync fetches it.
      if (!events.success) return log.warn('hub sent an events packet that is not a list');
      for (const e of events.data) for (const listener of eventListeners) listener(e);
    });
    for (const name of pushListeners.keys()) relayPush(next, name);
  };

  open();

  return {
    status: () => status,
    clockOffset: () => clockOffset,
    request: (event, payload, timeoutMs) => {
      if (!socket?.connected) return Promise.reject(new Error('hub not connected'));
      return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<unknown>;
    },
    takesBatches: () => socket?.connected === true && hubFeatures.includes(FEATURES.batch),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onPush(name, listener) {
      let named = pushListeners.get(name);
      if (!named) {
        named = new Set();
        pushListeners.set(name, named);
        if (socket) relayPush(socket, name);
      }
      named.add(listener);
      return () => named.delete(listener);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      drop();
      listeners.clear();
      eventListeners.clear();
      pushListeners.clear();
    },
  };
}

/** The TLS verification code behind a failed connection, if that is what failed. */
function certificateProblem(err: Error): string | undefined {
  const cause = (err as { description?: { error?: { code?: unknown } } }).description?.error;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code && /CERT|SELF_SIGNED|UNABLE_TO_|ALTNAME/.test(code) ? code : undefined;
}
