/**
 * The queue query: filters, sort, text search and paging, all answered by SQLite (with
 * the indexes of migration 0002 and the FTS5 index), never by loading rows into memory.
 */
import type { z } from 'zod';
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

function where(q: Query): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
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
    clauses.push('c.seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)');
    params.push(match);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

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
  const w = where(q);
  const dir = q.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_SQL[q.sort.column]} ${dir}, c.created_at DESC, c.seq DESC`;
  const rows = db
    .prepare(
      `SELECT c.id, c.created_at, c.caller_number, c.category_id, c.kelurahan_id, c.urgency, c.status,
              opds.short AS opd, substr(c.description, 1, 160) AS summary
       FROM cases c LEFT JOIN opds ON opds.id = c.opd_id
       ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, q.limit, q.offset) as Row[];
  const { total } = db
    .prepare(`SELECT count(*) AS total FROM cases c ${w.sql}`)
    .get(...w.params) as {
    total: number;
  };
  return {
    total,
    rows: rows.map((r) => ({
      caseId: r.id,
      createdAt: r.created_at,
      callerMasked: maskNumber(r.caller_number),
      categoryId: r.category_id,
      kelurahanId: r.kelurahan_id,
      urgency: r.urgency,
      status: r.status,
      opd: r.opd,
      summary: r.summary,
    })),
  };
}
