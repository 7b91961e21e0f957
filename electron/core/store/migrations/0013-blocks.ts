import type { Migration } from '../migrate';

/**
 * Soft blocks on caller numbers, as the hub's `caller.flag` events set and lift them (and
 * as this desk's supervisor set them, until the hub echoes them); the outbox learns the
 * two block messages; a screened call reopened as a case is linked to it.
 */
export const m0013Blocks: Migration = {
  version: 13,
  name: 'blocks',
  up(db) {
    db.exec(`
      CREATE TABLE blocks (
        id        TEXT PRIMARY KEY,
        number    TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('manual', 'auto_prank', 'auto_silent')),
        reason    TEXT NOT NULL,
        set_at    INTEGER NOT NULL,
        until     INTEGER NOT NULL,
        set_by    TEXT NOT NULL, -- the person, as the event names them
        lifted_at INTEGER,
        lifted_by TEXT
      ) STRICT;
      CREATE INDEX blocks_number ON blocks (number, until);

      -- A screened call a supervisor reopened: the case it opened, and who reopened it.
      CREATE TABLE reopened_calls (
        call_id     TEXT PRIMARY KEY REFERENCES calls (id),
        case_id     TEXT NOT NULL REFERENCES cases (id),
        operator_id TEXT NOT NULL,
        at          INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox_next (
        id          INTEGER PRIMARY KEY,
        message_id  TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('case.upsert', 'case.claim', 'case.append', 'dispatch',
                      'dispatch.withdraw', 'call.log', 'caller.block', 'caller.unblock')),
        case_id     TEXT,
        payload     TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_try_at INTEGER,
        last_error  TEXT,
        sent_at     INTEGER,
        hub_seq     INTEGER,
        refused     TEXT
      ) STRICT;
      INSERT INTO outbox_next SELECT * FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND refused IS NULL;
      CREATE INDEX outbox_case_changes ON outbox (case_id) WHERE kind = 'case.upsert';
    `);
  },
};
