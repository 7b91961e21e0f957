/**
 * The hub's case operations: case fields with the seq that set each one, which desks may
 * edit a case and which one holds it, additions anyone may make, and the call log. Each
 * operation is one transaction applied once per message id (applied-answers.ts).
 */
import type { z } from 'zod';
import type {
  CaseAssign,
  CallLog,
  CaseAppend,
  CaseClaim,
  CaseFields,
  CaseUpsert,
  HubEvent,
} from '../shared/hub/messages';
import { DISPATCH_LIFECYCLE, isCaseClosed, sqlStatusList } from '../shared/domain/lifecycle';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import { sqlFor, type HubStore } from './store/store';

/** A co-reporter joined: the case's count of reporters, for the OPDs holding it now. */
export interface ReportersChanged {
  caseId: string;
  reporters: number;
  opdIds: string[];
}

/** Fields an OPD never sees when the reporter asked to stay anonymous. */
const IDENTITY_FIELDS = ['callerName', 'callerNumber'] as const;

function parseFields(json: string | null | undefined, forOpd: boolean): CaseFields {
  const fields = JSON.parse(json ?? '{}') as Record<string, unknown>;
  if (forOpd && fields.anonim === true) for (const f of IDENTITY_FIELDS) delete fields[f];
  return fields as CaseFields;
}

/** Cases read ahead per statement. */
const READ_AHEAD_CHUNK = 500;

