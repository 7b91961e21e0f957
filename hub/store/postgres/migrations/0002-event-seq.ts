/**
 * An event's seq may be given by the hub node that writes it (event-seq.ts: the next after
 * the log's last, counted once per transaction under the center's write lock), so that
 * its INSERT need not be waited for. The trigger still checks it is the next one, and
 * still gives it when none is given: the log stays gapless and in commit order.
 */
import { CENTER_WRITE_LOCK, EVENTS_CHANNEL } from '../write-lock';
import type { PgMigration } from './index';

export const p0002EventSeq: PgMigration = {
  version: 2,
  name: 'event-seq',
  sql: `
    CREATE OR REPLACE FUNCTION sigap_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE next bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${CENTER_WRITE_LOCK});
        next := coalesce((SELECT max(seq) FROM events), 0) + 1;
        IF NEW.seq IS NOT NULL AND NEW.seq <> next THEN
          RAISE EXCEPTION 'event seq % given where the log is at %', NEW.seq, next - 1
            USING ERRCODE = 'unique_violation';
        END IF;
        NEW.seq := next;
        PERFORM pg_notify('${EVENTS_CHANNEL}', '');
        RETURN NEW;
      END $$;
  `,
};
