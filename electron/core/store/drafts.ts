/** The operator's half-typed call, kept so a crash or a closed window loses at most a second. */
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
     ON CONFLICT (operator_id) DO UPDATE SET call_id = excluded.call_id, started_at = excluded.started_at,
       form = excluded.form, saved_at = excluded.saved_at`,
  ).run(operatorId, draft.callId, draft.startedAt, JSON.stringify(draft.form), now);
}

export function readDraft(db: Store, operatorId: string): Draft | null {
  const row = db
    .prepare('SELECT call_id, started_at, form, saved_at FROM drafts WHERE operator_id = ?')
    .get(operatorId) as
    { call_id: string; started_at: number; form: string; saved_at: number } | undefined;
  if (!row) return null;
  const parsed = Draft.safeParse({
    callId: row.call_id,
    startedAt: row.started_at,
    form: JSON.parse(row.form),
    savedAt: row.saved_at,
  });
  return parsed.success ? parsed.data : null;
}

export function deleteDraft(db: Store, operatorId: string): void {
  db.prepare('DELETE FROM drafts WHERE operator_id = ?').run(operatorId);
}
