/**
 * The operator's half-typed calls, one per call, kept so a crash or a closed window loses
 * at most a second. More than one exists when a new call (F2) put the one being typed aside.
 */
import { Draft, type DraftForm } from '../../../shared/domain/intake';
import type { Store } from './database';

export function writeDraft(
  db: Store,
  operatorId: string,
  draft: { callId: string; startedAt: number; form: DraftForm },
  now: number,
): void {
  db.prepare(
    `INSERT INTO drafts (operator_id, call_id, started_at, form, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (operator_id, call_id) DO UPDATE SET started_at = excluded.started_at,
       form = excluded.form, saved_at = excluded.saved_at`,
  ).run(operatorId, draft.callId, draft.startedAt, JSON.stringify(draft.form), now);
}

interface DraftRow {
  call_id: string;
  started_at: number;
  form: string;
  saved_at: number;
}

const parse = (row: DraftRow): Draft | null => {
  const parsed = Draft.safeParse({
    callId: row.call_id,
    startedAt: row.started_at,
    form: JSON.parse(row.form),
    savedAt: row.saved_at,
  });
  return parsed.success ? parsed.data : null;
};

/** Every draft of the operator, the most recently typed first. */
export function listDrafts(db: Store, operatorId: string): Draft[] {
  const rows = db
    .prepare(
      'SELECT call_id, started_at, form, saved_at FROM drafts WHERE operator_id = ? ORDER BY saved_at DESC, call_id DESC',
    )
    .all(operatorId) as DraftRow[];
  return rows.map(parse).filter((d): d is Draft => d !== null);
}

/** The most recently typed draft, if any. */
export function readDraft(db: Store, operatorId: string): Draft | null {
  return listDrafts(db, operatorId)[0] ?? null;
}

/** One call's draft, or (without a call id) all of the operator's. */
export function deleteDraft(db: Store, operatorId: string, callId?: string): void {
  if (callId === undefined) db.prepare('DELETE FROM drafts WHERE operator_id = ?').run(operatorId);
  else
    db.prepare('DELETE FROM drafts WHERE operator_id = ? AND call_id = ?').run(operatorId, callId);
}
