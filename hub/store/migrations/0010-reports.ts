import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Signed shift and daily reports from the desks (`report.sign`): the snapshot's canonical
 * JSON as signed and its SHA-256, who signed, whether the desk was offline then, and when
 * the hub received it. A row is never changed or removed; a second sign-off of the same
 * shift is a row of its own.
 */
export const m0010Reports: Migration<Database> = {
  version: 10,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id           TEXT PRIMARY KEY,
        desk_id      TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('shift', 'day')),
        date         TEXT NOT NULL,
        shift_id     TEXT,
        period_start INTEGER NOT NULL,
        period_end   INTEGER NOT NULL,
        snapshot     TEXT NOT NULL,
        hash         TEXT NOT NULL CHECK (length(hash) = 64),
        signed_at    INTEGER NOT NULL,
        signer_name  TEXT NOT NULL,
        offline      INTEGER NOT NULL CHECK (offline IN (0, 1)),
        sent_by      TEXT NOT NULL, -- the actor, as JSON
        received_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX reports_period ON reports (date, shift_id, signed_at);
      CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports
        BEGIN SELECT RAISE(ABORT, 'a signed report is never changed'); END;
      CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
        BEGIN SELECT RAISE(ABORT, 'a signed report is never removed'); END;
    `);
  },
};
