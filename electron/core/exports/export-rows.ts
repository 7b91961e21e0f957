/**
 * Reads the rows of an export straight from SQLite, one at a time (`iterate`), so a range
 * of 100,000 cases never sits in memory. Read only: runs on the export worker's own
 * read-only connection.
 */
import type Database from 'better-sqlite3';
import type { ExportKind } from '../../../shared/domain/exports/request';
import { OPD_COLUMN } from '../store/queue';

export interface CaseExportRow {
  id: string;
  created_at: number;
  updated_at: number;
  status: string;
  urgency: string;
  classification: string;
  category_id: string;
  category_id_name: string | null;
  category_en_name: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  address: string;
  landmark: string;
  description: string;
  caller_name: string | null;
  caller_number: string | null;
  reporters: number;
  anonim: number;
  rahasia: number;
  opd: string | null;
  desk_id: string;
  opened_by: string;
}

export interface CallExportRow {
  id: string;
  started_at: number;
  ended_at: number | null;
  disposition: string;
  caller_number: string | null;
  number_text: string | null;
  withheld: number;
  caller_name: string;
  desk_id: string;
  operator: string | null;
  case_id: string | null;
  anonim: number | null;
  rahasia: number | null;
  note: string;
  ticks: string;
  callback: string | null;
}

const CASES_SQL = `
  SELECT c.id, c.created_at, c.updated_at, c.status, c.urgency, c.classification, c.category_id,
         cat.name_id AS category_id_name, cat.name_en AS category_en_name,
         kec.name AS kecamatan, kel.name AS kelurahan,
         c.address, c.landmark, c.description,
         (SELECT caller_name FROM calls WHERE case_id = c.id ORDER BY started_at, id LIMIT 1) AS caller_name,
         c.caller_number,
         1 + (SELECT count(*) FROM case_reporters r WHERE r.case_id = c.id) AS reporters,
         c.anonim, c.rahasia,
         CASE WHEN EXISTS (SELECT 1 FROM dispatches d WHERE d.case_id = c.id)
           THEN ${OPD_COLUMN} END AS opd,
         c.desk_id,
         coalesce(op.display_name, c.opened_by) AS opened_by
  FROM cases c
  LEFT JOIN categories cat ON cat.id = c.category_id
  LEFT JOIN kecamatan kec ON kec.id = c.kecamatan_id
  LEFT JOIN kelurahan kel ON kel.id = c.kelurahan_id
  LEFT JOIN operators op ON op.id = c.opened_by
  WHERE c.created_at >= ? AND c.created_at < ?
  ORDER BY c.created_at, c.seq`;

const CALLS_SQL = `
  SELECT k.id, k.started_at, k.ended_at, k.disposition, k.caller_number, k.number_text, k.withheld,
         k.caller_name, k.desk_id, coalesce(op.display_name, k.operator_name) AS operator,
         k.case_id, c.anonim, c.rahasia, k.note, k.ticks, k.callback
  FROM calls k
  LEFT JOIN operators op ON op.id = k.operator_id
  LEFT JOIN cases c ON c.id = k.case_id
  WHERE k.started_at >= ? AND k.started_at < ?
  ORDER BY k.started_at, k.id`;

const COUNT_SQL: Record<ExportKind, string> = {
  cases: 'SELECT count(*) AS n FROM cases WHERE created_at >= ? AND created_at < ?',
  calls: 'SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?',
};

export function countExportRows(
  db: Database.Database,
  kind: ExportKind,
  start: number,
  end: number,
): number {
  return (db.prepare(COUNT_SQL[kind]).get(start, end) as { n: number }).n;
}

export function caseRows(
  db: Database.Database,
  start: number,
  end: number,
): IterableIterator<CaseExportRow> {
  return db.prepare(CASES_SQL).iterate(start, end) as IterableIterator<CaseExportRow>;
}

export function callRows(
  db: Database.Database,
  start: number,
  end: number,
): IterableIterator<CallExportRow> {
  return db.prepare(CALLS_SQL).iterate(start, end) as IterableIterator<CallExportRow>;
}
