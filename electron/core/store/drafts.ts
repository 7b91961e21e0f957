/**
 * The operator's half-typed calls, one per call, kept so a crash or a closed window loses
 * at most a second. More than one exists when a new call (F2) put the one being typed aside.
 * The only writer of the `drafts` table (a saved call's draft is cleared through here too).
 */
import { Draft, type DraftForm } from '../../../shared/domain/intake';
import type { Store } from './database';

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

export function createDrafts(db: Store) {
  const upsert = db.prepare(
    `INSERT INTO drafts (operator_id, call_id, started_at, form, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (operator_id, call_id) DO UPDATE SET started_at = excluded.started_at,
       form = excluded.form, saved_at = excluded.saved_at`,
  );
  const list = db.prepare<[string], DraftRow>(
    'SELECT call_id, started_at, form, saved_at FROM drafts WHERE operator_id = ? ORDER BY saved_at DESC, call_id DESC',
  );
  const deleteAll = db.prepare('DELETE FROM drafts WHERE operator_id = ?');
  const deleteOne = db.prepare('DELETE FROM drafts WHERE operator_id = ? AND call_id = ?');

  /** Every draft of the operator, the most recently typed first. */
  const listDrafts = (operatorId: string): Draft[] =>
    list
      .all(operatorId)
      .map(parse)
      .filter((d): d is Draft => d !== null);

  return {
    write(
      operatorId: string,
      draft: { callId: string; startedAt: number; form: DraftForm },
      now: number,
    ): void {
      upsert.run(operatorId, draft.callId, draft.startedAt, JSON.stringify(draft.form), now);
    },
    list: listDrafts,
    /** The most recently typed draft, if any. */
    latest: (operatorId: string): Draft | null => listDrafts(operatorId)[0] ?? null,
    /** One call's draft, or (without a call id) all of the operator's. */
    discard(operatorId: string, callId?: string): void {
      if (callId === undefined) deleteAll.run(operatorId);
      else deleteOne.run(operatorId, callId);
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
