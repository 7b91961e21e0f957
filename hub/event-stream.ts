/**
 * How a hub node tells its own peers what the center's record committed: every event, once,
 * in seq order — to its desks and supervisors, and a dispatch's change to its OPD's inbox
 * pages. Events this node committed are passed on as they are when they follow the last one
 * it streamed; anything else (another node wrote in between, or told us it did) is read from
 * the event log, so a desk sees the log's one order whichever node it talks to, never the
 * order broadcasts happened to arrive in. Each node streams to its own sockets only.
 */
import type { Server } from 'socket.io';
import { EVENTS_MAX } from '../shared/hub/batch';
import type { HubEvent } from '../shared/hub/messages';
import type { CenterRecord } from './center-record';
import type { DashboardFeed } from './dashboard-feed';
import { notifyOpd } from './opd-notify';

/** The room of a namespace's peers that said in `hello` they take `events` packets. */
export const EVENTS_ROOM = 'events';

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

  /**
   * To each desk and supervisor of this node: in `events` packets to those that take them,
   * one `event` each to the others. socket.io encodes a broadcast even when no socket is
   * there to get it, so an empty audience is skipped.
   */
  const fanOut = (name: '/desk' | '/supervisor', events: readonly HubEvent[]): void => {
    const nsp = io.of(name);
    const batched = nsp.adapter.rooms.get(EVENTS_ROOM)?.size ?? 0;
    if (nsp.sockets.size > batched) {
      const singles = batched > 0 ? nsp.local.except(EVENTS_ROOM) : nsp.local;
      for (const e of events) singles.emit('event', e);
    }
    if (batched === 0) return;
    for (let i = 0; i < events.length; i += EVENTS_MAX) {
      nsp.local.to(EVENTS_ROOM).emit('events', events.slice(i, i + EVENTS_MAX));
    }
  };

  const publish = (events: readonly HubEvent[]): void => {
    if (events.length === 0) return;
    feed.observe(events);
    fanOut('/desk', events);
    fanOut('/supervisor', events);
    for (const e of events) notifyOpd(io, e);
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
