/**
 * Sends the outbox to the hub in order, up to 32 messages in flight, and records each
 * answer: a message is marked sent only once its ack has been read with its schema. The
 * sender is in one of these states:
 * - `offline`: the link is down; nothing is sent. The link coming back starts a round.
 * - `idle`: nothing waits; a kick (a row written) starts a round, and so does a check
 *   every 2 s in case a row was written without one.
 * - `sending`: a round is on the wire. Kicks meanwhile ask for one more round after it.
 * - `waiting-retry`: a message failed; the next round starts after a backoff (doubling,
 *   jittered, at most 5 s), or at once when the link comes back.
 * - `stopped`: the store is closing; answers still arriving are left for the next start.
 */
import { OUTBOX_ACKS, type OutboxAck } from '../../../shared/hub/acks';
import { BatchAck } from '../../../shared/hub/batch';
import type { HubErrorCode } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import type { DispatchesStore, OutboxStore, ReplicaStore } from '../store/interface';
import type { OutboxRow } from '../store/outbox';
import type { HubLink } from './hub-link';
import { createBackoff, type Timers } from './timers';

export const IN_FLIGHT = 32;
/**
 * Free places in the window worth one read of the outbox. Half the window: the hub commits
 * what arrives together with one fsync, so a few large sends cost it fewer fsyncs than many
 * small ones, while the other half keeps it busy meanwhile.
 */
const REFILL = 16;
/** Answers worth one commit (sooner when nothing else is on the wire). */
const SETTLE = 24;
export const ACK_TIMEOUT_MS = 10_000;
/** How often an idle sender looks for rows written without a kick. */
export const IDLE_CHECK_MS = 2_000;
export const RETRY_MAX_MS = 5_000;
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
  // A block set or lifted by someone the hub does not take for a supervisor, or lifted
  // before the hub ever had it: sending again changes nothing.
  'auth.not_supervisor',
  // A signed report whose content does not give its hash: sending it again changes nothing.
  'report.bad_hash',
  'block.unknown',
  // The person's token is gone or expired, or their account disabled: resending cannot help.
  'auth.token_invalid',
  'auth.account_disabled',
]);

/** `personal` says so while the person's token is still being fetched: try again later. */
export const TOKEN_PENDING = Symbol('token pending');

export type SenderState = 'offline' | 'idle' | 'sending' | 'waiting-retry' | 'stopped';

export interface OutboxSenderOptions {
  link: Pick<HubLink, 'status' | 'request' | 'takesBatches'>;
  outbox: Pick<
    OutboxStore,
    'pending' | 'hasUnsentUpsert' | 'markSent' | 'markRefused' | 'markFailed' | 'setHubSeq'
  >;
  dispatches: Pick<DispatchesStore, 'atHub' | 'refused'>;
  events: Pick<ReplicaStore, 'changeSettled'>;
  log: Logger;
  now: () => number;
  timers: Timers;
  /** The retry jitter: a number in [0, 1). */
  random?: () => number;
  /** Runs `fn` in one store transaction: the answers that came in together, one commit. */
  atomically(fn: () => void): void;
  /** Something visible changed (outbox size, a dispatch status). */
  changed(): void;
  /**
   * The payload as it goes on the wire: a supervisor's message names its person
   * (`personAccount`) in the outbox, and carries that person's token on the wire.
   */
  personal?: (payload: unknown) => unknown;
}

export interface OutboxSender {
  state(): SenderState;
  /** Rows were written: send them (after the current round or retry wait). */
  kick(): void;
  /** The link changed state: going online sends at once with a fresh backoff. */
  linkChanged(online: boolean): void;
  stop(): void;
}

const noToken = (): Promise<never> =>
  Promise.reject(new Error('the hub has not given this person a token yet'));

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

/** One round: the window of messages on the wire, from the oldest unsent row on. */
interface Round {
  inFlight: number;
  /** Outbox id of the newest row sent in this round. */
  lastTaken: number;
  /** A message failed: nothing more goes out this round. */
  halted: boolean;
  answered: Array<{ row: OutboxRow; answer: Answer }>;
  settleQueued: boolean;
  over: boolean;
}

