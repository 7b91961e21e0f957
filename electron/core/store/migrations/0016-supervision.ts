import type { Migration } from '../migrate';

/**
 * Supervisors' alarm work as the hub tells every desk: who acknowledged which alarm
 * (dispatch, level, arming) and when, and the escalations that re-armed a dispatch's alarm.
 */
export const m0016Supervision: Migration = {
  version: 16,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE alarm_acks (
        dispatch_id TEXT NOT NULL,
        level       TEXT NOT NULL CHECK (level IN ('at_risk', 'breached')),
        arming      INTEGER NOT NULL, -- 0 as dispatched, n after the n-th escalation
        person      TEXT NOT NULL,
        desk_id     TEXT NOT NULL,
        at          INTEGER NOT NULL, -- the hub's time
        PRIMARY KEY (dispatch_id, level, arming)
      ) STRICT;

      CREATE TABLE escalations (
        seq         INTEGER PRIMARY KEY, -- the hub event's seq
        dispatch_id TEXT NOT NULL,
        note        TEXT NOT NULL,
        person      TEXT NOT NULL,
        at          INTEGER NOT NULL -- this desk's time when it learnt of it
      ) STRICT;
      CREATE INDEX escalations_dispatch ON escalations (dispatch_id, seq);
    `);
  },
};
