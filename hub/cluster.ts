/**
 * A hub node among others on one PostgreSQL record. socket.io's PostgreSQL adapter carries
 * what is a broadcast by nature (a new dispatch to its OPD's inbox pages, wherever they are
 * connected, with their acks) and the nodes' presence; the record's events are not
 * broadcast: each node streams them from the log (event-stream.ts) when a commit's notice
 * says there are more, and once a second whatever happened to the notices.
 */
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server } from 'socket.io';
import type { Logger } from '../shared/log';
import type { EventStream } from './event-stream';
import { NodePresence, type HubPresence } from './presence';
import { EVENTS_CHANNEL } from './store/postgres/write-lock';

/** How often a node streams the log on without a notice, and shares its presence. */
const EVERY_MS = 1000;
/** Wait before listening again after the notice connection failed. */
const RELISTEN_MS = 1000;
const PRESENCE_EVENT = 'sigap:presence';

export interface ClusterLink {
  /** Tells the other nodes what this one sees now (a desk or an inbox page came or went). */
  sharePresence(): void;
  close(): Promise<void>;
}

export function joinCluster(o: {
  io: Server;
  url: string;
  stream: EventStream;
  presence: HubPresence;
  /** Someone else's presence changed: the dashboard's figures did. */
  presenceChanged: () => void;
  log: Logger;
}): ClusterLink {
  const node = randomUUID();
  const pool = new pg.Pool({
    connectionString: o.url,
    max: 4,
    application_name: 'sigap-hub-adapter',
  });
  pool.on('error', (error) => o.log.warn('cluster connection lost', { error: String(error) }));
  // The adapter keeps one of the pool's connections to listen on, with no error handler of
  // its own: a PostgreSQL restart would end the process. It listens again on the 'end'.
  pool.on('connect', (client) =>
    client.on('error', (error) => o.log.warn('cluster connection lost', { error: String(error) })),
  );
  o.io.adapter(createAdapter(pool, { heartbeatInterval: 2000, heartbeatTimeout: 6000 }));

  let closed = false;
  let listener: pg.Client | undefined;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: o.url,
      application_name: 'sigap-hub-notices',
    });
    client.on('notification', () => o.stream.catchUp());
    client.on('error', (error) => {
      o.log.warn('commit notices lost; listening again', { error: String(error) });
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      if (!closed) setTimeout(() => void listen(), RELISTEN_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (closed) return void (await client.end());
      listener = client;
      o.stream.catchUp(); // whatever was committed while nobody listened
    } catch (error) {
      o.log.warn('cannot listen for commit notices yet', { error: String(error) });
      void client.end().catch(() => undefined);
      if (!closed) setTimeout(() => void listen(), RELISTEN_MS).unref();
    }
  };
  void listen();

  const share = (): void => {
    o.io.serverSideEmit(PRESENCE_EVENT, node, o.presence.local());
  };
  o.io.on(PRESENCE_EVENT, (from: unknown, seen: unknown) => {
    const parsed = NodePresence.safeParse(seen);
    if (typeof from !== 'string' || !parsed.success) return;
    o.presence.heard(from, parsed.data);
    o.presenceChanged();
  });

  const timer = setInterval(() => {
    try {
      o.stream.catchUp();
    } catch (error) {
      o.log.warn('streaming the event log failed; trying again', { error: String(error) });
    }
    share();
  }, EVERY_MS);
  timer.unref();

  return {
    sharePresence: share,
    async close() {
      closed = true;
      clearInterval(timer);
      await listener?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
