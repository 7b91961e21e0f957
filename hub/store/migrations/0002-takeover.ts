import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Who may edit a case: the desk that opened it and every desk that took it over
 * (`case.claim`); `cases.owner_desk` is the one holding it now. Calls that opened no case
 * are kept for shared caller history, and their events concern no case.
 */
export const m0002Takeover: Migration<Database> = {
  version: 2,
  name: 'takeover',
  up(db) {
    db.exec(`
      CREATE TABLE case_editors (
        case_id TEXT NOT NULL REFERENCES cases (id),
        desk_id TEXT NOT NULL,
        PRIMARY KEY (case_id, desk_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO case_editors (case_id, desk_id) SELECT id, owner_desk FROM cases;

      CREATE TABLE calls (
        id            TEXT PRIMARY KEY,
        at            INTEGER NOT NULL,
        desk_id       TEXT NOT NULL,
        disposition   TEXT NOT NULL,
        caller_number TEXT
      ) STRICT;
      CREATE INDEX calls_caller ON calls (caller_number, at);

      CREATE TABLE events_next (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        at      INTEGER NOT NULL,
        type    TEXT NOT NULL,
        case_id TEXT, -- null for call.logged
        body    TEXT NOT NULL
      ) STRICT;
      INSERT INTO events_next SELECT seq, at, type, case_id, body FROM events;
      DROP TABLE events;
      ALTER TABLE events_next RENAME TO events;
    `);
  },
};
