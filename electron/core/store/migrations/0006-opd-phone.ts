import type { Migration } from '../migrate';

/**
 * "Telepon OPD" shows the OPD's duty number, so the roster keeps one. The dispatches that
 * may need a phone call (not yet accepted) get their own small index: core looks them up
 * every few seconds, and they are few among all the dispatches a desk remembers.
 */
export const m0006OpdPhone: Migration = {
  version: 6,
  name: 'opd-phone',
  up(db) {
    db.exec(`
      ALTER TABLE opds ADD COLUMN phone TEXT;
      CREATE INDEX dispatches_callable ON dispatches (status)
        WHERE status IN ('waiting', 'refused', 'at_hub', 'seen');
    `);
  },
};
