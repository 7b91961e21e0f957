import type { Migration } from '../migrate';

/** The routing table: category (and optionally kecamatan) → the OPDs to suggest. */
export const m0004Routing: Migration = {
  version: 4,
  name: 'routing',
  up(db) {
    db.exec(`
      CREATE TABLE routing (
        id           INTEGER PRIMARY KEY,
        category_id  TEXT NOT NULL REFERENCES categories (id),
        kecamatan_id TEXT REFERENCES kecamatan (id),
        opd_ids      TEXT NOT NULL, -- JSON array of OPD ids
        UNIQUE (category_id, kecamatan_id)
      ) STRICT;
    `);
  },
};
