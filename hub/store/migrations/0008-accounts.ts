import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';

/**
 * Center-wide accounts (operators and supervisors) and the per-person tokens the hub gives
 * them at sign-in. A token is kept only as its hash. Every account change is also an
 * `account.changed` event, so desks keep a replica.
 */
export const m0008Accounts: Migration<Database> = {
  version: 8,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
        password_hash TEXT NOT NULL,
        enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE person_tokens (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        desk       TEXT NOT NULL,
        issued_at  INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX person_tokens_expiry ON person_tokens (expires_at);
    `);
  },
};
