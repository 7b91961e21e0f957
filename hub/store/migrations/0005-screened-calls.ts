import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Screened calls as the center's record: when each ended, who took it, whether the number
 * was withheld, the operator's note, the boxes ticked, and how a silent call's callback
 * went (with the case its genuine caller reported). Calls logged by older desks keep nulls.
 */
export const m0005ScreenedCalls: Migration<Database> = {
  version: 5,
  name: 'screened-calls',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN ended_at INTEGER;
      ALTER TABLE calls ADD COLUMN operator TEXT;
      ALTER TABLE calls ADD COLUMN withheld INTEGER CHECK (withheld IN (0, 1));
      ALTER TABLE calls ADD COLUMN note TEXT;
      ALTER TABLE calls ADD COLUMN ticks TEXT; -- JSON array
      ALTER TABLE calls ADD COLUMN callback TEXT CHECK (callback IN ('no_answer', 'genuine', 'prank'));
      ALTER TABLE calls ADD COLUMN callback_at INTEGER;
      ALTER TABLE calls ADD COLUMN callback_case TEXT;
    `);
  },
};
