import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Version 8 is the center-wide accounts' migration (accounts); on a branch without it this
 * step changes nothing, so the versions stay consecutive. Replaced by that migration.
 */
export const m0008Reserved: Migration<Database> = {
  version: 8,
  name: 'reserved-accounts',
  up() {},
};
