import type { Migration } from '../migrate';

/**
 * "Telepon OPD" looks for dispatches past their status's quiet age every few seconds. By
 * status alone, the index led to every dispatch still awaiting its OPD, each read to
 * compare its age; with its age in the index, the look reads only those old enough.
 */
export const m0019CallableByAge: Migration = {
  version: 19,
  name: 'callable-by-age',
  up(db) {
    db.exec(`
      DROP INDEX dispatches_callable;
      CREATE INDEX dispatches_callable ON dispatches (status, created_at)
        WHERE status IN ('waiting', 'refused', 'at_hub', 'seen');
    `);
  },
};
