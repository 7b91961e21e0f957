/**
 * What the shift and daily report reads from the desk's store: plain rows for one period,
 * read only (this module writes no table). electron/core/report turns them into the
 * report's snapshot; nothing here masks or words anything.
 */
import type { CaseStatus, Disposition } from '../../../shared/domain/case';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Urgency } from '../../../shared/domain/reference';
import type { ScreenDisposition } from '../../../shared/domain/screening';
import type { Store } from './database';

export interface Period {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface CaseCountRow {
  id: string;
  name_id: string | null;
  name_en: string | null;
  cases: number;
}

export interface ReportDispatchRow {
  id: string;
  case_id: string;
  opd_id: string;
  short: string;
  status: DeskDispatchStatus;
  created_at: number;
  category_id: string;
  urgency: Urgency;
  resolve_target_min: number | null;
  /** When the OPD first accepted (or moved past accepting), from the case's timeline. */
  accepted_at: number | null;
  resolved_at: number | null;
  returned_at: number | null;
}

export interface OpenCaseRow {
  id: string;
  created_at: number;
  status: CaseStatus;
  category_id: string;
  category_id_name: string | null;
  category_en_name: string | null;
  kecamatan: string | null;
  kecamatan_id: string;
  description: string;
  anonim: number;
  rahasia: number;
  caller_number: string | null;
  caller_name: string | null;
  opds: string | null;
  dispatch_statuses: string | null;
}

export interface ReopenedRow {
  call_id: string;
  started_at: number;
  disposition: ScreenDisposition;
  screened_by: string;
  case_id: string;
  at: number;
}

export interface BlockRow {
  number: string;
  kind: 'manual' | 'auto_prank' | 'auto_silent';
  reason: string;
  set_at: number;
  set_by: string;
  lifted_at: number | null;
  lifted_by: string | null;
}

export interface ReportReads {
  dispositions(p: Period): Array<{ disposition: Disposition; calls: number }>;
  casesOpened(p: Period): number;
  byCategory(p: Period): CaseCountRow[];
  byKecamatan(p: Period): CaseCountRow[];
  /** Dispatches made in the period, with the OPD's moves before `cutAt`. */
  dispatches(p: Period, cutAt: number): ReportDispatchRow[];
  /** Every case opened before `cutAt` that is still open now, oldest first. */
  openCases(cutAt: number): OpenCaseRow[];
  /** Dispatches still in this desk's outbox, oldest first. */
  waitingDispatches(): Array<{ id: string; case_id: string; short: string; created_at: number }>;
  reopened(p: Period): ReopenedRow[];
  /** Blocks set or lifted in the period. */
  blocks(p: Period): BlockRow[];
}

const OPEN_STATUSES =
  "('new', 'dispatch_pending', 'dispatched', 'accepted', 'in_progress', 'resolved', 'returned')";

export function createReportReads(db: Store): ReportReads {
  const dispositions = db.prepare<[number, number], { disposition: Disposition; calls: number }>(
    `SELECT disposition, count(*) AS calls FROM calls
      WHERE started_at >= ? AND started_at < ? GROUP BY disposition ORDER BY disposition`,
  );
  const casesOpened = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM cases WHERE created_at >= ? AND created_at < ?',
  );
  const byCategory = db.prepare<[number, number], CaseCountRow>(
    `SELECT c.category_id AS id, k.name_id, k.name_en, count(*) AS cases
       FROM cases c LEFT JOIN categories k ON k.id = c.category_id
      WHERE c.created_at >= ? AND c.created_at < ?
      GROUP BY c.category_id ORDER BY cases DESC, c.category_id`,
  );
  const byKecamatan = db.prepare<[number, number], CaseCountRow>(
    `SELECT c.kecamatan_id AS id, k.name AS name_id, k.name AS name_en, count(*) AS cases
       FROM cases c LEFT JOIN kecamatan k ON k.id = c.kecamatan_id
      WHERE c.created_at >= ? AND c.created_at < ?
      GROUP BY c.kecamatan_id ORDER BY cases DESC, c.kecamatan_id`,
  );
  // An OPD's move is on the case's timeline under the OPD's id; the first of each kind counts.
  const moveAt = (kinds: string) =>
    `(SELECT min(t.at) FROM case_timeline t WHERE t.case_id = d.case_id AND t.actor_id = d.opd_id
        AND t.kind IN (${kinds}) AND t.at < @cut)`;
  const dispatches = db.prepare<{ start: number; end: number; cut: number }, ReportDispatchRow>(
    `SELECT d.id, d.case_id, d.opd_id, coalesce(o.short, d.opd_id) AS short, d.status, d.created_at,
            c.category_id, c.urgency, k.resolve_target_min,
            ${moveAt("'dispatch.accepted', 'dispatch.in_progress', 'dispatch.resolved'")} AS accepted_at,
            ${moveAt("'dispatch.resolved'")} AS resolved_at,
            ${moveAt("'dispatch.returned'")} AS returned_at
       FROM dispatches d JOIN cases c ON c.id = d.case_id
       LEFT JOIN opds o ON o.id = d.opd_id LEFT JOIN categories k ON k.id = c.category_id
      WHERE d.created_at >= @start AND d.created_at < @end
      ORDER BY d.created_at, d.id`,
  );
  const openCases = db.prepare<[number], OpenCaseRow>(
    `SELECT c.id, c.created_at, c.status, c.category_id, k.name_id AS category_id_name,
            k.name_en AS category_en_name, w.name AS kecamatan, c.kecamatan_id, c.description,
            c.anonim, c.rahasia, c.caller_number,
            (SELECT caller_name FROM calls WHERE case_id = c.id ORDER BY started_at LIMIT 1) AS caller_name,
            (SELECT group_concat(coalesce(o.short, d.opd_id), ', ') FROM dispatches d
               LEFT JOIN opds o ON o.id = d.opd_id
              WHERE d.case_id = c.id AND d.status <> 'withdrawn') AS opds,
            (SELECT group_concat(d.status, ',') FROM dispatches d
              WHERE d.case_id = c.id AND d.status <> 'withdrawn') AS dispatch_statuses
       FROM cases c LEFT JOIN categories k ON k.id = c.category_id
       LEFT JOIN kecamatan w ON w.id = c.kecamatan_id
      WHERE c.status IN ${OPEN_STATUSES} AND c.created_at < ?
      ORDER BY c.created_at, c.id`,
  );
  const waiting = db.prepare<
    [],
    { id: string; case_id: string; short: string; created_at: number }
  >(
    `SELECT d.id, d.case_id, coalesce(o.short, d.opd_id) AS short, d.created_at
       FROM dispatches d LEFT JOIN opds o ON o.id = d.opd_id
      WHERE d.status = 'waiting' ORDER BY d.created_at, d.id`,
  );
  const reopened = db.prepare<[number, number], ReopenedRow>(
    `SELECT r.call_id, c.started_at, c.disposition,
            coalesce(op.display_name, c.operator_name, '') AS screened_by, r.case_id, r.at
       FROM reopened_calls r JOIN calls c ON c.id = r.call_id
       LEFT JOIN operators op ON op.id = c.operator_id
      WHERE r.at >= ? AND r.at < ? ORDER BY r.at, r.call_id`,
  );
  const blocks = db.prepare<{ start: number; end: number }, BlockRow>(
    `SELECT number, kind, reason, set_at, set_by, lifted_at, lifted_by FROM blocks
      WHERE (set_at >= @start AND set_at < @end) OR (lifted_at >= @start AND lifted_at < @end)
      ORDER BY set_at, id`,
  );
  return {
    dispositions: (p) => dispositions.all(p.start, p.end),
    casesOpened: (p) => casesOpened.get(p.start, p.end)?.n ?? 0,
    byCategory: (p) => byCategory.all(p.start, p.end),
    byKecamatan: (p) => byKecamatan.all(p.start, p.end),
    dispatches: (p, cut) => dispatches.all({ start: p.start, end: p.end, cut }),
    openCases: (cut) => openCases.all(cut),
    waitingDispatches: () => waiting.all(),
    reopened: (p) => reopened.all(p.start, p.end),
    blocks: (p) => blocks.all({ start: p.start, end: p.end }),
  };
}
