import type { Migration } from '../migrate';

/**
 * A case's status is the column that changes most often: each dispatch status the hub
 * sends may move it. It was in all six queue indexes, so each move rewrote six index
 * entries, the largest part of a desk's work per acknowledged dispatch. It stays where
 * the queue reads it most: `cases_status` (which leads with it) and `cases_time` (the
 * default order, and paging far into a status). The other four keep their filter and time
 * columns; a view that sorts by one of them and filters by status checks the status on
 * the rows it walks.
 */
export const m0020StatusInFewerIndexes: Migration = {
  version: 20,
  name: 'status-in-fewer-indexes',
  up(db) {
    db.exec(`
      DROP INDEX cases_urgency;
      DROP INDEX cases_category;
      DROP INDEX cases_kecamatan;
      DROP INDEX cases_kelurahan;
      CREATE INDEX cases_urgency   ON cases (urgency, created_at, category_id, kecamatan_id);
      CREATE INDEX cases_category  ON cases (category_id, created_at, urgency, kecamatan_id);
      CREATE INDEX cases_kecamatan ON cases (kecamatan_id, created_at, urgency, category_id);
      CREATE INDEX cases_kelurahan ON cases (kelurahan_id, created_at, urgency, category_id, kecamatan_id);
    `);
  },
};
