/**
 * Duplicate suggestions: the open cases that are probably the incident being recorded —
 * the same category in the same kelurahan within the rules' window, or a similar address or
 * landmark (FTS5 over `cases_fts`, with the query built by place-words.ts). Candidates are
 * picked from indexes first; only the few suggested are read in full.
 */
import type {
  DuplicateQuery,
  DuplicateReason,
  DuplicateRules,
  DuplicateSuggestion,
} from '../../../shared/domain/duplicates';
import { CASE_LIFECYCLE, sqlStatusList } from '../../../shared/domain/lifecycle';
import type { Store } from './database';
import { similarPlaceQuery } from './place-words';
import { OPD_COLUMN } from './queue';

const MINUTE = 60_000;
const OPEN = sqlStatusList(CASE_LIFECYCLE, (r) => r.open);
/** Candidates read per source before ranking: enough to find cases both sources name. */
const CANDIDATES_PER_SUGGESTION = 3;

interface Row {
  seq: number;
  id: string;
  created_at: number;
  status: DuplicateSuggestion['status'];
  urgency: DuplicateSuggestion['urgency'];
  category_id: string;
  kecamatan_id: string;
  kelurahan_id: string;
  address: string;
  landmark: string;
  opd: string | null;
  reporters: number;
}

export type DuplicateReads = ReturnType<typeof createDuplicateReads>;

export function createDuplicateReads(db: Store, rules: DuplicateRules) {
  // kelurahan + time range on cases_kelurahan, which carries the category and status too.
  const sameArea = db.prepare<[string, string, number, number], { seq: number }>(
    `SELECT c.seq FROM cases c
     WHERE c.kelurahan_id = ? AND c.category_id = ? AND c.created_at >= ? AND c.status IN (${OPEN})
     ORDER BY c.created_at DESC, c.seq DESC LIMIT ?`,
  );
  // Cases opened in the window have a seq at least this (seq grows as cases are stored), so
  // the full-text search reads only their part of each word's list.
  const windowFloor = db.prepare<[number], { floor: number | null }>(
    'SELECT min(seq) AS floor FROM cases WHERE created_at >= ?',
  );
  const similarPlace = db.prepare<[string, number, number, number], { seq: number }>(
    `SELECT c.seq FROM cases_fts JOIN cases c ON c.seq = cases_fts.rowid
     WHERE cases_fts MATCH ? AND cases_fts.rowid >= ? AND c.created_at >= ? AND c.status IN (${OPEN})
     ORDER BY cases_fts.rank LIMIT ?`,
  );
  const detail = db.prepare<[number], Row>(
    `SELECT c.seq, c.id, c.created_at, c.status, c.urgency, c.category_id, c.kecamatan_id, c.kelurahan_id,
            c.address, c.landmark, ${OPD_COLUMN} AS opd,
            1 + (SELECT count(*) FROM case_reporters r WHERE r.case_id = c.id) AS reporters
     FROM cases c WHERE c.seq = ?`,
  );

  const windowOf = (categoryId: string): number =>
    (rules.sameAreaWindowMinutesByCategory[categoryId] ?? rules.sameAreaWindowMinutes) * MINUTE;

  return {
    /** Ranked: both reasons first, then the same area (newest first), then a similar place. */
    suggest(q: DuplicateQuery, now: number): DuplicateSuggestion[] {
      const limit = rules.maxSuggestions * CANDIDATES_PER_SUGGESTION;
      const area =
        q.categoryId && q.kelurahanId
          ? sameArea
              .all(q.kelurahanId, q.categoryId, now - windowOf(q.categoryId), limit)
              .map((r) => r.seq)
          : [];
      const text: number[] = [];
      const match = similarPlaceQuery(q.address, q.landmark, rules);
      if (match) {
        const since = now - rules.textWindowHours * 60 * MINUTE;
        const floor = windowFloor.get(since)?.floor;
        if (floor != null) {
          text.push(...similarPlace.all(match, floor, since, limit).map((r) => r.seq));
        }
      }
      const reasons = new Map<number, { reason: DuplicateReason; order: number }>();
      area.forEach((seq, i) => reasons.set(seq, { reason: 'area', order: i }));
      text.forEach((seq, i) => {
        const seen = reasons.get(seq);
        if (seen) reasons.set(seq, { reason: 'both', order: Math.min(seen.order, i) });
        else reasons.set(seq, { reason: 'text', order: i });
      });
      const rank: Record<DuplicateReason, number> = { both: 0, area: 1, text: 2 };
      return [...reasons.entries()]
        .sort(([, a], [, b]) => rank[a.reason] - rank[b.reason] || a.order - b.order)
        .slice(0, rules.maxSuggestions)
        .flatMap(([seq, { reason }]) => {
          const r = detail.get(seq);
          return r ? [toSuggestion(r, reason)] : [];
        });
    },
  };
}

const toSuggestion = (r: Row, reason: DuplicateReason): DuplicateSuggestion => ({
  caseId: r.id,
  createdAt: r.created_at,
  status: r.status,
  urgency: r.urgency,
  categoryId: r.category_id,
  kecamatanId: r.kecamatan_id,
  kelurahanId: r.kelurahan_id,
  address: r.address,
  landmark: r.landmark,
  opd: r.opd,
  reporters: r.reporters,
  reason,
});