export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  const online = (): boolean => o.link.status().state === 'online';
  const backoff = createBackoff({ maxMs: RETRY_MAX_MS, ...(o.random ? { random: o.random } : {}) });
  let state: SenderState = online() ? 'idle' : 'offline';
  /** Rows were written during the round: one more round when it ends. */
  let again = false;
  /** The link came back during the round: the next round starts at once. */
  let reconnected = false;
  let cancelTimer = (): void => undefined;

  const wait = (next: 'idle' | 'waiting-retry' | 'offline'): void => {
    cancelTimer();
    state = next;
    if (next === 'idle') cancelTimer = o.timers.after(IDLE_CHECK_MS, startRound);
    else if (next === 'waiting-retry') cancelTimer = o.timers.after(backoff.next(), startRound);
    else cancelTimer = () => undefined;
  };

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
      else if (row.kind === 'case.upsert' && 'seq' in ack) {
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
   * Puts rows on the wire up to the window; one connection keeps them in order, and the
   * hub applies in order too, so a case's upsert always lands before its dispatch even
   * with many in flight. To a hub that takes batches, the rows go REFILL to a packet.
   */
  const fill = (round: Round): void => {
    if (round.halted || state !== 'sending' || !online()) return;
    if (round.inFlight >= IN_FLIGHT) return;
    const ready: Array<{ row: OutboxRow; payload: unknown }> = [];
    for (const row of o.outbox.pending(IN_FLIGHT - round.inFlight, round.lastTaken)) {
      round.lastTaken = row.id;
      round.inFlight++;
      const payload = o.personal ? o.personal(row.payload) : row.payload;
      if (payload === TOKEN_PENDING) settleWhen(round, [row], noToken());
      else ready.push({ row, payload });
    }
    if (ready.length > 1 && o.link.takesBatches?.()) {
      for (let i = 0; i < ready.length; i += REFILL) sendBatch(round, ready.slice(i, i + REFILL));
      return;
    }
    for (const { row, payload } of ready) {
      settleWhen(
        round,
        [row],
        o.link.request(row.kind, payload, ACK_TIMEOUT_MS).then((a) => [a]),
      );
    }
  };

  const sendBatch = (round: Round, sends: Array<{ row: OutboxRow; payload: unknown }>): void => {
    const messages = sends.map(({ row, payload }) => ({ name: row.kind, payload }));
    const rows = sends.map((s) => s.row);
    const answers = o.link.request('batch', { messages }, ACK_TIMEOUT_MS).then((raw) => {
      const read = BatchAck.safeParse(raw);
      // The batch as a whole refused or unreadable: no message in it is refused for good,
      // each is sent again (the hub applies each id once).
      if (!read.success) throw new Error('protocol.malformed_ack: batch');
      if (!read.data.ok) throw new Error(`${read.data.error.code}: ${read.data.error.message}`);
      if (read.data.answers.length !== rows.length) {
        throw new Error('protocol.malformed_ack: batch: one answer per message');
      }
      return read.data.answers;
    });
    settleWhen(round, rows, answers);
  };

  /** Hands each row its answer (the one at its place) once they come, or the failure. */
  const settleWhen = (round: Round, rows: OutboxRow[], answers: Promise<unknown[]>): void => {
    void answers.then(
      (values) =>
        rows.forEach((row, i) => answered(round, row, { status: 'fulfilled', value: values[i] })),
      (reason: unknown) =>
        rows.forEach((row) => answered(round, row, { status: 'rejected', reason })),
    );
  };

  const answered = (round: Round, row: OutboxRow, settled: PromiseSettledResult<unknown>): void => {
    round.inFlight--;
    const a = readAnswer(row, settled);
    round.answered.push({ row, answer: a });
    if (!deliveredOrFinal(row, a)) round.halted = true;
    // Refill in small batches without waiting for the store; settle in larger ones, since
    // one commit of many acks writes far fewer pages than many small commits.
    if (IN_FLIGHT - round.inFlight >= REFILL) fill(round);
    if (round.answered.length >= SETTLE || round.inFlight === 0) settleSoon(round);
  };

  const settleSoon = (round: Round): void => {
    if (round.settleQueued) return;
    round.settleQueued = true;
    o.timers.soon(() => settleAnswered(round));
  };

  /** Stores the answers gathered so far in one commit, then keeps the window full. */
  const settleAnswered = (round: Round): void => {
    round.settleQueued = false;
    const batch = round.answered;
    round.answered = [];
    if (state === 'stopped') return; // the store is closing; unsettled rows are resent later
    fill(round); // the next messages go out before this commit waits for the disk
    o.atomically(() => {
      for (const { row, answer } of batch) round.halted = !settle(row, answer) || round.halted;
    });
    o.changed();
    fill(round);
    if (round.inFlight === 0 && round.answered.length === 0) endRound(round);
    else if (round.inFlight === 0) settleSoon(round);
  };

  function startRound(): void {
    if (state === 'stopped') return;
    cancelTimer();
    state = 'sending';
    again = false;
    reconnected = false;
    const round: Round = {
      inFlight: 0,
      lastTaken: 0,
      halted: false,
      answered: [],
      settleQueued: false,
      over: false,
    };
    fill(round);
    if (round.inFlight === 0) endRound(round);
  }

  function endRound(round: Round): void {
    if (round.over || state !== 'sending') return;
    round.over = true;
    if (!online()) return wait('offline');
    if (reconnected || (!round.halted && again)) {
      if (!round.halted) backoff.reset();
      return startRound();
    }
    if (round.halted) return wait('waiting-retry');
    backoff.reset();
    wait('idle');
  }

  return {
    state: () => state,
    kick() {
      if (state === 'idle') startRound();
      else if (state === 'sending' || state === 'waiting-retry') again = true;
    },
    linkChanged(isOnline) {
      if (state === 'stopped') return;
      if (!isOnline) {
        // A round in progress ends as its requests fail; it then waits offline.
        if (state !== 'sending') wait('offline');
        return;
      }
      backoff.reset();
      if (state === 'sending') reconnected = true;
      else startRound();
    },
    stop() {
      cancelTimer();
      state = 'stopped';
    },
  };
}
