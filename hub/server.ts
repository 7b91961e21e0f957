/**
 * The dispatch hub's socket.io server. Every connection is authenticated against the
 * tokens file in its namespace's middleware; a token only opens the namespace of its kind.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { AccountRecord } from '../shared/domain/account';
import type { BlockRules } from '../shared/domain/blocks';
import type { WorkingCalendar } from '../shared/domain/clocks';
import {
  HandshakeAuth,
  Namespace,
  namespaceOfKind,
  type HandshakeError,
  type TokenEntry,
} from '../shared/hub/protocol';
import type { Logger } from '../shared/log';
import { AUTO_CLOSE_EVERY_MS, startAutoClose } from './auto-close';
import { createCenterRecord, type CenterRecord } from './center-record';
import { batchWebSocketWrites } from './batched-writes';
import { createGroupCommit, type GroupCommit } from './group-commit';
import { createDashboardFeed, type DashboardFeed, type DashboardRoster } from './dashboard-feed';
import { createInboxHandler } from './inbox-page';
import { bindPeer } from './peer-messages';
import { opdRoom } from './opd-notify';
import { joinCluster, type ClusterLink } from './cluster';
import { createEventStream, type EventStream } from './event-stream';
import { createPresence, type HubPresence } from './presence';
import { liveResolveTargets, liveRulesFor } from './rules-targets';
import { hubFiles, openHubStore } from './store/database';
import { openPostgresStore } from './store/postgres/postgres-store';
import type { HubStore } from './store/store';
import type { TokenBook } from './tokens';

export interface HubOptions {
  port: number;
  host: string;
  /** Where the SQLite store and the hub's files live; needed unless postgresUrl is given. */
  dataDir?: string | undefined;
  /** Keep the center's record in this PostgreSQL database instead (several hubs may share it). */
  postgresUrl?: string | undefined;
  tokens: TokenBook;
  log: Logger;
  tls?: { cert: Buffer; key: Buffer } | undefined;
  /** The OPD roster's ids: a dispatch may only go to one of these. */
  opdIds: ReadonlySet<string>;
  /** When the hub sets a soft block by itself (resources/data/screening.json, `blocks`). */
  blockRules: BlockRules;
  /** The built OPD inbox page, served at `/`; without it the hub serves only socket.io. */
  inboxDir?: string | undefined;
  /** The roster and resolve targets the dashboard shows; without it, OPDs by their ids. */
  dashboard?: DashboardRoster | undefined;
  /** Demo accounts, hashed, made only while the hub has no account (`--demo-accounts`). */
  demoAccounts?: Array<Omit<AccountRecord, 'enabled'>> | undefined;
  /** The holiday calendar resolved cases close by (10 working days); none: none closes by itself. */
  calendar?: WorkingCalendar | undefined;
  /** The hub's clock (a test clock in tests); the machine's otherwise. */
  now?: (() => number) | undefined;
  /** How often resolved cases due are closed; every minute by default. */
  autoCloseEveryMs?: number | undefined;
}

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Largest frame a peer may send before its connection is cut; protects the hub from a
 * runaway or hostile client. Messages under it are checked field by field (text limits).
 */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { log } = options;
  const store = openStore(options);
  const deskIds = new Set(
    [...options.tokens.values()].filter((t) => t.kind === 'desk').map((t) => t.id),
  );
  const record = createCenterRecord(
    store,
    options.opdIds,
    options.now ?? Date.now,
    options.blockRules,
    deskIds,
    options.calendar,
  );
  if (options.demoAccounts && store.transaction(record.accounts.seedDemo)(options.demoAccounts))
    log.info('demo accounts made', { count: options.demoAccounts.length });
  const commit = createGroupCommit(
    store,
    (error) => log.error('sending after commit failed', { error: String(error) }),
    record.readAhead,
  );
  // socket.io answers /socket.io/ before this handler sees a request.
  const page = options.inboxDir
    ? createInboxHandler(options.inboxDir, Boolean(options.tls))
    : undefined;
  const httpServer = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, page)
    : http.createServer(page);
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: 5000,
    pingTimeout: 5000,
  });
  batchWebSocketWrites(io);
  const presence = createPresence(io, opdRoom);
  const feed = createDashboardFeed(
    io,
    store,
    presence,
    {
      opds: options.dashboard?.opds ?? [...options.opdIds].map((id) => ({ id, short: id })),
      // Supervisors' published targets replace the files' as soon as they are published.
      resolveTargets: liveResolveTargets(
        record.rules,
        options.dashboard?.resolveTargets ?? new Map(),
      ),
      rulesFor: liveRulesFor(record.rules, options.dashboard?.rulesFor),
    },
    log.child('dashboard'),
    // The hub's clock, as every other hub decision uses: "today" and "late" are the hub's.
    options.now ?? Date.now,
  );

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
  }

  const stream = createEventStream(io, record, feed);
  // Several nodes on one PostgreSQL record: broadcasts and presence go through the database.
  const cluster: ClusterLink | undefined = options.postgresUrl
    ? joinCluster({
        io,
        url: options.postgresUrl,
        stream,
        presence,
        presenceChanged: () => feed.changed(),
        log: log.child('cluster'),
      })
    : undefined;
  for (const ns of Namespace.options) {
    io.of(ns).on('connection', (socket) =>
      onConnection(io, socket, record, ns, log, { commit, stream, cluster }, { presence, feed }),
    );
  }

  const stopAutoClose = startAutoClose({
    record,
    commit,
    stream,
    log: log.child('closing'),
    everyMs: options.autoCloseEveryMs ?? AUTO_CLOSE_EVERY_MS,
  });

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
        stopAutoClose();
        io.close(() => {
          void cluster?.close();
          feed.close();
          commit.close();
          clearTimeout(force);
          store.close();
          resolve();
        });
        // A browser's idle or preconnected socket (the inbox page) carries no message but
        // would hold the stop until its request timeout: after a grace, it is cut.
        const force = setTimeout(() => httpServer.closeAllConnections(), 1000);
      }),
  };
}

function openStore(options: HubOptions): HubStore {
  if (options.postgresUrl) return openPostgresStore(options.postgresUrl);
  if (!options.dataDir) throw new Error('the hub needs a data folder or a PostgreSQL URL');
  hubFiles.dir(options.dataDir);
  return openHubStore(options.dataDir);
}

function onConnection(
  io: Server,
  socket: Socket,
  record: CenterRecord,
  ns: string,
  log: Logger,
  node: { commit: GroupCommit; stream: EventStream; cluster: ClusterLink | undefined },
  dashboard: { presence: HubPresence; feed: DashboardFeed },
): void {
  const identity = socket.data.identity as TokenEntry;
  log.info('peer connected', { namespace: ns, kind: identity.kind, id: identity.id });
  const { commit, stream, cluster } = node;
  bindPeer(io, socket, record, log, commit, stream, dashboard, cluster !== undefined);
  cluster?.sharePresence();
  if (ns === '/desk') dashboard.presence.deskConnected(identity.id, socket.id);
  // A supervisor's own client has the figures at once, then every push.
  if (ns === '/supervisor') socket.emit('dashboard', dashboard.feed.snapshot());
  dashboard.feed.changed();
  socket.on('disconnect', (reason) => {
    log.info('peer disconnected', { namespace: ns, id: identity.id, reason });
    if (ns === '/desk') dashboard.presence.deskDisconnected(identity.id, socket.id);
    cluster?.sharePresence();
    dashboard.feed.changed();
  });
}
