import type { Migration } from '../migrate';

/**
 * Signed shift and daily reports: the snapshot as it was signed and the SHA-256 of its
 * canonical JSON, with who signed, when, and whether the hub was unreachable then. A row is
 * never changed or removed; a second sign-off of the same shift is a row of its own. The
 * outbox learns `report.sign`, which carries a signed report to the hub (later, when the
 * hub was away at the sign-off); SQLite cannot widen a CHECK in place, so it is rebuilt.
 */
export const m0015Reports: Migration = {
  version: 15,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE signed_reports (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('shift', 'day')),
        date         TEXT NOT NULL, -- the WIB date the shift or day began, 2026-11-28
        shift_id     TEXT, -- null for a day report
        period_start INTEGER NOT NULL,
        period_end   INTEGER NOT NULL,
        snapshot     TEXT NOT NULL, -- canonical JSON, exactly as hashed
        hash         TEXT NOT NULL CHECK (length(hash) = 64), -- SHA-256 hex of snapshot
        signed_at    INTEGER NOT NULL,
        signed_by    TEXT NOT NULL, -- the incoming supervisor's account id
        signer_name  TEXT NOT NULL,
        offline      INTEGER NOT NULL CHECK (offline IN (0, 1)) -- the hub was unreachable
      ) STRICT;
      CREATE INDEX signed_reports_period ON signed_reports (date, shift_id, signed_at);
      CREATE TRIGGER signed_reports_no_update BEFORE UPDATE ON signed_reports
        BEGIN SELECT RAISE(ABORT, 'a signed report is never changed'); END;
      CREATE TRIGGER signed_reports_no_delete BEFORE DELETE ON signed_reports
        BEGIN SELECT RAISE(ABORT, 'a signed report is never removed'); END;

      CREATE TABLE outbox_next (
        id          INTEGER PRIMARY KEY,
        message_id  TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('case.upsert', 'case.claim', 'case.append', 'dispatch',
                      'dispatch.withdraw', 'call.log', 'caller.block', 'caller.unblock', 'report.sign')),
        case_id     TEXT,
        payload     TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_try_at INTEGER,
        last_error  TEXT,
        sent_at     INTEGER,
        hub_seq     INTEGER,
        refused     TEXT
      ) STRICT;
      INSERT INTO outbox_next SELECT * FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND refused IS NULL;
      CREATE INDEX outbox_case_changes ON outbox (case_id) WHERE kind = 'case.upsert';
    `);
  },
};
