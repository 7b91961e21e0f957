import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Supervisors' alarm work: acknowledgements (one per alarm: dispatch, level, arming; the
 * first supervisor's stands) and escalations to an OPD (the latest re-arms the dispatch's
 * alarm and is shown in the OPD's inbox). Each also goes out as an event.
 */
export const m0011Alarms: Migration<Database> = {
  version: 11,
  name: 'alarms',
  up(db) {
    db.exec(`
      CREATE TABLE alarm_acks (
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        level       TEXT NOT NULL CHECK (level IN ('at_risk', 'breached')),
        arming      INTEGER NOT NULL, -- 0 as dispatched, n after the n-th escalation
        at          INTEGER NOT NULL,
        acked_by    TEXT NOT NULL, -- the actor, as JSON
        seq         INTEGER NOT NULL, -- the event that told every desk
        PRIMARY KEY (dispatch_id, level, arming)
      ) STRICT;

      CREATE TABLE escalations (
        id          TEXT PRIMARY KEY,
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        note        TEXT NOT NULL,
        at          INTEGER NOT NULL,
        escalated_by TEXT NOT NULL, -- the actor, as JSON
        seq         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX escalations_dispatch ON escalations (dispatch_id, at);
    `);
  },
};
