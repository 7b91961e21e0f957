import type { Migration } from '../migrate';

/**
 * A case replicated from another desk may name a category, kecamatan or kelurahan this
 * desk's reference data lacks (added elsewhere, or on a newer Sigap). It is kept and shown
 * with its code marked unknown, never dropped: the reference columns no longer require a
 * row here, and the classification (which comes from the category) may be unknown.
 */
export const m0008ForeignReference: Migration = {
  version: 8,
  name: 'foreign-reference',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE cases_next (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('new', 'dispatch_pending', 'dispatched', 'accepted',
                         'in_progress', 'resolved', 'closed', 'returned', 'cancelled')),
        category_id    TEXT NOT NULL, -- may be a category this desk does not know
        urgency        TEXT NOT NULL CHECK (urgency IN ('darurat', 'non_darurat')),
        classification TEXT, -- null: the category is unknown here
        description    TEXT NOT NULL,
        kecamatan_id   TEXT NOT NULL, -- may be unknown here, as may the kelurahan
        kelurahan_id   TEXT NOT NULL,
        address        TEXT NOT NULL,
        landmark       TEXT NOT NULL,
        lat            REAL,
        lng            REAL,
        anonim         INTEGER NOT NULL CHECK (anonim IN (0, 1)),
        rahasia        INTEGER NOT NULL CHECK (rahasia IN (0, 1)),
        caller_number  TEXT,
        opd_id         TEXT REFERENCES opds (id),
        opened_by      TEXT NOT NULL,
        desk_id        TEXT NOT NULL,
        holder_desk    TEXT,
        hub_seq        INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO cases_next SELECT * FROM cases;
      DROP TABLE cases;
      ALTER TABLE cases_next RENAME TO cases;

      CREATE INDEX cases_time      ON cases (created_at, status, urgency, category_id, kecamatan_id);
      CREATE INDEX cases_status    ON cases (status, created_at, urgency, category_id, kecamatan_id);
      CREATE INDEX cases_urgency   ON cases (urgency, created_at, status, category_id, kecamatan_id);
      CREATE INDEX cases_category  ON cases (category_id, created_at, status, urgency, kecamatan_id);
      CREATE INDEX cases_kecamatan ON cases (kecamatan_id, created_at, status, urgency, category_id);
      CREATE INDEX cases_kelurahan ON cases (kelurahan_id, created_at, status, urgency, category_id, kecamatan_id);

      CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts (rowid, description, address, landmark)
        VALUES (new.seq, new.description, new.address, new.landmark);
      END;
      CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, description, address, landmark)
        VALUES ('delete', old.seq, old.description, old.address, old.landmark);
      END;
      CREATE TRIGGER cases_fts_update AFTER UPDATE OF description, address, landmark ON cases BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, description, address, landmark)
        VALUES ('delete', old.seq, old.description, old.address, old.landmark);
        INSERT INTO cases_fts (rowid, description, address, landmark)
        VALUES (new.seq, new.description, new.address, new.landmark);
      END;
    `);
  },
};
