/**
 * The calls that opened no case, in one place: a call screened on this desk (one
 * disposition key), its callback when it was silent, and the calls other desks screened
 * (`call.logged`), kept in the same `calls` table so caller history is center-wide. Each
 * write of this desk queues its `call.log` for the hub in the same transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CallScreened, CallbackRecorded } from '../../../shared/domain/screened-call';
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import { CoreError } from '../errors';
import type { Store } from './database';
import type { Outbox } from './outbox';

export interface ScreenInput {
  callId: string;
  startedAt: number;
  endedAt: number;
  /** Normalized number; null when withheld or unreadable. */
  callerE164: string | null;
  withheld: boolean;
  /** What was typed when it did not read as a number. */
  numberText: string | null;
  disposition: ScreenDisposition;
  note: string;
  ticks: readonly Tick[];
  operatorId: string;
  operatorName: string;
  deskId: string;
  actor: Actor;
}

interface CallRow {
  id: string;
  started_at: number;
  ended_at: number | null;
  caller_number: string | null;
  withheld: number;
  desk_id: string;
  disposition: ScreenDisposition | 'case';
  note: string;
  ticks: string;
  callback: CallbackOutcome | null;
  callback_at: number | null;
  callback_case: string | null;
}

type LoggedCall = Extract<HubEvent, { type: 'call.logged' }>['call'];

/** The whole call as `call.log` carries it. */
function logOf(row: CallRow): Omit<LoggedCall, 'desk' | 'operator'> {
  return {
    callId: row.id,
    at: row.started_at,
    disposition: row.disposition as ScreenDisposition,
    callerNumber: row.caller_number,
    ...(row.ended_at !== null ? { endedAt: row.ended_at } : {}),
    withheld: row.withheld === 1,
    note: row.note,
    ticks: JSON.parse(row.ticks) as Tick[],
    ...(row.callback && row.callback_at !== null
      ? {
          callback: {
            outcome: row.callback,
            at: row.callback_at,
            ...(row.callback_case ? { caseId: row.callback_case } : {}),
          },
        }
      : {}),
  };
}

export type CallWrites = ReturnType<typeof createCallWrites>;

