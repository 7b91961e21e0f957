import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/** The center audit log: who did what, when, from which desk (hub/audit.ts writes it). */
export const m0009Audit: Migration<Database> = {
  version: 9,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        at        INTEGER NOT NULL,
        person_id TEXT NOT NULL,
        person    TEXT NOT NULL,
        action    TEXT NOT NULL,
        desk      TEXT NOT NULL,
        details   TEXT NOT NULL -- JSON object
      ) STRICT;
      CREATE INDEX audit_at ON audit (at);
      CREATE INDEX audit_person ON audit (person_id, at);
    `);
  },
};
