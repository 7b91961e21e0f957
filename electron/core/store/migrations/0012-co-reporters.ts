import type { Migration } from '../migrate';

/**
 * Later callers about the same incident join its case as co-reporters (duplicate reports):
 * one row per joining call, from this desk or (through the hub) any other, so each case
 * knows how many people reported it. Keyed by the call, so a call joins once.
 */
export const m0012CoReporters: Migration = {
  version: 12,
  name: 'co-reporters',
  up(db) {
    db.exec(`
      CREATE TABLE case_reporters (
        call_id       TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases (id),
        at            INTEGER NOT NULL,
        caller_name   TEXT NOT NULL,
        caller_number TEXT, -- null: withheld
        desk_id       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_reporters_case ON case_reporters (case_id);
    `);
  },
};
