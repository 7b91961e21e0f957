/**
 * The outbox: every message for the hub is written here in the same transaction as the
 * change it carries, and stays until the hub acknowledges it (or refuses it for good).
 * Rows are validated again when read back; a row that no longer parses is refused, not
 * sent and not silently dropped.
 */
import { z } from 'zod';
import {
  CallerBlock,
  CallerUnblock,
  CallLog,
  CaseAppend,
  CaseClaim,
  CaseUpsert,
  DispatchRequest,
  DispatchWithdraw,
  ReportSignMessage,
} from '../../../shared/hub/messages';
import { ExportLoggedStored } from '../../../shared/hub/export-messages';
import type { Store } from './database';

/**
 * A supervisor's message names its person's account here; the sender puts that person's
 * hub token in its place on the wire (tokens are never written to the store).
 */
const personal = { personAccount: z.string().min(1).max(64).optional() };

const SCHEMA = {
  'case.upsert': CaseUpsert,
  'case.claim': CaseClaim,
  'case.append': CaseAppend,
  dispatch: DispatchRequest,
  'dispatch.withdraw': DispatchWithdraw,
  'call.log': CallLog,
  'caller.block': CallerBlock.omit({ personToken: true }).extend(personal),
  'caller.unblock': CallerUnblock.omit({ personToken: true }).extend(personal),
  'report.sign': ReportSignMessage.omit({ personToken: true }).extend(personal),
  'export.logged': ExportLoggedStored,
} as const;
export type OutboxKind = keyof typeof SCHEMA;
/** What a message of this kind carries, as it is enqueued. */
export type OutboxPayload<K extends OutboxKind> = z.input<(typeof SCHEMA)[K]>;
export interface OutboxRow {
  id: number;
  messageId: string;
  kind: OutboxKind;
  payload: unknown;
  attempts: number;
}

export function createOutbox(db: Store) {
  const insert = db.prepare(
    'INSERT INTO outbox (message_id, kind, case_id, payload, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const pendingUpserts = db.prepare<[string, number], { payload: string }>(
    `SELECT payload FROM outbox
     WHERE case_id = ? AND kind = 'case.upsert' AND refused IS NULL
       AND (sent_at IS NULL OR hub_seq > ?)
     ORDER BY id`,
  );
  const unsentUpsert = db.prepare<[string], { one: number }>(
    `SELECT 1 AS one FROM outbox
     WHERE case_id = ? AND kind = 'case.upsert' AND sent_at IS NULL AND refused IS NULL LIMIT 1`,
  );
  const ackSeq = db.prepare('UPDATE outbox SET hub_seq = ? WHERE id = ?');
  const pending = db.prepare<
    [number, number],
    { id: number; message_id: string; kind: OutboxKind; payload: string; attempts: number }
  >(
    'SELECT id, message_id, kind, payload, attempts FROM outbox WHERE sent_at IS NULL AND refused IS NULL AND id > ? ORDER BY id LIMIT ?',
  );
  const sent = db.prepare(
    'UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_try_at = ? WHERE id = ?',
  );
  const refused = db.prepare(
    'UPDATE outbox SET refused = ?, last_error = ?, attempts = attempts + 1, last_try_at = ? WHERE id = ?',
  );
  const failed = db.prepare(
    'UPDATE outbox SET last_error = ?, attempts = attempts + 1, last_try_at = ? WHERE id = ?',
  );
  // The first row in send order is the oldest waiting (read from the pending index; a
  // min(created_at) would sort every waiting row on each status update of a long drain).
  // What waits is counted as the operator sees it: a case with three edits waiting is
  // one case; a withdrawal is a change of a dispatch.
  const stats = db.prepare<
    [],
    { waiting: number; oldest: number | null; cases: number; calls: number; dispatches: number }
  >(
    `SELECT count(*) AS waiting,
       (SELECT created_at FROM outbox WHERE sent_at IS NULL AND refused IS NULL ORDER BY id LIMIT 1) AS oldest,
       count(DISTINCT CASE WHEN kind IN ('case.upsert', 'case.claim', 'case.append') THEN case_id END) AS cases,
       coalesce(sum(kind = 'call.log'), 0) AS calls,
       coalesce(sum(kind IN ('dispatch', 'dispatch.withdraw')), 0) AS dispatches
     FROM outbox WHERE sent_at IS NULL AND refused IS NULL`,
  );

  // Retention: a delivered call.log would still carry the number; the hub has it.
  const dropSentCallLogs = db.prepare(
    `DELETE FROM outbox WHERE kind = 'call.log' AND sent_at IS NOT NULL AND created_at < ?`,
  );

  return {
    dropSentCallLogs: (cutoff: number): void => void dropSentCallLogs.run(cutoff),
    /**
     * Call inside the transaction that makes the change. The payload is typed against the
     * protocol here and validated again when read back for sending.
     */
    enqueue<K extends OutboxKind>(
      kind: K,
      messageId: string,
      payload: OutboxPayload<K>,
      now: number,
    ): void {
      const caseId = (payload as { caseId?: unknown }).caseId;
      insert.run(
        messageId,
        kind,
        typeof caseId === 'string' ? caseId : null,
        JSON.stringify(payload),
        now,
      );
    },
    /**
     * This desk's edits of a case that the desk's replica does not hold as confirmed yet,
     * oldest first: not acknowledged by the hub (it may order them before or after the
     * events still to come), or acknowledged at a seq beyond `appliedSeq`. The replica
     * shows them over the confirmed fields.
     */
    pendingChanges(caseId: string, appliedSeq: number): Array<Record<string, unknown>> {
      return pendingUpserts.all(caseId, appliedSeq).map((r) => {
        const payload = JSON.parse(r.payload) as { fields?: Record<string, unknown> };
        return payload.fields ?? {};
      });
    },
    /** Whether a case change of this desk still waits to be delivered. */
    hasUnsentUpsert: (caseId: string): boolean => unsentUpsert.get(caseId) !== undefined,
    /** The seq the hub gave an acknowledged case change (its `case.changed` event). */
    setHubSeq: (id: number, seq: number) => void ackSeq.run(seq, id),
    /** The oldest `limit` messages still for the hub, after outbox id `afterId`. */
    pending(limit: number, afterId = 0): OutboxRow[] {
      const rows: OutboxRow[] = [];
      for (const r of pending.all(afterId, limit)) {
        const parsed = SCHEMA[r.kind].safeParse(JSON.parse(r.payload));
        if (!parsed.success) {
          refused.run(
            'protocol.invalid',
            'stored message no longer matches the protocol',
            Date.now(),
            r.id,
          );
          continue;
        }
        rows.push({
          id: r.id,
          messageId: r.message_id,
          kind: r.kind,
          payload: parsed.data,
          attempts: r.attempts,
        });
      }
      return rows;
    },
    markSent: (id: number, now: number) => void sent.run(now, now, id),
    markRefused: (id: number, code: string, message: string, now: number) =>
      void refused.run(code, message, now, id),
    markFailed: (id: number, error: string, now: number) => void failed.run(error, now, id),
    stats: () => stats.get() ?? { waiting: 0, oldest: null, cases: 0, calls: 0, dispatches: 0 },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
