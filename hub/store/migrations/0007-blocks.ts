import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Soft blocks on caller numbers, set by a supervisor or automatically by the hub, and
 * lifted by a supervisor. Every change also goes out as a `caller.flag` event.
 */
export const m0007Blocks: Migration<Database> = {
  version: 7,
  name: 'blocks',
  up(db) {
    db.exec(`
      CREATE TABLE blocks (
        id        TEXT PRIMARY KEY,
        number    TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('manual', 'auto_prank', 'auto_silent')),
        reason    TEXT NOT NULL,
        set_at    INTEGER NOT NULL,
        until     INTEGER NOT NULL,
        set_by    TEXT NOT NULL, -- the actor, as JSON
        lifted_at INTEGER,
        lifted_by TEXT -- the actor, as JSON
      ) STRICT;
      CREATE INDEX blocks_number ON blocks (number, set_at);
    `);
  },
};
