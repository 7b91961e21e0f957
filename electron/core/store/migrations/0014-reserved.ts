import type { Migration } from '../migrate';

/**
 * Version 14 is the center-wide accounts' migration; on a branch without it this step
 * changes nothing, so the versions stay consecutive. Replaced by the accounts migration.
 */
export const m0014Reserved: Migration = {
  version: 14,
  name: 'reserved-accounts',
  up() {},
};
