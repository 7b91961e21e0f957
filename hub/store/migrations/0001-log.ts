import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * The event log (its `seq` orders every change the center knows), the latest value of
 * every case field with the seq that set it (for conflict detection), dispatches, and the
 * first answer to every idempotent message so a repeat gets the same answer.
 */
export const m0001Log: Migration<Database> = {
  version: 1,
  name: 'log',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        at      INTEGER NOT NULL,
        type    TEXT NOT NULL,
        case_id TEXT NOT NULL,
        body    TEXT NOT NULL -- the HubEvent as JSON, without seq
      ) STRICT;

      CREATE TABLE applied (
        id  TEXT PRIMARY KEY, -- changeId, dispatchId or transitionId
        ack TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cases (
        id         TEXT PRIMARY KEY,
        owner_desk TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE case_fields (
        case_id  TEXT NOT NULL REFERENCES cases (id),
        field    TEXT NOT NULL,
        value    TEXT NOT NULL, -- JSON
        seq      INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (case_id, field)
      ) STRICT;

      CREATE TABLE dispatches (
        id        TEXT PRIMARY KEY,
        case_id   TEXT NOT NULL REFERENCES cases (id),
        opd_id    TEXT NOT NULL,
        status    TEXT NOT NULL,
        queued_at INTEGER NOT NULL,
        desk_id   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dispatches_opd ON dispatches (opd_id, status);
    `);
  },
};
