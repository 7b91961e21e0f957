/**
 * The outbox learns `export.logged` by widening its own list of kinds: a kind another
 * migration added stays allowed, waiting rows and indexes stay, an unknown kind is still
 * refused, and a store that already allows it is left as it is.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0018ExportAudit } from './migrations/0018-export-audit';

function outboxWith(kinds: string): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE outbox (
      id          INTEGER PRIMARY KEY,
      message_id  TEXT NOT NULL UNIQUE,
      kind        TEXT NOT NULL CHECK (kind IN (${kinds})),
      payload     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox (id);
    INSERT INTO outbox (message_id, kind, payload) VALUES ('m1', 'case.close', '{}');
  `);
  return db;
}

const add = (db: Database.Database, id: string, kind: string) =>
  db.prepare('INSERT INTO outbox (message_id, kind, payload) VALUES (?, ?, ?)').run(id, kind, '{}');

describe('migration 0018: export.logged in the outbox', () => {
  it('keeps every kind, row and index there was, and allows export.logged', () => {
    const db = outboxWith("'report.sign', 'case.close'");
    m0018ExportAudit.up(db);
    expect(db.prepare('SELECT message_id, kind FROM outbox').all()).toEqual([
      { message_id: 'm1', kind: 'case.close' },
    ]);
    add(db, 'm2', 'export.logged');
    add(db, 'm3', 'case.close');
    add(db, 'm4', 'report.sign');
    expect(() => add(db, 'm5', 'bogus')).toThrow(/CHECK constraint/);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'")
      .pluck()
      .all();
    expect(indexes).toContain('outbox_pending');
  });

  it('leaves an outbox that already allows it as it is', () => {
    const db = outboxWith("'case.close', 'export.logged'");
    const before = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox'").pluck().get();
    m0018ExportAudit.up(db);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox'").pluck().get()).toBe(
      before,
    );
  });
});
