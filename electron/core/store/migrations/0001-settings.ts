import type { Migration } from '../migrate';

/** Desk-local settings (UI language, …) as key → JSON value. */
export const m0001Settings: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL -- UTC epoch ms
      ) STRICT;
    `);
  },
};
