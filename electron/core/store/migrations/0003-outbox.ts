import type { Migration } from '../migrate';

/**
 * The desk's side of the hub link: the outbox (every message for the hub, written in the
 * same transaction as the change it carries, kept until acknowledged, with its attempts),
 * the dispatches of this desk's cases, and the last hub seq applied here.
 */
export const m0003Outbox: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY, -- send order
        message_id  TEXT NOT NULL UNIQUE, -- the message's changeId or dispatchId
        kind        TEXT NOT NULL CHECK (kind IN ('case.upsert', 'dispatch')),
        payload     TEXT NOT NULL, -- JSON, validated again when read back
        created_at  INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_try_at INTEGER,
        last_error  TEXT,
        sent_at     INTEGER, -- acknowledged by the hub
        refused     TEXT -- the hub's error code when it refused the message for good
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND refused IS NULL;

      CREATE TABLE dispatches (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases (id),
        opd_id     TEXT NOT NULL REFERENCES opds (id),
        status     TEXT NOT NULL CHECK (status IN ('waiting', 'at_hub', 'seen', 'accepted', 'in_progress',
                     'resolved', 'returned', 'withdrawn', 'refused')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        hub_seq    INTEGER,
        note       TEXT
      ) STRICT;
      CREATE INDEX dispatches_case ON dispatches (case_id);

      CREATE TABLE sync_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL
      ) STRICT;
      INSERT INTO sync_state (id, last_seq) VALUES (1, 0);
    `);
  },
};