export function createCaseOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  now: () => number,
) {
  const caseRow = db.prepare<[string], { holder_desk: string }>(
    'SELECT holder_desk FROM cases WHERE id = ?',
  );
  const insertCase = db.prepare('INSERT INTO cases (id, holder_desk, created_at) VALUES (?, ?, ?)');
  const setHolder = db.prepare('UPDATE cases SET holder_desk = ? WHERE id = ?');
  const addEditor = db.prepare(
    'INSERT INTO case_editors (case_id, desk_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const isEditor = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM case_editors WHERE case_id = ? AND desk_id = ?',
  );
  const callDesk = db.prepare<[string], { desk_id: string; operator: string | null }>(
    'SELECT desk_id, operator FROM calls WHERE id = ?',
  );
  // A later state of a call (its callback) replaces the earlier one; who took it stays.
  const upsertCall = db.prepare(
    `INSERT INTO calls (id, at, desk_id, disposition, caller_number, ended_at, operator, withheld, note,
       ticks, callback, callback_at, callback_case)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET at = excluded.at, disposition = excluded.disposition,
       caller_number = excluded.caller_number, ended_at = excluded.ended_at, withheld = excluded.withheld,
       note = excluded.note, ticks = excluded.ticks, callback = excluded.callback,
       callback_at = excluded.callback_at, callback_case = excluded.callback_case`,
  );
  const fieldRow = db.prepare<[string, string], { value: string; seq: number; actor_id: string }>(
    'SELECT value, seq, actor_id FROM case_fields WHERE case_id = ? AND field = ?',
  );
  const setField = db.prepare(
    `INSERT INTO case_fields (case_id, field, value, seq, actor_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq, actor_id = excluded.actor_id`,
  );
  // One JSON object built by SQLite: the OPD's copy of a case is read for every dispatch,
  // and a row object and a parse per field cost the hub more than the query.
  const fieldsOf = db.prepare<[string], { fields: string }>(
    sqlFor(db, {
      sqlite:
        'SELECT json_group_object(field, json(value)) AS fields FROM case_fields WHERE case_id = ?',
      postgres:
        'SELECT json_object_agg(field, value::json)::text AS fields FROM case_fields WHERE case_id = ?',
    }),
  );
  // A dispatch reads its case's OPD copy at once with the check that the case exists: one
  // statement where a PostgreSQL store would wait for three.
  const opdCopy = db.prepare<[string], { fields: string | null; n: number }>(
    sqlFor(db, {
      sqlite: `SELECT (SELECT json_group_object(field, json(value)) FROM case_fields WHERE case_id = c.id) AS fields,
        (SELECT count(*) FROM case_reporters WHERE case_id = c.id) AS n FROM cases c WHERE c.id = ?`,
      postgres: `SELECT (SELECT json_object_agg(field, value::json)::text FROM case_fields WHERE case_id = c.id) AS fields,
        (SELECT count(*) FROM case_reporters WHERE case_id = c.id) AS n FROM cases c WHERE c.id = ?`,
    }),
  );
  // The OPD copies of many cases at once, read ahead for a group of dispatches.
  const opdCopies = db.prepare<[string], { id: string; fields: string | null; n: number }>(
    sqlFor(db, {
      sqlite: `SELECT c.id, (SELECT json_group_object(field, json(value)) FROM case_fields WHERE case_id = c.id) AS fields,
        (SELECT count(*) FROM case_reporters WHERE case_id = c.id) AS n
        FROM cases c WHERE c.id IN (SELECT value FROM json_each(?))`,
      postgres: `SELECT c.id, (SELECT json_object_agg(field, value::json)::text FROM case_fields WHERE case_id = c.id) AS fields,
        (SELECT count(*) FROM case_reporters WHERE case_id = c.id) AS n
        FROM cases c WHERE c.id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
    }),
  );
  /** Copies read ahead for the group being applied; undefined: read each when asked. */
  let readAhead: Map<string, { fields: string | null; n: number } | undefined> | undefined;
  const joinedCall = db.prepare<[string], { case_id: string }>(
    'SELECT case_id FROM case_reporters WHERE call_id = ?',
  );
  const insertReporter = db.prepare(
    'INSERT INTO case_reporters (call_id, case_id, at, desk_id) VALUES (?, ?, ?, ?)',
  );
  const coReporters = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM case_reporters WHERE case_id = ?',
  );
  const openDispatchOpds = db.prepare<[string], { opd_id: string }>(
    `SELECT DISTINCT opd_id FROM dispatches
     WHERE case_id = ? AND status IN (${sqlStatusList(DISPATCH_LIFECYCLE, (r) => r.open)})`,
  );

  /** What the dispatch operations need to know about a case. */
  const lookup = {
    exists: (caseId: string): boolean => caseRow.get(caseId) !== undefined,
    /** The desk opened or took over the case (a supervisor may act on any). */
    mayEdit: (caseId: string, who: TokenEntry): boolean =>
      who.kind === 'supervisor' || isEditor.get(caseId, who.id) !== undefined,
    fields: (caseId: string, forOpd: boolean): CaseFields =>
      parseFields(fieldsOf.get(caseId)?.fields, forOpd),
    /** The case as its OPD gets it with a dispatch, or undefined when the hub has no such case. */
    forOpd(caseId: string): { case: CaseFields; reporters: number } | undefined {
      const row = readAhead?.has(caseId) ? readAhead.get(caseId) : opdCopy.get(caseId);
      return row && { case: parseFields(row.fields, true), reporters: 1 + row.n };
    },
    /** The first caller and every co-reporter: a count only, never who they are. */
    reporters: (caseId: string): number => 1 + (coReporters.get(caseId)?.n ?? 0),
    /** One field's value as the hub holds it (undefined when never set). */
    fieldValue(caseId: string, field: string): unknown {
      const row = fieldRow.get(caseId, field);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    /** The hub itself sets a case's status (closing, reopening), with the event that did. */
    setStatus: (caseId: string, status: string, seq: number, actorId: string): void => {
      setField.run(caseId, 'status', JSON.stringify(status), seq, actorId);
    },
  };

  const operations = {
    upsertCase(who: TokenEntry, msg: z.output<typeof CaseUpsert>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.upsert', who, msg.changeId, () => {
        // A copy made on a seq the hub never reached (its store was restored from an older
        // backup, or the desk is wrong) cannot say which later edits it overwrites.
        const lastSeq = eventLog.lastSeq();
        if (msg.baseSeq > lastSeq) {
          return refuse(
            'case.base_seq_ahead',
            `baseSeq ${msg.baseSeq} is beyond the hub's last seq ${lastSeq}: the hub's record is older than this copy of the case`,
          );
        }
        // Closing is a supervisor's (case.close) or the hub's, never a field edit.
        if (isCaseClosed(msg.fields.status))
          return refuse('auth.not_supervisor', 'a case is closed with case.close, by a supervisor');
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
            eventLog.append({
              type: 'case.conflict',
              at,
              actor: msg.actor,
              caseId: msg.caseId,
              fields: replaced as CaseFields,
              note: 'replaced by a later edit',
            }),
          );
        }
        const changed = eventLog.append({
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
        const event = eventLog.append({
          type: 'case.claimed',
          at: now(),
          actor: msg.actor,
          caseId: msg.caseId,
          holder: who.id,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /**
     * A supervisor gives the case to a desk: their own (taking it from another) or another
     * one. `knownDesk` says which desks this hub has; the desk then edits the case.
     */
    assign(
      who: TokenEntry,
      msg: z.output<typeof CaseAssign>,
      knownDesk: (deskId: string) => boolean,
      people: { auth: PersonAuth; audit: AuditLog },
    ): Outcome<{ seq: number }> {
      return once<{ seq: number }>('case.assign', who, msg.assignId, () => {
        const supervisor = people.auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
        if (!caseRow.get(msg.caseId))
          return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
        if (!knownDesk(msg.toDesk)) return refuse('desk.unknown', `no desk "${msg.toDesk}" here`);
        const from = caseRow.get(msg.caseId)?.holder_desk;
        setHolder.run(msg.toDesk, msg.caseId);
        addEditor.run(msg.caseId, msg.toDesk);
        const at = now();
        const event = eventLog.append({
          type: 'case.claimed',
          at,
          actor: msg.actor,
          caseId: msg.caseId,
          holder: msg.toDesk,
        });
        people.audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'case.assign',
          desk: who.id,
          details: { caseId: msg.caseId, fromDesk: from ?? null, toDesk: msg.toDesk },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },

    /**
     * Anyone may add to a case (a note, a co-reporter, a call to the OPD) without editing
     * it. A co-reporter is counted once per call; the OPDs holding the case hear the count.
     */
    append(
      who: TokenEntry,
      msg: z.output<typeof CaseAppend>,
    ): Outcome<{ seq: number }> & { reporters?: ReportersChanged } {
      let reporters: ReportersChanged | undefined;
      const outcome = once<{ seq: number }>('case.append', who, msg.changeId, () => {
        if (!caseRow.get(msg.caseId))
          return refuse('case.unknown', `case ${msg.caseId} has not reached the hub`);
        const at = now();
        if (msg.entry.kind === 'co_reporter') {
          const joined = joinedCall.get(msg.entry.callId);
          if (joined) {
            return refuse(
              'protocol.id_reused',
              `call ${msg.entry.callId} already joined case ${joined.case_id}`,
            );
          }
          insertReporter.run(msg.entry.callId, msg.caseId, at, who.id);
          reporters = {
            caseId: msg.caseId,
            reporters: lookup.reporters(msg.caseId),
            opdIds: openDispatchOpds.all(msg.caseId).map((r) => r.opd_id),
          };
        }
        const event = eventLog.append({
          type: 'case.appended',
          at,
          actor: msg.actor,
          caseId: msg.caseId,
          entry: msg.entry,
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
      return reporters && outcome.ack.ok ? { ...outcome, reporters } : outcome;
    },

    /**
     * A call that opened no case, or a later state of one (`changeId`: its callback). Every
     * desk gets it with the desk and the operator who took it, for center-wide history.
     */
    callLog(who: TokenEntry, msg: z.output<typeof CallLog>): Outcome<{ seq: number }> {
      return once<{ seq: number }>('call.log', who, msg.changeId ?? msg.callId, () => {
        const known = callDesk.get(msg.callId);
        if (known && known.desk_id !== who.id)
          return refuse('auth.not_yours', `call ${msg.callId} was logged by another desk`);
        const operator = known?.operator ?? msg.actor.person;
        upsertCall.run(
          msg.callId,
          msg.at,
          who.id,
          msg.disposition,
          msg.callerNumber,
          msg.endedAt ?? null,
          operator,
          msg.withheld === undefined ? null : msg.withheld ? 1 : 0,
          msg.note ?? null,
          msg.ticks ? JSON.stringify(msg.ticks) : null,
          msg.callback?.outcome ?? null,
          msg.callback?.at ?? null,
          msg.callback?.caseId ?? null,
        );
        // The message id is not part of the call.
        const { actor, ...call } = msg;
        delete call.changeId;
        const event = eventLog.append({
          type: 'call.logged',
          at: now(),
          actor,
          call: { ...call, desk: who.id, operator },
        });
        return { ack: { ok: true, seq: event.seq }, events: [event] };
      });
    },
  };

  /**
   * Reads the OPD copies of `caseIds` in one statement for the group about to be applied
   * (group-commit.ts): on PostgreSQL one round trip instead of one per dispatch. They hold
   * until `dropReadAhead`, which the group calls before any message that may change a case.
   */
  const readAheadCopies = (caseIds: readonly string[]): void => {
    readAhead = new Map(caseIds.map((id) => [id, undefined]));
    for (let i = 0; i < caseIds.length; i += READ_AHEAD_CHUNK) {
      const chunk = JSON.stringify(caseIds.slice(i, i + READ_AHEAD_CHUNK));
      for (const row of opdCopies.all(chunk)) readAhead.set(row.id, row);
    }
  };
  const dropReadAhead = (): void => {
    readAhead = undefined;
  };

  return { operations, lookup, readAheadCopies, dropReadAhead };
}

export type CaseLookup = ReturnType<typeof createCaseOperations>['lookup'];
