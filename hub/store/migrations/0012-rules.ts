import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * The center's rules as supervisors publish them (hub/rules-operations.ts writes it): every
 * version of the routing table and of the category targets, each a whole table, with who
 * published it, when, from which desk and why. Version 0 (resources/data) is not stored.
 */
export const m0012Rules: Migration<Database> = {
  version: 12,
  name: 'rules',
  up(db) {
    db.exec(`
      CREATE TABLE rules_versions (
        kind      TEXT NOT NULL CHECK (kind IN ('routing', 'targets')),
        version   INTEGER NOT NULL CHECK (version > 0),
        body      TEXT NOT NULL, -- the whole table, as JSON
        at        INTEGER NOT NULL,
        person_id TEXT NOT NULL,
        person    TEXT NOT NULL,
        desk      TEXT NOT NULL,
        reason    TEXT NOT NULL,
        seq       INTEGER NOT NULL, -- the event that told every desk
        PRIMARY KEY (kind, version)
      ) STRICT;
    `);
  },
};
