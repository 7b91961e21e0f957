/**
 * Keeps a desk and the hub in step over the link: sends the outbox in order (up to 32 in
 * flight, acks awaited before a message is marked sent, attempts kept in the store),
 * and applies the hub's events in strict seq order, asking `sync` for what it missed on
 * every (re)connect and whenever it sees a gap.
 */
import { HubEvent, type HubErrorCode } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import type { DispatchWrites } from '../store/dispatches';
import type { HubEvents } from '../store/hub-events';
import type { Outbox, OutboxRow } from '../store/outbox';
import type { HubLink } from './hub-link';

const IN_FLIGHT = 32;
const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = 2_000;
/** Refusals that no retry can fix: the message itself is wrong for the hub. */
const FINAL: ReadonlySet<string> = new Set<HubErrorCode>([
  'protocol.invalid',
  'protocol.unknown_message',
  'auth.actor_mismatch',
  'auth.not_yours',
  'case.unknown',
  'opd.unknown',
  'dispatch.unknown',
  // A withdrawal the OPD overtook (it resolved or returned the dispatch first).
  'transition.illegal',
]);

export interface ReplicationOptions {
  link: HubLink;
  outbox: Outbox;
  dispatches: DispatchWrites;
  events: HubEvents;
  log: Logger;
  now: () => number;
  /** Something visible changed (outbox size, a dispatch status). */
  changed(caseId?: string): void;
}

const caseOf = (row: OutboxRow): string => (row.payload as { caseId: string }).caseId;

export function startReplication(o: ReplicationOptions): { kick(): void; stop(): void } {
  let sending = false;
  let syncing = false;
  let resync = false;
  let stopped = false;

  const settle = (row: OutboxRow, answer: unknown): boolean => {
    const ack = (answer ?? {}) as {
      ok?: boolean;
      hubSeq?: number;
      seq?: number;
      error?: { code?: string; message?: string };
    };
    const now = o.now();
    if (ack.ok === true) {
      o.outbox.markSent(row.id, now);
      if (row.kind === 'dispatch') o.dispatches.atHub(row.messageId, ack.hubSeq ?? 0, now);
      if (row.kind === 'case.upsert') {
        o.outbox.setHubSeq(row.id, ack.seq ?? 0);
        o.events.changeSettled(caseOf(row), now);
      }
      return true;
    }
    const code = ack.error?.code ?? 'internal';
    const message = ack.error?.message ?? 'no reason given';
    if (FINAL.has(code)) {
      o.log.error('hub refused a message for good', {
        kind: row.kind,
        id: row.messageId,
        code,
        message,
      });
      o.outbox.markRefused(row.id, code, message, now);
      if (row.kind === 'dispatch') o.dispatches.refused(row.messageId, `${code}: ${message}`, now);
      // The edit will never be the hub's: the case shows what the hub holds.
      if (row.kind === 'case.upsert') o.events.changeSettled(caseOf(row), now);
      return true;
    }
    o.outbox.markFailed(row.id, `${code}: ${message}`, now);
    return false;
  };

  async function send(): Promise<void> {
    if (sending || stopped || o.link.status().state !== 'online') return;
    sending = true;
    try {
      for (;;) {
        const batch = o.outbox.pending(IN_FLIGHT);
        if (batch.length === 0) break;
        // One connection delivers in order, and the hub applies in order, so a case's
        // upsert always lands before its dispatch even with many in flight.
        const answers = await Promise.allSettled(
          batch.map((row) => o.link.request(row.kind, row.payload, ACK_TIMEOUT_MS)),
        );
        let progress = true;
        answers.forEach((a, i) => {
          const row = batch[i]!;
          if (a.status === 'fulfilled') progress = settle(row, a.value) && progress;
          else {
            o.outbox.markFailed(row.id, String(a.reason), o.now());
            progress = false;
          }
        });
        o.changed();
        if (!progress) break; // try again later, in order
      }
    } finally {
      sending = false;
    }
  }

  async function sync(): Promise<void> {
    if (stopped || o.link.status().state !== 'online') return;
    if (syncing) {
      resync = true; // a gap seen mid-sync: go round once more when this one ends
      return;
    }
    syncing = true;
    resync = false;
    try {
      for (;;) {
        const since = o.events.lastSeq();
        const reply = (await o.link.request(
          'sync',
          { sinceSeq: since, limit: 500 },
          ACK_TIMEOUT_MS,
        )) as {
          ok?: boolean;
          events?: unknown[];
          lastSeq?: number;
        };
        if (reply.ok !== true || !Array.isArray(reply.events)) break;
        for (const raw of reply.events) apply(raw);
        if (reply.events.length === 0 || o.events.lastSeq() >= (reply.lastSeq ?? 0)) break;
      }
    } catch (error) {
      o.log.warn('sync interrupted', { error: String(error) });
    } finally {
      syncing = false;
    }
    if (resync) void sync();
  }

  function apply(raw: unknown): void {
    const event = HubEvent.safeParse(raw);
    if (!event.success) {
      o.log.warn('hub sent an event outside the protocol; ignored');
      return;
    }
    const result = o.events.apply(event.data, o.now());
    if (result === 'gap') void sync();
    else if (result === 'applied') o.changed(event.data.caseId);
  }

  const offStatus = o.link.onChange((s) => {
    if (s.state === 'online') {
      void sync();
      void send();
    }
  });
  const offEvent = o.link.onEvent(apply);
  const timer = setInterval(() => void send(), RETRY_MS);
  void sync();
  void send();

  return {
    kick: () => void send(),
    stop() {
      stopped = true;
      clearInterval(timer);
      offStatus();
      offEvent();
    },
  };
}
