/**
 * The desk's caller history by normalized number (DESIGN §2 "Prank screening"): earlier
 * calls by disposition, the last prank, open cases its calls opened or joined, and the calls
 * of the last hours. Every read walks the calls_caller* indexes of this one number, so it
 * stays fast with 1,000,000 calls stored. Read only: screening never writes.
 */
import { CASE_LIFECYCLE } from '../../../shared/domain/lifecycle';
import type { CaseStatus, Disposition } from '../../../shared/domain/case';
import {
  emptyCounts,
  type DispositionCounts,
  type RecentCall,
} from '../../../shared/domain/screening/history';
import type { Store } from './database';

/** The most recent calls read for the burst and silent-call windows. */
const RECENT_LIMIT = 200;

export interface NumberHistory {
  calls: DispositionCounts;
  lastPrankAt: number | null;
  lastCaseAt: number | null;
  openCases: number;
  recent: RecentCall[];
}

export type CallerHistoryReads = ReturnType<typeof createCallerHistoryReads>;

/**
 * `hashedOf`: the form a number takes once retention has replaced it by its keyed hash
 * (electron/core/retention.ts), so a caller's older calls still count.
 */
export function createCallerHistoryReads(
  db: Store,
  hashedOf: (e164: string) => string | undefined = () => undefined,
) {
  const openStatuses = (Object.keys(CASE_LIFECYCLE) as CaseStatus[]).filter(
    (s) => CASE_LIFECYCLE[s].open,
  );
  const byDisposition = db.prepare<
    [string, number],
    { disposition: Disposition; n: number; last: number }
  >(
    // Named: the planner may otherwise walk calls_caller and fetch every row for its
    // disposition, which for a number with thousands of calls is thousands of reads.
    `SELECT disposition, count(*) AS n, max(started_at) AS last FROM calls INDEXED BY calls_caller_disposition
     WHERE caller_number = ? AND started_at <= ? GROUP BY disposition`,
  );
  const recent = db.prepare<[string, number, number], RecentCall>(
    `SELECT started_at AS at, disposition FROM calls
     WHERE caller_number = ? AND started_at >= ? AND started_at <= ?
     ORDER BY started_at DESC LIMIT ${RECENT_LIMIT}`,
  );
  // The statuses come from the lifecycle table, never from input: safe to write into SQL.
  const openCases = db.prepare<[string, number], { n: number }>(
    `SELECT count(DISTINCT calls.case_id) AS n FROM calls JOIN cases ON cases.id = calls.case_id
     WHERE calls.caller_number = ? AND calls.disposition = 'case' AND calls.started_at <= ?
       AND cases.status IN (${openStatuses.map((s) => `'${s}'`).join(', ')})`,
  );

  return {
    /** What is known of `number` (E.164) at `now`; `recentFrom` bounds the recent calls read. */
    read(number: string, now: number, recentFrom: number): NumberHistory {
      const calls = emptyCounts();
      let lastPrankAt: number | null = null;
      let lastCaseAt: number | null = null;
      const hashed = hashedOf(number);
      for (const key of hashed ? [number, hashed] : [number]) {
        for (const row of byDisposition.all(key, now)) {
          calls[row.disposition] += row.n;
          if (row.disposition === 'prank' || row.disposition === 'abusive') {
            lastPrankAt = Math.max(lastPrankAt ?? row.last, row.last);
          }
          if (row.disposition === 'case') lastCaseAt = Math.max(lastCaseAt ?? row.last, row.last);
        }
      }
      return {
        calls,
        lastPrankAt,
        lastCaseAt,
        openCases: calls.case > 0 ? openCases.get(number, now)!.n : 0,
        recent: recent.all(number, recentFrom, now),
      };
    },
  };
}
