import type { Migration } from '../migrate';

/**
 * Calls, cases and what they refer to: operators, wilayah, categories, OPDs, callers,
 * the append-only case timeline, intake drafts, and a full-text index over what callers
 * said. Indexes serve the queue's filters, each paired with time for its default sort.
 */
export const m0002Intake: Migration = {
  version: 2,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE kecamatan (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE kelurahan (
        id           TEXT PRIMARY KEY,
        kecamatan_id TEXT NOT NULL REFERENCES kecamatan (id),
        name         TEXT NOT NULL
      ) STRICT;

      CREATE TABLE categories (
        id                 TEXT PRIMARY KEY,
        name_id            TEXT NOT NULL,
        name_en            TEXT NOT NULL,
        urgency            TEXT NOT NULL CHECK (urgency IN ('darurat', 'non_darurat')),
        classification     TEXT NOT NULL CHECK (classification IN ('aspirasi', 'pengaduan', 'permintaan_informasi')),
        resolve_target_min INTEGER
      ) STRICT;

      CREATE TABLE opds (
        id    TEXT PRIMARY KEY,
        name  TEXT NOT NULL,
        short TEXT NOT NULL,
        kind  TEXT NOT NULL CHECK (kind IN ('internal', 'external')),
        remit TEXT
      ) STRICT;

      -- One row per normalized number: the caller history prank screening reads.
      CREATE TABLE callers (
        number     TEXT PRIMARY KEY,
        first_seen INTEGER NOT NULL,
        last_seen  INTEGER NOT NULL,
        calls      INTEGER NOT NULL DEFAULT 0,
        cases      INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE cases (
        seq            INTEGER PRIMARY KEY, -- stable rowid for the full-text index
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
        caller_number  TEXT, -- the first reporter's, for the queue
        opd_id         TEXT REFERENCES opds (id),
        opened_by      TEXT NOT NULL REFERENCES operators (id),
        desk_id        TEXT NOT NULL
      ) STRICT;
      -- One index per sortable column, each leading with it and carrying every filter
      -- column: a sorted page walks one index and checks filters without touching rows,
      -- and counts are answered from an index alone (100,000 cases: see bench/query.ts).
      CREATE INDEX cases_time      ON cases (created_at, status, urgency, category_id, kecamatan_id);
      CREATE INDEX cases_status    ON cases (status, created_at, urgency, category_id, kecamatan_id);
      CREATE INDEX cases_urgency   ON cases (urgency, created_at, status, category_id, kecamatan_id);
      CREATE INDEX cases_category  ON cases (category_id, created_at, status, urgency, kecamatan_id);
      CREATE INDEX cases_kecamatan ON cases (kecamatan_id, created_at, status, urgency, category_id);
      CREATE INDEX cases_kelurahan ON cases (kelurahan_id, created_at, status, urgency, category_id, kecamatan_id);

      CREATE TABLE calls (
        id            TEXT PRIMARY KEY,
        started_at    INTEGER NOT NULL,
        ended_at      INTEGER,
        caller_number TEXT REFERENCES callers (number),
        withheld      INTEGER NOT NULL CHECK (withheld IN (0, 1)),
        caller_name   TEXT NOT NULL,
        desk_id       TEXT NOT NULL,
        operator_id   TEXT NOT NULL REFERENCES operators (id),
        disposition   TEXT NOT NULL CHECK (disposition IN ('case', 'prank', 'silent', 'misdial', 'abusive', 'info', 'test')),
        case_id       TEXT REFERENCES cases (id),
        CHECK ((disposition = 'case') = (case_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX calls_case   ON calls (case_id);
      CREATE INDEX calls_caller ON calls (caller_number, started_at);
      CREATE INDEX calls_time   ON calls (started_at);

      -- Append-only: who did what to a case, and when.
      CREATE TABLE case_timeline (
        id       INTEGER PRIMARY KEY,
        case_id  TEXT NOT NULL REFERENCES cases (id),
        at       INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        kind     TEXT NOT NULL,
        note     TEXT
      ) STRICT;
      CREATE INDEX timeline_case ON case_timeline (case_id, at);
      CREATE TRIGGER timeline_no_update BEFORE UPDATE ON case_timeline
        BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END;
      CREATE TRIGGER timeline_no_delete BEFORE DELETE ON case_timeline
        BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END;

      -- One half-typed call per operator on this desk, offered back after a crash.
      CREATE TABLE drafts (
        operator_id TEXT PRIMARY KEY REFERENCES operators (id),
        call_id     TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        form        TEXT NOT NULL,
        saved_at    INTEGER NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE cases_fts USING fts5 (
        description, address, landmark,
        content = 'cases', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4' -- operators search by word starts as they type
      );
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
