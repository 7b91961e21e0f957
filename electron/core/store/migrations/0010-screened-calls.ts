import type { Migration } from '../migrate';

/**
 * Screened calls and the center's calls. A call ended with a disposition key keeps the
 * operator's note, the boxes ticked during it and, for a silent call, how calling back
 * went. Calls screened on other desks (`call.logged` from the hub) are kept in the same
 * table, so caller history is center-wide: their operator is not an account of this desk,
 * hence `operator_id` may be null and `operator_name` names the person. The table is
 * rebuilt because SQLite cannot relax a NOT NULL or add a column constraint in place.
 */
export const m0010ScreenedCalls: Migration = {
  version: 10,
  name: 'screened-calls',
  up(db) {
    db.exec(`
      CREATE TABLE calls_next (
        id            TEXT PRIMARY KEY,
        started_at    INTEGER NOT NULL,
        ended_at      INTEGER,
        caller_number TEXT REFERENCES callers (number), -- normalized; null when withheld or unreadable
        withheld      INTEGER NOT NULL CHECK (withheld IN (0, 1)),
        number_text   TEXT, -- what was typed when it does not read as a number
        caller_name   TEXT NOT NULL,
        desk_id       TEXT NOT NULL,
        operator_id   TEXT REFERENCES operators (id), -- null: another desk's operator
        operator_name TEXT, -- the person who took the call, as every desk names them
        disposition   TEXT NOT NULL CHECK (disposition IN ('case', 'prank', 'silent', 'misdial', 'abusive', 'info', 'test')),
        case_id       TEXT REFERENCES cases (id),
        note          TEXT NOT NULL DEFAULT '',
        ticks         TEXT NOT NULL DEFAULT '[]', -- JSON array of laughter, children, abuse, no_voice
        callback      TEXT CHECK (callback IN ('no_answer', 'genuine', 'prank')),
        callback_at   INTEGER,
        callback_case TEXT, -- the case a genuine silent caller reported when called back
        callback_of   TEXT, -- on a case's call: the silent call it returned
        CHECK ((disposition = 'case') = (case_id IS NOT NULL)),
        CHECK ((callback IS NULL) = (callback_at IS NULL)),
        CHECK (callback IS NULL OR disposition = 'silent')
      ) STRICT;
      INSERT INTO calls_next (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id,
                              operator_id, disposition, case_id)
        SELECT id, started_at, ended_at, caller_number, withheld, caller_name, desk_id,
               operator_id, disposition, case_id FROM calls;
      DROP TABLE calls;
      ALTER TABLE calls_next RENAME TO calls;
      CREATE INDEX calls_case   ON calls (case_id);
      CREATE INDEX calls_caller ON calls (caller_number, started_at);
      CREATE INDEX calls_time   ON calls (started_at);
    `);
  },
};