export function createCallWrites(db: Store, outbox: Outbox, deskId: string) {
  const findCall = db.prepare<[string], CallRow>(
    `SELECT id, started_at, ended_at, caller_number, withheld, desk_id, disposition, note, ticks,
            callback, callback_at, callback_case
     FROM calls WHERE id = ?`,
  );
  // A new caller is counted once per call, whichever desk took it.
  const upsertCaller = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, 0)
     ON CONFLICT (number) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
       last_seen = max(last_seen, excluded.last_seen), calls = calls + 1`,
  );
  const insertCall = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, number_text, caller_name,
       desk_id, operator_id, operator_name, disposition, case_id, note, ticks, callback, callback_at,
       callback_case)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const setCallback = db.prepare(
    'UPDATE calls SET callback = ?, callback_at = ?, callback_case = ? WHERE id = ?',
  );
  const setCallbackOf = db.prepare('UPDATE calls SET callback_of = ? WHERE id = ?');
  const deleteDraft = db.prepare('DELETE FROM drafts WHERE operator_id = ? AND call_id = ?');

  const queueLog = (row: CallRow, actor: Actor, now: number, changeId?: string): void => {
    const id = changeId ?? row.id;
    outbox.enqueue(
      'call.log',
      id,
      { ...logOf(row), ...(changeId ? { changeId } : {}), actor },
      now,
    );
  };

  /** The operator ended the call with a disposition: kept here, queued for the hub. */
  const screen = db.transaction((input: ScreenInput): CallScreened => {
    const existing = findCall.get(input.callId);
    if (existing) {
      // A retried request: the first answer stands, nothing is written twice.
      if (existing.disposition === 'case') {
        throw new CoreError('api.invalid_args', 'This call was already saved as a case.');
      }
      return {
        callId: existing.id,
        disposition: existing.disposition,
        savedAt: existing.ended_at ?? existing.started_at,
        duplicate: true,
        callbackNumber: existing.disposition === 'silent' ? existing.caller_number : null,
      };
    }
    if (input.callerE164) upsertCaller.run(input.callerE164, input.startedAt, input.startedAt);
    insertCall.run(
      input.callId,
      input.startedAt,
      input.endedAt,
      input.callerE164,
      input.withheld ? 1 : 0,
      input.numberText,
      input.deskId,
      input.operatorId,
      input.operatorName,
      input.disposition,
      input.note,
      JSON.stringify(input.ticks),
      null,
      null,
      null,
    );
    deleteDraft.run(input.operatorId, input.callId);
    queueLog(findCall.get(input.callId)!, input.actor, input.endedAt);
    return {
      callId: input.callId,
      disposition: input.disposition,
      savedAt: input.endedAt,
      duplicate: false,
      callbackNumber: input.disposition === 'silent' ? input.callerE164 : null,
    };
  });

  /** How calling a silent caller back went; the hub gets the call again with it. */
  const callback = db.transaction(
    (callId: string, outcome: CallbackOutcome, actor: Actor, now: number): CallbackRecorded => {
      const row = findCall.get(callId);
      if (!row || row.desk_id !== deskId) {
        throw new CoreError('call.not_found', 'No such call was screened on this desk.');
      }
      if (row.disposition !== 'silent') {
        throw new CoreError('call.not_silent', 'Only a silent call is called back.');
      }
      if (!row.caller_number) {
        throw new CoreError('call.no_number', 'This call has no number to call back.');
      }
      if (row.callback !== null) {
        if (row.callback !== outcome) {
          throw new CoreError('call.callback_recorded', 'This callback already has an outcome.');
        }
        return { callId, outcome, at: row.callback_at!, callerNumber: row.caller_number };
      }
      setCallback.run(outcome, now, null, callId);
      queueLog(findCall.get(callId)!, actor, now, uuidv7());
      return { callId, outcome, at: now, callerNumber: row.caller_number };
    },
  );

  /**
   * Call inside the transaction that saves the case: the genuine silent caller's case is
   * linked both ways (the case's call names the silent call, the silent call its case).
   */
  function linkCallbackCase(
    silentCallId: string,
    caseCallId: string,
    caseId: string,
    actor: Actor,
    now: number,
  ): void {
    const row = findCall.get(silentCallId);
    if (!row || row.desk_id !== deskId || row.disposition !== 'silent') {
      throw new CoreError('call.not_found', 'No such silent call was screened on this desk.');
    }
    if (row.callback !== null && row.callback !== 'genuine') {
      throw new CoreError('call.callback_recorded', 'This callback already has an outcome.');
    }
    setCallbackOf.run(silentCallId, caseCallId);
    if (row.callback_case === caseId) return;
    setCallback.run('genuine', row.callback_at ?? now, caseId, silentCallId);
    queueLog(findCall.get(silentCallId)!, actor, now, uuidv7());
  }

  /**
   * Another desk's call, as the hub logged it (or a later state of it: its callback). This
   * desk's own calls are already here, and it alone changes them.
   */
  function fromHub(event: Extract<HubEvent, { type: 'call.logged' }>): void {
    const call = event.call;
    const desk = call.desk ?? event.actor.id;
    const existing = findCall.get(call.callId);
    if (existing) {
      if (existing.desk_id === deskId || existing.disposition === 'case') return;
      if (call.callback) {
        setCallback.run(
          call.callback.outcome,
          call.callback.at,
          call.callback.caseId ?? null,
          call.callId,
        );
      }
      return;
    }
    if (call.callerNumber) upsertCaller.run(call.callerNumber, call.at, call.at);
    insertCall.run(
      call.callId,
      call.at,
      call.endedAt ?? null,
      call.callerNumber,
      // An older desk did not say: a missing number was then a withheld one.
      (call.withheld ?? call.callerNumber === null) ? 1 : 0,
      null,
      desk,
      null,
      call.operator ?? event.actor.person,
      call.disposition,
      call.note ?? '',
      JSON.stringify(call.ticks ?? []),
      call.callback?.outcome ?? null,
      call.callback?.at ?? null,
      call.callback?.caseId ?? null,
    );
  }

  return { screen, callback, linkCallbackCase, fromHub };
}
