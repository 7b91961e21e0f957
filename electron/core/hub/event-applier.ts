/**
 * Applies the hub's events on this desk in strict seq order (the store refuses any other),
 * asking `sync` for what it missed on every (re)connect and whenever it sees a gap. An
 * event a newer hub sent that this desk cannot use still moves the last seq on, as a
 * no-op logged once, so it never stalls the events after it. Sync is in one of these states:
 * - `idle`: in step as far as this desk knows.
 * - `syncing`: pages are being asked for; a gap seen meanwhile asks for one more pass.
 * - `waiting-retry`: a sync failed on the way; the next one starts after a backoff
 *   (doubling, jittered, at most 5 s), or at once when the link comes back.
 * - `stopped`.
 */
import { SyncAck } from '../../../shared/hub/acks';
import { readHubEvent } from '../../../shared/hub/event-envelope';
import type { Logger } from '../../../shared/log';
import type { ReplicaStore } from '../store/interface';
import type { HubLink } from './hub-link';
import { createBackoff, type Timers } from './timers';

export const SYNC_TIMEOUT_MS = 10_000;
export const SYNC_PAGE = 500;
/** How long pushed events wait, while acks are on the wire, to be applied with them. */
const EVENT_GATHER_MS = 5;

export type SyncState = 'idle' | 'syncing' | 'waiting-retry' | 'stopped';

export interface EventApplierOptions {
  link: Pick<HubLink, 'status' | 'request'>;
  events: Pick<ReplicaStore, 'lastSeq' | 'apply' | 'pass'>;
  log: Logger;
  now: () => number;
  timers: Timers;
  /** The retry jitter: a number in [0, 1). */
  random?: () => number;
  /** Runs `fn` in one store transaction: events that arrived together, one commit. */
  atomically(fn: () => void): void;
  /** An event changed something visible (of this case, when it names one). */
  changed(caseId?: string): void;
  /** Whether the outbox has messages on the wire (their acks commit with pushed events). */
  sending(): boolean;
}

export interface EventApplier {
  syncState(): SyncState;
  /** An event the hub pushed, unvalidated. */
  pushed(raw: unknown): void;
  /** Applies the pushed events gathered so far; call inside a transaction. */
  applyArrived(): void;
  /** Asks the hub for every event after this desk's last seq. */
  sync(): void;
  /** The link changed state: going online syncs at once with a fresh backoff. */
  linkChanged(online: boolean): void;
  stop(): void;
}

export function createEventApplier(o: EventApplierOptions): EventApplier {
  const online = (): boolean => o.link.status().state === 'online';
  const backoff = createBackoff(o.random ? { random: o.random } : {});
  let state: SyncState = 'idle';
  /** A gap seen mid-sync: go round once more when this one ends. */
  let resync = false;
  let cancelRetry = (): void => undefined;

  /** What this desk told the log already: one line per unknown event type or field. */
  const noted = new Set<string>();
  const noteOnce = (key: string, msg: string, data: Record<string, unknown>): void => {
    if (noted.has(key)) return;
    noted.add(key);
    o.log.warn(msg, data);
  };

  function apply(raw: unknown): void {
    const read = readHubEvent(raw);
    let result;
    if (read.kind === 'malformed') {
      o.log.warn('hub sent an event without a place in its order; ignored', {
        reason: read.reason,
      });
      return;
    } else if (read.kind === 'pass') {
      noteOnce(`type:${read.type}`, 'hub sent an event this desk cannot use; passed over', {
        type: read.type,
        reason: read.reason,
        seq: read.seq,
      });
      result = o.events.pass(read.seq);
    } else {
      for (const field of read.unknownFields) {
        noteOnce(`field:${read.event.type}.${field}`, 'hub event field unknown here; ignored', {
          type: read.event.type,
          field,
        });
      }
      result = o.events.apply(read.event, o.now());
      if (result === 'applied') o.changed('caseId' in read.event ? read.event.caseId : undefined);
    }
    if (result === 'gap') sync();
  }

  async function pages(): Promise<void> {
    for (;;) {
      const since = o.events.lastSeq();
      const reply = SyncAck.safeParse(
        await o.link.request('sync', { sinceSeq: since, limit: SYNC_PAGE }, SYNC_TIMEOUT_MS),
      );
      if (state !== 'syncing') return; // stopped meanwhile: the store may be closing
      const page = reply.success ? reply.data : undefined;
      if (!page?.ok) {
        o.log.warn('hub did not answer sync', {
          reason: page ? page.error.code : 'protocol.malformed_ack',
        });
        return;
      }
      const { events, lastSeq } = page;
      o.atomically(() => events.forEach(apply));
      // A page that moved nothing on would be asked for again at once: wait for the next
      // push, gap or reconnect instead.
      if (events.length === 0 || o.events.lastSeq() >= lastSeq || o.events.lastSeq() === since)
        return;
    }
  }

  function sync(): void {
    if (state === 'syncing') {
      resync = true;
      return;
    }
    // A failed sync waits out its backoff; the retry asks from the last seq anyway.
    if (state !== 'idle' || !online()) return;
    state = 'syncing';
    resync = false;
    pages().then(
      () => {
        if (state !== 'syncing') return;
        backoff.reset();
        state = 'idle';
        if (resync) sync();
      },
      (error: unknown) => {
        if (state !== 'syncing') return;
        // A timed-out sync on a live link would otherwise wait for the next gap or reconnect.
        o.log.warn('sync interrupted; trying again', { error: String(error) });
        state = 'waiting-retry';
        cancelRetry = o.timers.after(backoff.next(), () => {
          state = 'idle';
          sync();
        });
      },
    );
  }

  // Events pushed in a burst (a group committed at the hub) are applied in one transaction.
  // While messages are in flight, they wait (a few milliseconds at most) to be applied
  // with the acks they came with; otherwise they are applied at once, as an operator's own
  // change or an OPD's answer should show without delay.
  let arrived: unknown[] = [];
  let scheduled = false;
  function applyArrived(): void {
    scheduled = false;
    const events = arrived;
    arrived = [];
    events.forEach(apply);
  }
  const applyArrivedNow = (): void => {
    if (state !== 'stopped' && arrived.length > 0) o.atomically(applyArrived);
  };

  return {
    syncState: () => state,
    pushed(raw) {
      arrived.push(raw);
      if (scheduled) return;
      scheduled = true;
      if (o.sending()) o.timers.after(EVENT_GATHER_MS, applyArrivedNow);
      else o.timers.soon(applyArrivedNow);
    },
    applyArrived,
    sync,
    linkChanged(isOnline) {
      if (!isOnline || state === 'stopped') return;
      backoff.reset();
      if (state === 'waiting-retry') {
        cancelRetry();
        state = 'idle';
      }
      sync();
    },
    stop() {
      cancelRetry();
      state = 'stopped';
    },
  };
}
