import type { Migration } from '../migrate';

/**
 * The `operators` table becomes this desk's replica of the center's accounts (kept at the
 * hub, arriving as `account.changed` events): an account can be disabled. Accounts made on
 * this desk before center-wide accounts stay, enabled, until the hub's replace them.
 */
export const m0014AccountsReplica: Migration = {
  version: 14,
  name: 'accounts-replica',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
    `);
  },
};
