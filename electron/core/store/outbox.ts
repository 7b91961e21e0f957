/**
 * The outbox: every message for the hub is written here in the same transaction as the
 * change it carries, and stays until the hub acknowledges it (or refuses it for good).
 * Rows are validated again when read back; a row that no longer parses is refused, not
 * sent and not silently dropped.
 */
import type { z } from 'zod';
import { CaseUpsert, DispatchRequest } from '../../../shared/hub/messages';
import type { Store } from './database';

export type OutboxKind = 'case.upsert' | 'dispatch';
export interface OutboxRow {
  id: number;
  messageId: string;
  kind: OutboxKind;
  payload: unknown;
  attempts: number;
}

const SCHEMA = { 'case.upsert': CaseUpsert, dispatch: DispatchRequest } as const;

export function createOutbox(db: Store) {
  const insert = db.prepare(
    'INSERT INTO outbox (message_id, kind, payload, created_at) VALUES (?, ?, ?, ?)',
  );
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
  // Both from the pending index alone: the first row in send order is the oldest waiting
  // (min(created_at) would read every waiting row, on each status update of a long drain).
  const stats = db.prepare<[], { waiting: number; oldest: number | null }>(
    `SELECT count(*) AS waiting,
       (SELECT created_at FROM outbox WHERE sent_at IS NULL AND refused IS NULL ORDER BY id LIMIT 1) AS oldest
     FROM outbox WHERE sent_at IS NULL AND refused IS NULL`,
  );

  return {
    /**
     * Call inside the transaction that makes the change. The payload is typed against the
     * protocol here and validated again when read back for sending.
     */
    enqueue<K extends OutboxKind>(
      kind: K,
      messageId: string,
      payload: z.input<(typeof SCHEMA)[K]>,
      now: number,
    ): void {
      insert.run(messageId, kind, JSON.stringify(payload), now);
    },
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
    stats: () => stats.get() ?? { waiting: 0, oldest: null },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
