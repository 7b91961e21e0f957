import type { Migration } from '../migrate';

/**
 * Drafts are kept per call, not one per operator: a call put aside by F2 (a new call
 * ringing) stays on disk beside the one being typed, so a crash loses neither.
 */
export const m0007DraftsPerCall: Migration = {
  version: 7,
  name: 'drafts-per-call',
  up(db) {
    db.exec(`
      CREATE TABLE drafts_next (
        operator_id TEXT NOT NULL REFERENCES operators (id),
        call_id     TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        form        TEXT NOT NULL,
        saved_at    INTEGER NOT NULL,
        PRIMARY KEY (operator_id, call_id)
      ) STRICT;
      INSERT INTO drafts_next (operator_id, call_id, started_at, form, saved_at)
        SELECT operator_id, call_id, started_at, form, saved_at FROM drafts;
      DROP TABLE drafts;
      ALTER TABLE drafts_next RENAME TO drafts;
    `);
  },
};
