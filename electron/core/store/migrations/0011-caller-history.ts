import type { Migration } from '../migrate';

/**
 * Caller history for prank screening: a number's calls by disposition (with the last prank,
 * and the cases its calls opened or joined) are read from this index alone, so a number
 * with thousands of calls is answered as fast as one with a single call among 1,000,000.
 */
export const m0011CallerHistory: Migration = {
  version: 11,
  name: 'caller-history',
  up(db) {
    db.exec(`
      CREATE INDEX calls_caller_disposition ON calls (caller_number, disposition, started_at, case_id);
    `);
  },
};
