import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './database';
import type { Migration } from './migrate';
import { migrations } from './migrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openStore', () => {
  it('creates a WAL store with full sync and foreign keys at the latest version', () => {
    const db = openStore(path.join(dir, 'console.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('refuses a store from a newer Sigap and leaves it byte for byte untouched', () => {
    const file = path.join(dir, 'future.db');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.close();
    const before = sha256(file);

    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'store.too_new' }));

    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('runs pending migrations once, in one transaction that rolls back whole on failure', () => {
    const file = path.join(dir, 'console.db');
    const ok: Migration = { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x)') };
    const broken: Migration = {
      version: 2,
      name: 'b',
      up: (db) => {
        db.exec('CREATE TABLE b (x)');
        throw new Error('disk full');
      },
    };
    expect(() => openStore(file, { migrations: [ok, broken] })).toThrow('disk full');

    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([]);
    db.close();

    const fixed: Migration = { ...broken, up: (d) => d.exec('CREATE TABLE b (x)') };
    openStore(file, { migrations: [ok, fixed] }).close();
    // Reopening at the latest version runs nothing again (a re-run would fail on CREATE TABLE).
    const again = openStore(file, { migrations: [ok, fixed] });
    expect(again.pragma('user_version', { simple: true })).toBe(2);
    again.close();
  });

  it('rejects a gap in the migration numbers before touching the store', () => {
    const m: Migration = { version: 2, name: 'gap', up: () => undefined };
    const file = path.join(dir, 'x.db');
    expect(() => openStore(file, { migrations: [m] })).toThrow(/expected 1/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
