import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * An idempotent message's first answer is kept under its id together with the message type
 * and the sender that used the id, so the same id sent as another type, or by another
 * peer, is refused instead of answered with somebody else's success. Answers stored before
 * are attributed from the event their ack names (every stored answer is a success with the
 * seq of the event it logged); one the log cannot attribute keeps null and still answers
 * its repeat.
 */
export const m0003MessageKeys: Migration<Database> = {
  version: 3,
  name: 'message-keys',
  up(db) {
    db.exec(`
      ALTER TABLE applied ADD COLUMN type TEXT;   -- 'dispatch', 'transition', 'case.upsert', …
      ALTER TABLE applied ADD COLUMN sender TEXT; -- token kind and id: 'desk:desk-1', 'opd:dlh'

      UPDATE applied SET (type, sender) = (
        SELECT
          CASE e.type
            WHEN 'case.changed' THEN 'case.upsert'
            WHEN 'case.claimed' THEN 'case.claim'
            WHEN 'case.appended' THEN 'case.append'
            WHEN 'call.logged' THEN 'call.log'
            WHEN 'dispatch.status' THEN
              CASE json_extract(e.body, '$.status')
                WHEN 'queued' THEN 'dispatch'
                WHEN 'withdrawn' THEN 'dispatch.withdraw'
                ELSE 'transition'
              END
          END,
          json_extract(e.body, '$.actor.role') || ':' || json_extract(e.body, '$.actor.id')
        FROM events e
        WHERE e.seq = coalesce(json_extract(applied.ack, '$.seq'), json_extract(applied.ack, '$.hubSeq'))
      );
    `);
  },
};
