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
import { placeWords, sharedWords, similarPlaceQuery } from './place-words';
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

export function createDuplicateReads(db: Store, given: DuplicateRules) {
  // A kelurahan or kecamatan named in an address says no more than the kelurahan field,
  // and would match every case there: such words are not searched.
  const wilayah = db
    .prepare<[], { name: string }>('SELECT name FROM kelurahan UNION SELECT name FROM kecamatan')
    .all()
    .flatMap((r) => r.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const rules = { ...given, ignoredWords: [...given.ignoredWords, ...wilayah] };
  // kelurahan + time range on cases_kelurahan, which carries the category and status too.
  const sameArea = db.prepare<[string, string, number, number], { seq: number }>(
    `SELECT c.seq FROM cases c
     WHERE c.kelurahan_id = ? AND c.category_id = ? AND c.created_at >= ? AND c.status IN (${OPEN})
     ORDER BY c.created_at DESC, c.seq DESC LIMIT ?`,
  );
  // Cases opened in the window have a seq at least this (seq grows as cases are stored), so
  // the full-text search reads only their part of each word's list.
  // (Named: left to itself SQLite walks the whole table in seq order for min(seq).)
  const windowFloor = db.prepare<[number], { floor: number | null }>(
    'SELECT min(seq) AS floor FROM cases INDEXED BY cases_time WHERE created_at >= ?',
  );
  // The window's matches, ranked here by how many of the words each place shares: FTS5's
  // own rank (bm25) costs far more than the few hundred places a window holds.
  const similarPlace = db.prepare<
    [string, number, number],
    { seq: number; created_at: number; address: string; landmark: string }
  >(
    `SELECT c.seq, c.created_at, c.address, c.landmark FROM cases c
     WHERE c.seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? AND rowid >= ?)
       AND c.created_at >= ? AND c.status IN (${OPEN})`,
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
      const words = placeWords(`${q.address} ${q.landmark}`, rules);
      const match = similarPlaceQuery(words);
      if (match) {
        const since = now - rules.textWindowHours * 60 * MINUTE;
        const floor = windowFloor.get(since)?.floor;
        if (floor != null) {
          const ranked = similarPlace
            .all(match, floor, since)
            .map((r) => ({ r, shared: sharedWords(words, `${r.address} ${r.landmark}`) }))
            .sort(
              (a, b) => b.shared - a.shared || b.r.created_at - a.r.created_at || b.r.seq - a.r.seq,
            );
          text.push(...ranked.slice(0, limit).map(({ r }) => r.seq));
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
