import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * The desk holding a case is `holder_desk`, as on every desk's store: one name for one
 * idea across desk and hub ("held by" in the console).
 */
export const m0004HolderDesk: Migration<Database> = {
  version: 4,
  name: 'holder-desk',
  up(db) {
    db.exec('ALTER TABLE cases RENAME COLUMN owner_desk TO holder_desk;');
  },
};
