/**
 * The only writer of the `cases` and `case_timeline` tables: saving a call, editing a case,
 * the hub's events, dispatch statuses and the seed all write case rows through here, so
 * what a case row may hold is decided in one place. The callers own the transactions.
 */
import type { Statement } from 'better-sqlite3';
import type { Store } from './database';

/** A whole case row as first written: by this desk (hub_seq 0), from the hub, or seeded. */
export interface NewCaseRow {
  id: string;
  createdAt: number;
  updatedAt: number;
  status: string;
  categoryId: string;
  urgency: string;
  classification: string | null;
  description: string;
  kecamatanId: string;
  kelurahanId: string;
  address: string;
  landmark: string;
  lat: number | null;
  lng: number | null;
  anonim: boolean;
  rahasia: boolean;
  callerNumber: string | null;
  openedBy: string;
  deskId: string;
  /** The hub's seq of the case's first change; 0 for a case this desk opened. */
  hubSeq: number;
}

export function createCaseRows(db: Store) {
  const insert = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id,
       opened_by, desk_id, hub_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const timeline = db.prepare(
    'INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, ?, ?)',
  );
  const setHolder = db.prepare('UPDATE cases SET holder_desk = ?, updated_at = ? WHERE id = ?');
  const setHolderAtSeq = db.prepare('UPDATE cases SET holder_desk = ?, hub_seq = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?');
  const setSeq = db.prepare('UPDATE cases SET hub_seq = max(hub_seq, ?) WHERE id = ?');
  const touch = db.prepare('UPDATE cases SET updated_at = max(updated_at, ?) WHERE id = ?');
  const setStatusAndOpd = db.prepare(
    'UPDATE cases SET status = ?, opd_id = coalesce(opd_id, ?), updated_at = ? WHERE id = ?',
  );

  // One statement per set of columns, made on first use: the columns come from
  // CASE_COLUMNS, a closed list, so there are few.
  const columnUpdates = new Map<string, Statement<unknown[]>>();
  const updateColumns = (columns: readonly string[], laterOnly: boolean) => {
    const key = `${laterOnly ? 'max' : 'set'}:${columns.join(',')}`;
    let stmt = columnUpdates.get(key);
    if (!stmt) {
      const sets = columns.map((c) => `${c} = ?`).join(', ');
      const updatedAt = laterOnly ? 'updated_at = max(updated_at, ?)' : 'updated_at = ?';
      stmt = db.prepare(`UPDATE cases SET ${sets}, ${updatedAt} WHERE id = ?`);
      columnUpdates.set(key, stmt);
    }
    return stmt;
  };

  return {
    insert(row: NewCaseRow): void {
      insert.run(
        row.id,
        row.createdAt,
        row.updatedAt,
        row.status,
        row.categoryId,
        row.urgency,
        row.classification,
        row.description,
        row.kecamatanId,
        row.kelurahanId,
        row.address,
        row.landmark,
        row.lat,
        row.lng,
        row.anonim ? 1 : 0,
        row.rahasia ? 1 : 0,
        row.callerNumber,
        row.openedBy,
        row.deskId,
        row.hubSeq,
      );
    },
    /** An operator's edit: the columns take the values, and the case was updated `now`. */
    setColumns(
      caseId: string,
      columns: readonly string[],
      values: ReadonlyArray<string | number | null>,
      now: number,
    ): void {
      updateColumns(columns, false).run(...values, now, caseId);
    },
    /** The replica shows new values; `updated_at` never goes back. */
    showColumns(
      caseId: string,
      columns: readonly string[],
      values: ReadonlyArray<string | number | null>,
      at: number,
    ): void {
      updateColumns(columns, true).run(...values, at, caseId);
    },
    setHolder: (caseId: string, holder: string, now: number) =>
      void setHolder.run(holder, now, caseId),
    /** The hub's word on who holds the case (null: the desk that opened it). */
    setHolderAtSeq: (caseId: string, holder: string | null, seq: number) =>
      void setHolderAtSeq.run(holder, seq, caseId),
    setStatus: (caseId: string, status: string, now: number) =>
      void setStatus.run(status, now, caseId),
    /**
     * The case's status follows its dispatches; the first OPD names it in the queue. Only
     * a statement that sets `opd_id` makes SQLite check its foreign key: most status moves
     * name no OPD and skip it.
     */
    setStatusAndOpd(caseId: string, status: string, opdId: string | null, now: number): void {
      if (opdId === null) setStatus.run(status, now, caseId);
      else setStatusAndOpd.run(status, opdId, now, caseId);
    },
    /** The latest hub seq applied to the case: the base of this desk's next edit. */
    setSeq: (caseId: string, seq: number) => void setSeq.run(seq, caseId),
    /** Something joined the case at `at`: it sorts as changed then, never earlier. */
    touch: (caseId: string, at: number) => void touch.run(at, caseId),
    /** One line of the case's timeline (append-only: triggers refuse anything else). */
    timeline: (caseId: string, at: number, actorId: string, kind: string, note: string | null) =>
      void timeline.run(caseId, at, actorId, kind, note),
  };
}

export type CaseRows = ReturnType<typeof createCaseRows>;
