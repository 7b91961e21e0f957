/**
 * The queue query: filters, sort, text search and paging, all answered by SQLite (with
 * the indexes of migration 0002 and the FTS5 index), never by loading rows into memory.
 */
import type { z } from 'zod';
import { DESK_DISPATCH_LIFECYCLE, sqlStatusList } from '../../../shared/domain/lifecycle';
import { maskNumber } from '../../../shared/domain/phone';
import type { QueuePage, QueueQuery, QueueRow } from '../../../shared/domain/queue';
import type { Store } from './database';

type Query = z.output<typeof QueueQuery>;

const SORT_SQL: Record<Query['sort']['column'], string> = {
  time: 'c.created_at',
  urgency: 'c.urgency',
  status: 'c.status',
  category: 'c.category_id',
  kelurahan: 'c.kelurahan_id',
};

/** Operator text → an FTS5 query of prefix terms, all required. Only letters and digits pass. */
export function ftsQuery(text: string): string | undefined {
  const terms = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!terms || terms.length === 0) return undefined;
  return terms
    .slice(0, 8)
    .map((t) => `"${t}"*`)
    .join(' ');
}

/**
 * `scanSorted`: the page query walks the sort column's index and filters row by row (the
 * unary `+` keeps SQLite from picking a filter's index and then sorting every match);
 * with LIMIT that stops after one page of matches.
 */
function where(
  q: Query,
  scanSorted = false,
): { sql: string; params: unknown[]; match: string | undefined; onlyText: boolean } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const col = (c: string) => (scanSorted ? `+${c}` : c);
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${col(column)} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('c.status', q.status);
  inList('c.urgency', q.urgency);
  inList('c.category_id', q.categoryId);
  inList('c.kecamatan_id', q.kecamatanId);
  if (q.from !== undefined) {
    clauses.push('c.created_at >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    clauses.push('c.created_at < ?');
    params.push(q.to);
  }
  const match = q.text ? ftsQuery(q.text) : undefined;
  if (match) {
    clauses.push(`${col('c.seq')} IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)`);
    params.push(match);
  }
  return {
    sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    match,
    onlyText: match !== undefined && clauses.length === 1,
  };
}

/**
 * The OPD column: the OPDs holding the case now (after a re-route, the new one, not the
 * one that returned it), in the order they were sent; a case every OPD returned shows who
 * returned it, and a cancelled case the OPDs its dispatches were withdrawn from. Read from the case's dispatches (indexed by case) for the page's rows only;
 * duplicate suggestions name OPDs the same way.
 */
const opdsWhere = (statusClause: string) =>
  `(SELECT group_concat(short, ', ') FROM (
      SELECT opds.short FROM dispatches d JOIN opds ON opds.id = d.opd_id
      WHERE d.case_id = c.id AND ${statusClause}
      GROUP BY d.opd_id ORDER BY min(d.created_at), min(d.rowid)))`;
export const OPD_COLUMN = `coalesce(
    ${opdsWhere(`d.status NOT IN (${sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => !r.holds)})`)},
    ${opdsWhere(`d.status = 'returned'`)},
    ${opdsWhere(`d.status = 'withdrawn'`)})`;

interface Row {
  id: string;
  created_at: number;
  caller_number: string | null;
  category_id: string;
  kelurahan_id: string;
  urgency: QueueRow['urgency'];
  status: QueueRow['status'];
  opd: string | null;
  summary: string;
}

export function queryQueue(db: Store, q: Query): QueuePage {
  const dir = q.sort.dir === 'asc' ? 'ASC' : 'DESC';
  // Ties follow the same direction as the sorted column, so the index on (column, time, …)
  // serves the whole ORDER BY in one scan instead of a sort.
  const order = (t: string) =>
    q.sort.column === 'time'
      ? `${t}.created_at ${dir}, ${t}.seq ${dir}`
      : `${SORT_SQL[q.sort.column].replace('c.', `${t}.`)} ${dir}, ${t}.created_at ${dir}, ${t}.seq ${dir}`;
  // The page walks the sort column's index (which carries every filter column) and stops
  // after one page of matches; then only that page's rows are read and joined. A filter
  // that matches little costs at most one pass over that index.
  const page = where(q, true);
  const rows = db
    .prepare(
      `WITH page AS (SELECT c.seq FROM cases c ${page.sql} ORDER BY ${order('c')} LIMIT ? OFFSET ?)
       SELECT c.id, c.created_at, c.caller_number, c.category_id, c.kelurahan_id, c.urgency, c.status,
              ${OPD_COLUMN} AS opd,
              substr(c.description, 1, 160) AS summary
       FROM page JOIN cases c ON c.seq = page.seq
       ORDER BY ${order('c')}`,
    )
    .all(...page.params, q.limit, q.offset) as Row[];
  return { total: q.count ? countMatches(db, q) : null, rows: rows.map(toQueueRow) };
}

/** Counts are free to use any index; a text search alone is counted by FTS5 itself. */
function countMatches(db: Store, q: Query): number {
  const w = where(q);
  const sql = w.onlyText
    ? 'SELECT count(*) AS total FROM cases_fts WHERE cases_fts MATCH ?'
    : `SELECT count(*) AS total FROM cases c ${w.sql}`;
  return (db.prepare(sql).get(...w.params) as { total: number }).total;
}

const toQueueRow = (r: Row): QueueRow => ({
  caseId: r.id,
  createdAt: r.created_at,
  callerMasked: maskNumber(r.caller_number),
  categoryId: r.category_id,
  kelurahanId: r.kelurahan_id,
  urgency: r.urgency,
  status: r.status,
  opd: r.opd,
  summary: r.summary,
  callAlarm: false, // set from the page's dispatches by store/call-alarms.ts
});
