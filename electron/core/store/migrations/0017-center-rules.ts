import type { Migration } from '../migrate';

/**
 * This desk's replica of the center's rules as the hub published them (issue #14): the
 * routing table and the category targets in force, one row each, with their version, who
 * published them, when and why. No row: the desk never heard of one and uses the files.
 */
export const m0017CenterRules: Migration = {
  version: 17,
  name: 'center-rules',
  up(db) {
    db.exec(`
      CREATE TABLE center_rules (
        kind    TEXT PRIMARY KEY CHECK (kind IN ('routing', 'targets')),
        version INTEGER NOT NULL CHECK (version > 0),
        body    TEXT NOT NULL, -- the whole table, as JSON
        at      INTEGER NOT NULL, -- the hub's time of the publication
        person  TEXT NOT NULL,
        reason  TEXT NOT NULL,
        seq     INTEGER NOT NULL -- the hub event that brought it
      ) STRICT;
    `);
  },
};
