/**
 * The supervisor's review of screened calls: the calls of a shift that opened no case,
 * filtered, and the link a reopened call keeps to the case it became (with a timeline line
 * naming the original call, its disposition and who screened it).
 */
import type { ReopenedNote, ReviewedCall } from '../../../shared/domain/review';
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import { CoreError } from '../errors';
import { createCaseRows } from './case-rows';
import type { Store } from './database';

interface Row {
  id: string;
  started_at: number;
  ended_at: number | null;
  caller_number: string | null;
  withheld: number;
  desk_id: string;
  operator: string;
  disposition: ScreenDisposition;
  note: string;
  ticks: string;
  callback: CallbackOutcome | null;
  case_id: string | null;
}

export interface ReviewFilter {
  from: number;
  to: number;
  disposition?: ScreenDisposition | undefined;
  deskId?: string | undefined;
  operator?: string | undefined;
  /** The stored forms of the number asked for (normalized, and its hash after retention). */
  numbers?: readonly string[] | undefined;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function reviewCalls(db: Store, f: ReviewFilter): ReviewedCall[] {
  const where = ["c.disposition <> 'case'", 'c.started_at >= ?', 'c.started_at < ?'];
  const params: Array<string | number> = [f.from, f.to];
  if (f.disposition) {
    where.push('c.disposition = ?');
    params.push(f.disposition);
  }
  if (f.deskId) {
    where.push('c.desk_id = ?');
    params.push(f.deskId);
  }
  if (f.operator) {
    where.push("coalesce(o.display_name, c.operator_name, '') LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(f.operator)}%`);
  }
  if (f.numbers) {
    where.push(`c.caller_number IN (${f.numbers.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...f.numbers);
  }
  const rows = db
    .prepare<typeof params, Row>(
      `SELECT c.id, c.started_at, c.ended_at, c.caller_number, c.withheld, c.desk_id,
         coalesce(o.display_name, c.operator_name, '') AS operator, c.disposition, c.note, c.ticks,
         c.callback, coalesce(r.case_id, c.callback_case) AS case_id
       FROM calls c
       LEFT JOIN operators o ON o.id = c.operator_id
       LEFT JOIN reopened_calls r ON r.call_id = c.id
       WHERE ${where.join(' AND ')}
       ORDER BY c.started_at DESC LIMIT 1000`,
    )
    .all(...params);
  return rows.map((r) => ({
    callId: r.id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    callerNumber: r.caller_number,
    withheld: r.withheld === 1,
    deskId: r.desk_id,
    operator: r.operator,
    disposition: r.disposition,
    note: r.note,
    ticks: JSON.parse(r.ticks) as Tick[],
    callback: r.callback,
    caseId: r.case_id,
  }));
}

/**
 * Links a screened call to the case a supervisor reopened it as, and puts the original call
 * on the case's timeline. Call inside the save's transaction: a refusal saves nothing.
 */
export function linkReopenedCall(
  db: Store,
  link: { callId: string; caseId: string; operatorId: string; at: number },
): void {
  const call = db
    .prepare<
      [string],
      Omit<Row, 'disposition'> & {
        disposition: ScreenDisposition | 'case';
        reopened: string | null;
      }
    >(
      `SELECT c.*, coalesce(o.display_name, c.operator_name, '') AS operator,
         r.case_id AS reopened
       FROM calls c LEFT JOIN operators o ON o.id = c.operator_id
       LEFT JOIN reopened_calls r ON r.call_id = c.id WHERE c.id = ?`,
    )
    .get(link.callId);
  if (!call) throw new CoreError('call.not_found', 'No such screened call on this desk.');
  if (call.disposition === 'case' || call.reopened !== null) {
    throw new CoreError('call.not_reopenable', 'This call has a case already.');
  }
  db.prepare(
    'INSERT INTO reopened_calls (call_id, case_id, operator_id, at) VALUES (?, ?, ?, ?)',
  ).run(link.callId, link.caseId, link.operatorId, link.at);
  const note: ReopenedNote = {
    callId: call.id,
    startedAt: call.started_at,
    disposition: call.disposition,
    screenedBy: call.operator,
    deskId: call.desk_id,
  };
  createCaseRows(db).timeline(
    link.caseId,
    link.at,
    link.operatorId,
    'reopened',
    JSON.stringify(note),
  );
}

export type ReopenLink = Parameters<typeof linkReopenedCall>[1];

/** The review area of the desk store: screened calls read, and reopened calls linked. */
export function createReview(db: Store) {
  return {
    calls: (filter: ReviewFilter): ReviewedCall[] => reviewCalls(db, filter),
    /** Call inside the case's save: a refusal saves nothing. */
    linkReopened: (link: ReopenLink): void => linkReopenedCall(db, link),
  };
}

export type Review = ReturnType<typeof createReview>;
