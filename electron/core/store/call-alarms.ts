/**
 * Reads for "Telepon OPD": which dispatches need a phone call now, by the one rule in
 * shared/domain/call-alarm.ts. SQL only narrows the rows to the statuses that can need a
 * call (a small partial index) and to the ages at which the rule can raise them (so a
 * drain of fresh dispatches costs no reads of them); the rule itself decides, here and
 * nowhere else in core.
 */
import {
  CALLABLE_STATUSES,
  DEFAULT_ALARM_CLOCKS,
  callAlarmRaised,
  quietUpTo,
  type AlarmClocks,
} from '../../../shared/domain/call-alarm';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { QueueRow } from '../../../shared/domain/queue';
import type { Urgency } from '../../../shared/domain/reference';
import type { Store } from './database';

/** One dispatch that needs a phone call now. */
export interface CallAlarm {
  dispatchId: string;
  caseId: string;
  opdId: string;
  /** The desk holding the case (the one that opened it, or took it over). */
  holderDesk: string;
  createdAt: number;
}

interface Candidate {
  dispatchId: string;
  caseId: string;
  opdId: string;
  status: DeskDispatchStatus;
  createdAt: number;
  calledAt: number | null;
  urgency: Urgency;
  categoryId: string;
  holderDesk: string;
}

const STATUS_LIST = CALLABLE_STATUSES.map((s) => `'${s}'`).join(', ');
export function createCallAlarmReads(db: Store, clocks: AlarmClocks = DEFAULT_ALARM_CLOCKS) {
  /**
   * The bounds at `now`: created before them, a dispatch is past its status's quiet age.
   * Asked each time: a supervisor may publish shorter targets while the desk runs.
   */
  const bounds = (now: number): number[] => {
    const quiet = quietUpTo(clocks.shortest);
    return CALLABLE_STATUSES.map((s) => {
      const q = quiet[s];
      return q === null ? Number.MAX_SAFE_INTEGER : now - q;
    });
  };
  const raised = (d: Omit<Candidate, 'opdId' | 'holderDesk' | 'dispatchId'>, now: number) =>
    callAlarmRaised({ ...d, rules: clocks.rulesFor(d.categoryId, d.urgency) }, now);

  // One index range per status (dispatches_callable: status, created_at), each up to its
  // status's bound (one parameter per status, in CALLABLE_STATUSES order): the dispatches
  // still in their quiet age are never read. The IN list lets the partial index serve.
  const candidates = db.prepare<number[], Candidate>(
    `${CALLABLE_STATUSES.map(
      (s) => `SELECT d.id AS dispatchId, d.case_id AS caseId, d.opd_id AS opdId, d.status,
            d.created_at AS createdAt, d.called_at AS calledAt, c.urgency,
            c.category_id AS categoryId, coalesce(c.holder_desk, c.desk_id) AS holderDesk
     FROM dispatches d JOIN cases c ON c.id = d.case_id
     WHERE d.status IN (${STATUS_LIST}) AND d.status = '${s}' AND d.created_at < ?`,
    ).join(' UNION ALL ')}
     ORDER BY createdAt, dispatchId`,
  );
  const ofCases = (n: number) =>
    db.prepare<string[], Pick<Candidate, 'caseId' | 'status' | 'createdAt' | 'calledAt'>>(
      `SELECT d.case_id AS caseId, d.status, d.created_at AS createdAt, d.called_at AS calledAt
       FROM dispatches d
       WHERE d.status IN (${STATUS_LIST}) AND d.case_id IN (${Array(n).fill('?').join(', ')})`,
    );

  return {
    /** Every dispatch needing a call at `now`, the longest waiting first. */
    current(now: number): CallAlarm[] {
      return candidates
        .all(...bounds(now))
        .filter((d) => raised(d, now))
        .map(({ dispatchId, caseId, opdId, holderDesk, createdAt }) => ({
          dispatchId,
          caseId,
          opdId,
          holderDesk,
          createdAt,
        }));
    },

    /** Marks the queue rows whose case has a dispatch needing a call at `now`. */
    flagRows<R extends QueueRow>(rows: R[], now: number): R[] {
      if (rows.length === 0) return rows;
      const byCase = new Map(rows.map((r) => [r.caseId, r]));
      const red = new Set(
        ofCases(rows.length)
          .all(...rows.map((r) => r.caseId))
          .filter((d) => {
            const row = byCase.get(d.caseId)!;
            return raised({ ...d, urgency: row.urgency, categoryId: row.categoryId }, now);
          })
          .map((d) => d.caseId),
      );
      return rows.map((r) => (red.has(r.caseId) ? { ...r, callAlarm: true } : r));
    },
  };
}

export type CallAlarmReads = ReturnType<typeof createCallAlarmReads>;
