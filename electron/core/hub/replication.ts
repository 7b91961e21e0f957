/**
 * Keeps a desk and the hub in step over the link: sends the outbox in order (32 in
 * flight, acks awaited before a message is marked sent, attempts kept in the store),
 * and applies the hub's events in strict seq order, asking `sync` for what it missed on
 * every (re)connect and whenever it sees a gap.
 */
import { OUTBOX_ACKS, SyncAck, type OutboxAck } from '../../../shared/hub/acks';
import { readHubEvent } from '../../../shared/hub/event-envelope';
import type { HubErrorCode } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import type { DispatchWrites } from '../store/dispatches';
import type { HubEvents } from '../store/hub-events';
import type { Outbox, OutboxRow } from '../store/outbox';
import type { HubLink } from './hub-link';

const IN_FLIGHT = 32;
/**
 * Free places in the window worth one read of the outbox. Half the window: the hub commits
 * what arrives together with one fsync, so a few large sends cost it fewer fsyncs than many
 * small ones, while the other half keeps it busy meanwhile.
 */
const REFILL = 16;
/** Answers worth one commit (sooner when nothing else is on the wire). */
const SETTLE = 24;
const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = 2_000;
const EVENT_GATHER_MS = 5;
/** Refusals that no retry can fix: the message itself is wrong for the hub. */
const FINAL: ReadonlySet<string> = new Set<HubErrorCode>([
  'protocol.invalid',
  'protocol.unknown_message',
  'protocol.id_reused',
  'auth.actor_mismatch',
  'auth.not_yours',
  'case.unknown',
  // The hub's record is older than the desk's copy (restored from a backup): a supervisor's call.
  'case.base_seq_ahead',
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
  /**
   * Runs `fn` in one store transaction: the acks of a batch, or events that arrived
   * together, cost one commit instead of one each.
   */
  atomically<T>(fn: () => T): T;
  /** Something visible changed (outbox size, a dispatch status). */
  changed(caseId?: string): void;
}

const caseOf = (row: OutboxRow): string => (row.payload as { caseId: string }).caseId;

/** The hub's answer to one outbox message, read with its schema; anything else failed. */
type Answer = { ok: true; ack: OutboxAck } | { ok: false; reason: string };

const readAnswer = (row: OutboxRow, a: PromiseSettledResult<unknown>): Answer => {
  if (a.status === 'rejected') return { ok: false, reason: String(a.reason) };
  const ack = OUTBOX_ACKS[row.kind].safeParse(a.value);
  if (ack.success) return { ok: true, ack: ack.data };
  // Never taken for a success: the message is sent again (the hub applies it once).
  const issue = ack.error.issues[0];
  return {
    ok: false,
    reason: `protocol.malformed_ack: ${issue?.path.join('.') || 'answer'}: ${issue?.message}`,
  };
};

export function startReplication(o: ReplicationOptions): { kick(): void; stop(): void } {
  let sending = false;
  let syncing = false;
  let resync = false;
  let stopped = false;

  /**
   * Whether a refusal is for good. "No such case" is not, while this desk still has the
   * case's own upsert to deliver (it failed in passing, just ahead of this message).
   */
  const isFinal = (row: OutboxRow, code: string): boolean =>
    FINAL.has(code) && !(code === 'case.unknown' && o.outbox.hasUnsentUpsert(caseOf(row)));

  /** False for an answer after which later messages must wait (a retry is needed). */
  const deliveredOrFinal = (row: OutboxRow, a: Answer): boolean =>
    a.ok && (a.ack.ok || isFinal(row, a.ack.error.code));

  /** Stores the answer; false when the message must be sent again. */
  const settle = (row: OutboxRow, answer: Answer): boolean => {
    const now = o.now();
    if (!answer.ok) {
      o.outbox.markFailed(row.id, answer.reason, now);
      return false;
    }
    const ack = answer.ack;
    if (ack.ok) {
      o.outbox.markSent(row.id, now);
      if ('hubSeq' in ack) o.dispatches.atHub(row.messageId, ack.hubSeq, now);
      else if (row.kind === 'case.upsert') {
        o.outbox.setHubSeq(row.id, ack.seq);
        o.events.changeSettled(caseOf(row), now);
      }
      return true;
    }
    const { code, message } = ack.error;
    if (isFinal(row, code)) {
      o.log.error('hub refused a message for good', {
        kind: row.kind,
        id: row.messageId,
        code,
        message,
      });
      o.outbox.markRefused(row.id, code, message, now);
      if (row.kind === 'dispatch') o.dispatches.refused(row.messageId, code, now);
      // The edit will never be the hub's: the case shows what the hub holds.
      if (row.kind === 'case.upsert') o.events.changeSettled(caseOf(row), now);
      return true;
    }
    o.outbox.markFailed(row.id, `${code}: ${message}`, now);
    return false;
  };

  /**
   * Keeps up to IN_FLIGHT messages on the wire: each ack frees a place for the next row.
   * Answers that came in together are settled in one transaction, with the events that
   * came with them. After a failure nothing more is sent; the next round starts again
   * from the oldest unsent row, so the hub still sees the outbox in order.
   */
  function sendWindow(): Promise<void> {
    return new Promise((done) => {
      let inFlight = 0;
      let lastTaken = 0; // outbox id of the newest row sent in this round
      let halted = false;
      let answered: Array<{ row: OutboxRow; answer: Answer }> = [];

      const fill = (): void => {
        if (halted || stopped || o.link.status().state !== 'online') return;
        if (inFlight >= IN_FLIGHT) return;
        for (const row of o.outbox.pending(IN_FLIGHT - inFlight, lastTaken)) {
          lastTaken = row.id;
          inFlight++;
          // One connection delivers in order, and the hub applies in order, so a case's
          // upsert always lands before its dispatch even with many in flight.
          void o.link.request(row.kind, row.payload, ACK_TIMEOUT_MS).then(
            (value) => answer(row, { status: 'fulfilled', value }),
            (reason: unknown) => answer(row, { status: 'rejected', reason }),
          );
        }
      };
      let settleSoon = false;
      const answer = (row: OutboxRow, settled: PromiseSettledResult<unknown>): void => {
        inFlight--;
        const a = readAnswer(row, settled);
        answered.push({ row, answer: a });
        if (!deliveredOrFinal(row, a)) halted = true; // send nothing more this round
        // Refill in small batches without waiting for the store; settle in larger ones,
        // since one commit of many acks writes far fewer pages than many small commits.
        if (IN_FLIGHT - inFlight >= REFILL) fill();
        if (!settleSoon && (answered.length >= SETTLE || inFlight === 0)) {
          settleSoon = true;
          setImmediate(settleAnswered);
        }
      };
      const settleAnswered = (): void => {
        settleSoon = false;
        const batch = answered;
        answered = [];
        if (stopped) return done(); // the store is closing; unsettled rows are resent later
        fill(); // the next messages go out before this commit waits for the disk
        o.atomically(() => {
          applyArrived();
          for (const { row, answer: a } of batch) halted = !settle(row, a) || halted;
        });
        o.changed();
        fill();
        if (inFlight === 0 && answered.length === 0) done();
        else if (inFlight === 0 && !settleSoon) {
          settleSoon = true;
          setImmediate(settleAnswered);
        }
      };
      fill();
      if (inFlight === 0) done();
    });
  }

  let again = false;
  async function send(): Promise<void> {
    if (stopped || o.link.status().state !== 'online') return;
    if (sending) {
      again = true; // rows written meanwhile: one more round when this one ends
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        await sendWindow();
      } while (again && !stopped);
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
        const reply = SyncAck.safeParse(
          await o.link.request('sync', { sinceSeq: since, limit: 500 }, ACK_TIMEOUT_MS),
        );
        const page = reply.success ? reply.data : undefined;
        if (!page?.ok) {
          o.log.warn('hub did not answer sync', {
            reason: page ? page.error.code : 'protocol.malformed_ack',
          });
          break;
        }
        const { events, lastSeq } = page;
        o.atomically(() => events.forEach(apply));
        // A page that moved nothing on would be asked for again at once: wait for the next
        // push, gap or reconnect instead.
        if (events.length === 0 || o.events.lastSeq() >= lastSeq || o.events.lastSeq() === since)
          break;
      }
    } catch (error) {
      // A timed-out sync on a live link would otherwise wait for the next gap or reconnect.
      o.log.warn('sync interrupted; trying again', { error: String(error) });
      resync = true;
      if (!stopped) await new Promise((r) => setTimeout(r, RETRY_MS));
    } finally {
      syncing = false;
    }
    if (resync) void sync();
  }

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
    if (result === 'gap') void sync();
  }

  const offStatus = o.link.onChange((s) => {
    if (s.state === 'online') {
      void sync();
      void send();
    }
  });
  // Events pushed in a burst (a group committed at the hub) are applied in one transaction.
  // While messages are in flight, they wait (a few milliseconds at most) to be applied
  // with the acks they came with; otherwise they are applied at once, as an operator's own
  // change or an OPD's answer should show without delay.
  let arrived: unknown[] = [];
  let scheduled = false;
  /** Applies the events gathered so far; call inside a transaction. */
  function applyArrived(): void {
    scheduled = false;
    const events = arrived;
    arrived = [];
    events.forEach(apply);
  }
  const applyArrivedNow = (): void => {
    if (!stopped && arrived.length > 0) o.atomically(applyArrived);
  };
  const offEvent = o.link.onEvent((raw) => {
    arrived.push(raw);
    if (scheduled) return;
    scheduled = true;
    if (sending) setTimeout(applyArrivedNow, EVENT_GATHER_MS);
    else setImmediate(applyArrivedNow);
  });
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
