/**
 * How a hub node tells its own peers what the center's record committed: every event, once,
 * in seq order — to its desks and supervisors, and a dispatch's change to its OPD's inbox
 * pages. Events this node committed are passed on as they are when they follow the last one
 * it streamed; anything else (another node wrote in between, or told us it did) is read from
 * the event log, so a desk sees the log's one order whichever node it talks to, never the
 * order broadcasts happened to arrive in. Each node streams to its own sockets only.
 */
import type { Server } from 'socket.io';
import type { HubEvent } from '../shared/hub/messages';
import type { CenterRecord } from './center-record';
import type { DashboardFeed } from './dashboard-feed';
import { notifyOpd } from './opd-notify';

/** Events read from the log per query while catching up. */
const BATCH = 1000;

export interface EventStream {
  /** Events this node has just committed (after the commit is durable). */
  committed(events: readonly HubEvent[]): void;
  /** Reads whatever the log has past what was streamed (another node committed it). */
  catchUp(): void;
}

export function createEventStream(
  io: Server,
  record: CenterRecord,
  feed: DashboardFeed,
): EventStream {
  let streamed = record.lastSeq();

  const publish = (events: readonly HubEvent[]): void => {
    if (events.length === 0) return;
    feed.observe(events);
    // socket.io encodes a broadcast even for an empty namespace: skip those.
    const desks = io.of('/desk').sockets.size > 0;
    const supervisors = io.of('/supervisor').sockets.size > 0;
    for (const e of events) {
      if (desks) io.of('/desk').local.emit('event', e);
      if (supervisors) io.of('/supervisor').local.emit('event', e);
      notifyOpd(io, e);
    }
    streamed = events.at(-1)!.seq;
  };

  const catchUp = (): void => {
    for (;;) {
      const { events } = record.sync(streamed, BATCH);
      publish(events);
      if (events.length < BATCH) return;
    }
  };

  return {
    committed(events) {
      const fresh = events.filter((e) => e.seq > streamed);
      if (fresh.length === 0) return;
      if (fresh.every((e, i) => e.seq === streamed + 1 + i)) publish(fresh);
      else catchUp();
    },
    catchUp,
  };
}
