/**
 * The center's record, kept by the hub: case fields with the seq that set each one,
 * dispatches and their statuses, and the event log every desk replays. Every operation is
 * one transaction, and every idempotent message is applied once (applied-answers.ts): a
 * repeat gets its first answer and changes nothing.
 */
import type { z } from 'zod';
import {
  LEGAL_TRANSITIONS,
  type Actor,
  type CallLog,
  type CaseAppend,
  type CaseClaim,
  type DispatchWithdraw,
  type CaseFields,
  type CaseUpsert,
  type DispatchRequest,
  type DispatchStatus,
  type HubEvent,
  type OpdDispatch,
  type Transition,
  type UnsequencedEvent,
} from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { createAppliedAnswers, refuse, type Outcome } from './applied-answers';
import type { HubStore } from './store/database';

export type { Outcome } from './applied-answers';

/** Dispatches still open at the OPD; anything later cannot be taken back. */
const WITHDRAWABLE: ReadonlySet<DispatchStatus> = new Set([
  'queued',
  'seen',
  'accepted',
  'in_progress',
]);

/** Fields an OPD never sees when the reporter asked to stay anonymous. */
const IDENTITY_FIELDS = ['callerName', 'callerNumber'] as const;

export function createCenterRecord(
  db: HubStore,
  opdIds: ReadonlySet<string>,
  now: () => number = Date.now,
) {
  const { once } = createAppliedAnswers(db);
  const append = db.prepare('INSERT INTO events (at, type, case_id, body) VALUES (?, ?, ?, ?)');
  const caseRow = db.prepare<[string], { holder_desk: string }>(
    'SELECT holder_desk FROM cases WHERE id = ?',
  );
  const insertCase = db.prepare('INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)');
  const setHolder = db.prepare('UPDATE cases SET holder_desk = ? WHERE id = ?');
  const addEditor = db.prepare(
    'INSERT OR IGNORE INTO case_editors (case_id, desk_id) VALUES (?, ?)',
  );
  const isEditor = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM case_editors WHERE case_id = ? AND desk_id = ?',
  );
  const insertCall = db.prepare(
    'INSERT INTO calls (id, at, desk_id, disposition, caller_number) VALUES (?, ?, ?, ?, ?)',
  );
  const fieldRow = db.prepare<[string, string], { value: string; seq: number; actor_id: string }>(
    'SELECT value, seq, actor_id FROM case_fields WHERE case_id = ? AND field = ?',
  );
  const setField = db.prepare(
    `INSERT INTO case_fields (case_id, field, value, seq, actor_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq, actor_id = excluded.actor_id`,
  );
  const fieldsOf = db.prepare<[string], { field: string; value: string }>(
    'SELECT field, value FROM case_fields WHERE case_id = ?',
  );
  const dispatchRow = db.prepare<
    [string],
    { id: string; case_id: string; opd_id: string; status: DispatchStatus; queued_at: number }
  >('SELECT id, case_id, opd_id, status, queued_at FROM dispatches WHERE id = ?');
  const insertDispatch = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, queued_at, desk_id) VALUES (?, ?, ?, 'queued', ?, ?)`,
  );
  const setStatus = db.prepare('UPDATE dispatches SET status = ? WHERE id = ?');
  const openForOpd = db.prepare<
    [string],
    { id: string; case_id: string; status: DispatchStatus; queued_at: number }
  >(
    `SELECT id, case_id, status, queued_at FROM dispatches
     WHERE opd_id = ? AND status NOT IN ('resolved', 'returned', 'withdrawn') ORDER BY queued_at`,
  );
  const eventsSince = db.prepare<[number, number], { seq: number; body: string }>(
    'SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const lastSeqRow = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events');

  const log = (event: UnsequencedEvent): HubEvent => {
    const caseId = 'caseId' in event ? event.caseId : null;
    const { lastInsertRowid } = append.run(event.at, event.type, caseId, JSON.stringify(event));
    return { seq: Number(lastInsertRowid), ...event };
  };

  const caseFields = (caseId: string, forOpd: boolean): CaseFields => {
    const fields = Object.fromEntries(
      fieldsOf.all(caseId).map((r) => [r.field, JSON.parse(r.value) as unknown]),
    );
    if (forOpd && fields.anonim === true) for (const f of IDENTITY_FIELDS) delete fields[f];
    return fields as CaseFields;
  };

  return {
    upsertCase(who: TokenEntry, msg: z.output<typeof CaseUpsert>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.upsert', who, msg.changeId, () => {
        // A copy made on a seq the hub never reached (its store was restored from an older
        // backup, or the desk is wrong) cannot say which later edits it overwrites.
        const lastSeq = lastSeqRow.get()?.seq ?? 0;
        if (msg.baseSeq > lastSeq) {
          return refuse(
            'case.base_seq_ahead',
            `baseSeq ${msg.baseSeq} is beyond the hub's last seq ${lastSeq}: the hub's record is older than this copy of the case`,
          );
        }
        const held = caseRow.get(msg.caseId);
        if (!held) {
          insertCase.run(msg.caseId, who.id, now());
          addEditor.run(msg.caseId, who.id);
        } else if (!isEditor.get(msg.caseId, who.id) && who.kind !== 'supervisor') {
          return refuse(
            'auth.not_yours',
            `case ${msg.caseId} is held by ${held.holder_desk}; take it over first`,
          );
        }
        const at = now();
        const events: HubEvent[] = [];
        // A field changed by someone else after the desk's copy (baseSeq): the later change
        // wins, and the timeline says what it replaced, so no edit vanishes unseen.
        const replaced: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(msg.fields)) {
          const current = fieldRow.get(msg.caseId, field);
          if (current && current.seq > msg.baseSeq && current.actor_id !== msg.actor.id) {
            if (JSON.stringify(value) !== current.value)
              replaced[field] = JSON.parse(current.value) as unknown;
          }
        }
        if (Object.keys(replaced).length > 0) {
          events.push(
            log({
              type: 'case.conflict',
              at,
              actor: msg.actor,
              caseId: msg.caseId,
              fields: replaced as CaseFields,
              note: 'replaced by a later edit',
            }),
          );
        }
        const changed = log({
          type: 'case.changed',
          at,
          actor: msg.actor,
          caseId: msg.caseId,
          fields: msg.fields,
        });
        events.push(changed);
        for (const [field, value] of Object.entries(msg.fields)) {
          setField.run(msg.caseId, field, JSON.stringify(value), changed.seq, msg.actor.id);
        }
        return { ack: { ok: true, seq: changed.seq }, events };
      });
    },

    /** The desk takes the case over; earlier editors keep their say on edits in flight. */
    claim(who: TokenEntry, msg: z.output<typeof CaseClaim>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.claim', who, msg.changeId, () => {
        if (!caseRow.get(msg.caseId))
          return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
        setHolder.run(who.id, msg.caseId);
        addEditor.run(msg.caseId, who.id);
        const event = log({
          type: 'case.claimed',
          at: now(),
          actor: msg.actor,
          caseId: msg.caseId,
          holder: who.id,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /** Anyone may add to a case (a note, a co-reporter, a call to the OPD) without editing it. */
    append(who: TokenEntry, msg: z.output<typeof CaseAppend>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.append', who, msg.changeId, () => {
        if (!caseRow.get(msg.caseId))
          return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
        const event = log({
          type: 'case.appended',
          at: now(),
          actor: msg.actor,
          caseId: msg.caseId,
          entry: msg.entry,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /** A cancelled case takes back its open dispatches; the OPD sees the withdrawal. */
    withdraw(
      who: TokenEntry,
      msg: z.output<typeof DispatchWithdraw>,
    ): Outcome<{ seq: number }> & { opdId?: string } {
      let opdId: string | undefined;
      const outcome = once<{ seq: number }>('dispatch.withdraw', who, msg.withdrawId, () => {
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (!isEditor.get(d.case_id, who.id) && who.kind !== 'supervisor') {
          return refuse('auth.not_yours', `case ${d.case_id} is held by another desk`);
        }
        if (!WITHDRAWABLE.has(d.status)) {
          return refuse('transition.illegal', `a ${d.status} dispatch cannot be withdrawn`);
        }
        setStatus.run('withdrawn', d.id);
        opdId = d.opd_id;
        const event = log({
          type: 'dispatch.status',
          at: now(),
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          status: 'withdrawn',
          note: msg.reason,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
      return opdId ? { ...outcome, opdId } : outcome;
    },

    callLog(who: TokenEntry, msg: z.output<typeof CallLog>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('call.log', who, msg.callId, () => {
        insertCall.run(msg.callId, msg.at, who.id, msg.disposition, msg.callerNumber);
        const { actor, ...call } = msg;
        const event = log({ type: 'call.logged', at: now(), actor, call });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /**
     * Queues a dispatch for its OPD. With `forInbox`, also returns what to push to the
     * OPD's open inboxes; without, none is open and the inbox lists it when it next opens.
     */
    dispatch(
      who: TokenEntry,
      msg: z.output<typeof DispatchRequest>,
      forInbox = true,
    ): Outcome<{ hubSeq: number; queuedAt: number }> & { delivery?: OpdDispatch } {
      let delivery: OpdDispatch | undefined;
      const outcome = once<{ hubSeq: number; queuedAt: number }>(
        'dispatch',
        who,
        msg.dispatchId,
        () => {
          if (!caseRow.get(msg.caseId))
            return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
          if (!opdIds.has(msg.opdId))
            return refuse('opd.unknown', `no OPD "${msg.opdId}" in the roster`);
          const queuedAt = now();
          insertDispatch.run(msg.dispatchId, msg.caseId, msg.opdId, queuedAt, who.id);
          const event = log({
            type: 'dispatch.status',
            at: queuedAt,
            actor: msg.actor,
            caseId: msg.caseId,
            dispatchId: msg.dispatchId,
            opdId: msg.opdId,
            status: 'queued',
          });
          if (forInbox) {
            delivery = {
              dispatchId: msg.dispatchId,
              caseId: msg.caseId,
              status: 'queued',
              queuedAt,
              case: caseFields(msg.caseId, true),
            };
          }
          return { ack: { ok: true, hubSeq: event.seq, queuedAt }, events: [event] };
        },
      );
      return delivery ? { ...outcome, delivery } : outcome;
    },

    transition(who: TokenEntry, msg: z.output<typeof Transition>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('transition', who, msg.transitionId, () => {
        const d = dispatchRow.get(msg.dispatchId);
        if (!d) return refuse('dispatch.unknown', `no dispatch ${msg.dispatchId}`);
        if (d.opd_id !== who.id)
          return refuse('auth.not_yours', 'this dispatch belongs to another OPD');
        if (!LEGAL_TRANSITIONS[d.status].includes(msg.to)) {
          return refuse('transition.illegal', `a dispatch cannot go from ${d.status} to ${msg.to}`);
        }
        setStatus.run(msg.to, d.id);
        const event = log({
          type: 'dispatch.status',
          at: now(),
          actor: msg.actor,
          caseId: d.case_id,
          dispatchId: d.id,
          opdId: d.opd_id,
          status: msg.to,
          ...(msg.note ? { note: msg.note } : {}),
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /** The OPD's client has the dispatch on screen. */
    markSeen(dispatchId: string, actor: Actor): HubEvent[] {
      return db.transaction(() => {
        const d = dispatchRow.get(dispatchId);
        if (!d || d.status !== 'queued') return [];
        setStatus.run('seen', d.id);
        return [
          log({
            type: 'dispatch.status',
            at: now(),
            actor,
            caseId: d.case_id,
            dispatchId: d.id,
            opdId: d.opd_id,
            status: 'seen',
          }),
        ];
      })();
    },

    inbox(opdId: string): OpdDispatch[] {
      return openForOpd.all(opdId).map((d) => ({
        dispatchId: d.id,
        caseId: d.case_id,
        status: d.status,
        queuedAt: d.queued_at,
        case: caseFields(d.case_id, true),
      }));
    },

    sync(sinceSeq: number, limit: number): { events: HubEvent[]; lastSeq: number } {
      const events = eventsSince
        .all(sinceSeq, limit)
        .map((r) => ({ seq: r.seq, ...(JSON.parse(r.body) as UnsequencedEvent) }));
      return { events, lastSeq: lastSeqRow.get()?.seq ?? 0 };
    },
  };
}

export type CenterRecord = ReturnType<typeof createCenterRecord>;
