import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Version 9 is the center-wide accounts' migration (audit); on a branch without it this
 * step changes nothing, so the versions stay consecutive. Replaced by that migration.
 */
export const m0009Reserved: Migration<Database> = {
  version: 9,
  name: 'reserved-audit',
  up() {},
};
