import type { Migration } from '../migrate';

/**
 * Every desk keeps a replica of the center's cases, not only its own: a case may now be
 * opened by another desk's operator (no local operators row, so `opened_by` is plain text),
 * be taken over by another desk (`holder_desk`), and remembers the last hub
 * seq applied to it (`hub_seq`, the base of this desk's next edit). The fields as the hub
 * confirmed them are kept apart (`case_confirmed`) so this desk's pending edits can be
 * replayed over them. The outbox learns the rest of protocol v1's desk messages, and the
 * seq the hub gave each change. A dispatch remembers when the OPD was phoned.
 */
export const m0005Replicas: Migration = {
  version: 5,
  name: 'replicas',
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
        category_id    TEXT NOT NULL REFERENCES categories (id),
        urgency        TEXT NOT NULL CHECK (urgency IN ('darurat', 'non_darurat')),
        classification TEXT NOT NULL,
        description    TEXT NOT NULL,
        kecamatan_id   TEXT NOT NULL REFERENCES kecamatan (id),
        kelurahan_id   TEXT NOT NULL REFERENCES kelurahan (id),
        address        TEXT NOT NULL,
        landmark       TEXT NOT NULL,
        lat            REAL,
        lng            REAL,
        anonim         INTEGER NOT NULL CHECK (anonim IN (0, 1)),
        rahasia        INTEGER NOT NULL CHECK (rahasia IN (0, 1)),
        caller_number  TEXT,
        opd_id         TEXT REFERENCES opds (id),
        opened_by      TEXT NOT NULL, -- an operator id here, or "name (desk)" for another desk
        desk_id        TEXT NOT NULL, -- the desk that opened the case
        holder_desk    TEXT, -- the desk that took it over (case.claim); null: the desk that opened it
        hub_seq        INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO cases_next
        SELECT seq, id, created_at, updated_at, status, category_id, urgency, classification, description,
               kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id,
               opened_by, desk_id, NULL, 0
        FROM cases;
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

      CREATE TABLE outbox_next (
        id          INTEGER PRIMARY KEY,
        message_id  TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('case.upsert', 'case.claim', 'case.append', 'dispatch',
                      'dispatch.withdraw', 'call.log')),
        case_id     TEXT, -- the case the message changes, so its pending fields can be replayed
        payload     TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_try_at INTEGER,
        last_error  TEXT,
        sent_at     INTEGER,
        hub_seq     INTEGER, -- the seq the hub gave the change, from its acknowledgement
        refused     TEXT
      ) STRICT;
      INSERT INTO outbox_next
        SELECT id, message_id, kind, json_extract(payload, '$.caseId'), payload, created_at, attempts,
               last_try_at, last_error, sent_at, NULL, refused
        FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND refused IS NULL;
      CREATE INDEX outbox_case_changes ON outbox (case_id) WHERE kind = 'case.upsert';

      -- The case fields as the hub's events set them, apart from this desk's pending edits.
      CREATE TABLE case_confirmed (
        case_id TEXT NOT NULL REFERENCES cases (id),
        field   TEXT NOT NULL,
        value   TEXT NOT NULL, -- JSON
        seq     INTEGER NOT NULL,
        PRIMARY KEY (case_id, field)
      ) STRICT, WITHOUT ROWID;

      -- An operator phoned the OPD about a dispatch in trouble ("Telepon OPD").
      ALTER TABLE dispatches ADD COLUMN called_at INTEGER;
    `);
  },
};
