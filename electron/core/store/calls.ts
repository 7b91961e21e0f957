/**
 * The only writer of the `calls` and `callers` tables: every call answered at this desk and
 * the caller history it feeds. A saved case records its call here (`createCalls`); so do a
 * call screened on this desk with one disposition key, its callback when it was silent, and
 * the calls other desks screened (`call.logged`), kept in the same table so caller history
 * is center-wide (`createCallWrites`). Each write of this desk queues its `call.log` for the
 * hub in the same transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CallScreened, CallbackRecorded } from '../../../shared/domain/screened-call';
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import { CoreError } from '../errors';
import { HASHED_PREFIX } from '../../../shared/domain/retention';
import type { Store } from './database';
import { createDrafts, type Drafts } from './drafts';
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

export function createCallWrites(
  db: Store,
  outbox: Outbox,
  deskId: string,
  drafts: Drafts = createDrafts(db),
) {
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
    drafts.discard(input.operatorId, input.callId);
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

/** One answered call as a saved case records it. */
export interface SavedCallRow {
  id: string;
  startedAt: number;
  endedAt: number;
  /** Normalized number, or null when withheld. */
  callerNumber: string | null;
  withheld: boolean;
  callerName: string;
  deskId: string;
  operatorId: string;
  disposition: string;
  /** The case the call opened or joined; null for a call without one. */
  caseId: string | null;
}

export function createCalls(db: Store) {
  const find = db.prepare<[string], { case_id: string; ended_at: number }>(
    'SELECT case_id, ended_at FROM calls WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_id,
       disposition, case_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const callerWithCase = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, 1)
     ON CONFLICT (number) DO UPDATE SET last_seen = excluded.last_seen, calls = calls + 1, cases = cases + 1`,
  );
  // Seeded calls come in any order: the caller's last call is the latest of them.
  const callerSeeded = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (number) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen), calls = calls + 1,
       cases = cases + excluded.cases`,
  );

  // Retention (UU PDP): numbers of calls without a case, past the cutoff, become their hash.
  const due = db.prepare<
    [number],
    { caller_number: string; n: number; first: number; last: number }
  >(
    `SELECT caller_number, count(*) AS n, min(started_at) AS first, max(started_at) AS last
     FROM calls
     WHERE disposition <> 'case' AND started_at < ? AND caller_number IS NOT NULL
       AND substr(caller_number, 1, 2) <> '${HASHED_PREFIX}' AND callback_case IS NULL
       AND id NOT IN (SELECT call_id FROM reopened_calls)
     GROUP BY caller_number`,
  );
  const addHashed = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, ?, 0)
     ON CONFLICT (number) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
       last_seen = max(last_seen, excluded.last_seen), calls = calls + excluded.calls`,
  );
  const moveCalls = db.prepare(
    `UPDATE calls SET caller_number = ?, number_text = NULL
     WHERE caller_number = ? AND disposition <> 'case' AND started_at < ? AND callback_case IS NULL
       AND id NOT IN (SELECT call_id FROM reopened_calls)`,
  );
  const lessCalls = db.prepare('UPDATE callers SET calls = max(calls - ?, 0) WHERE number = ?');
  // The number's own row goes once nothing refers to it any more.
  const dropCaller = db.prepare(
    `DELETE FROM callers WHERE number = ?
       AND NOT EXISTS (SELECT 1 FROM calls WHERE caller_number = callers.number)
       AND NOT EXISTS (SELECT 1 FROM cases WHERE caller_number = callers.number)`,
  );

  return {
    /**
     * Replaces the numbers of calls without a case that started before `cutoff` by their
     * hash; answers each number replaced with its hash, and how many calls moved. Call in a
     * transaction.
     */
    retire(
      hashOf: (e164: string) => string,
      cutoff: number,
    ): { numbers: Array<{ number: string; hashed: string }>; calls: number } {
      const numbers: Array<{ number: string; hashed: string }> = [];
      let calls = 0;
      for (const d of due.all(cutoff)) {
        const hashed = hashOf(d.caller_number);
        addHashed.run(hashed, d.first, d.last, d.n);
        calls += moveCalls.run(hashed, d.caller_number, cutoff).changes;
        lessCalls.run(d.n, d.caller_number);
        dropCaller.run(d.caller_number);
        numbers.push({ number: d.caller_number, hashed });
      }
      return { numbers, calls };
    },
    /** The call with this id, when it has been saved (a save retried returns its case). */
    find(callId: string): { caseId: string; endedAt: number } | undefined {
      const row = find.get(callId);
      return row && { caseId: row.case_id, endedAt: row.ended_at };
    },
    isSaved: (callId: string): boolean => find.get(callId) !== undefined,
    record(call: SavedCallRow): void {
      insert.run(
        call.id,
        call.startedAt,
        call.endedAt,
        call.callerNumber,
        call.withheld ? 1 : 0,
        call.callerName,
        call.deskId,
        call.operatorId,
        call.disposition,
        call.caseId,
      );
    },
    /** The caller called at `at` and the call opened a case. */
    callerOpenedCase: (number: string, at: number) => void callerWithCase.run(number, at, at),
    /** A seeded call of this caller, with or without a case. */
    callerSeeded: (number: string, at: number, withCase: boolean) =>
      void callerSeeded.run(number, at, at, withCase ? 1 : 0),
  };
}

export type Calls = ReturnType<typeof createCalls>;
