/**
 * The only writer of the `calls` and `callers` tables: every call answered at this desk and
 * the caller history it feeds. A saved case records its call here; calls without a case
 * are recorded here too.
 */
import type { Store } from './database';

/** One answered call as stored. */
export interface CallRow {
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

  return {
    /** The call with this id, when it has been saved (a save retried returns its case). */
    find(callId: string): { caseId: string; endedAt: number } | undefined {
      const row = find.get(callId);
      return row && { caseId: row.case_id, endedAt: row.ended_at };
    },
    isSaved: (callId: string): boolean => find.get(callId) !== undefined,
    record(call: CallRow): void {
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
