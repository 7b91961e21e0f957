import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Callers who joined a case as co-reporters (duplicate reports), one row per joining call:
 * how many people reported a case, for the OPD inbox, and a call joins a case only once.
 */
export const m0006CoReporters: Migration<Database> = {
  version: 6,
  name: 'co-reporters',
  up(db) {
    db.exec(`
      CREATE TABLE case_reporters (
        call_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at      INTEGER NOT NULL,
        desk_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_reporters_case ON case_reporters (case_id);
    `);
  },
};
