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

/**
 * Case c1 with `status` (and `more` SQL) in an older store, as its Sigap wrote it; the
 * operator and reference rows do not matter here.
 */
function writeCase(file: string, status: string, more = ''): void {
  const old = new Database(file);
  old.pragma('foreign_keys = OFF');
  old
    .prepare(
      `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, opened_by, desk_id)
     VALUES ('c1', 1, 1, ?, 'banjir', 'darurat', 'pengaduan', 'Banjir di gang buntu',
       'taman', 'kejuron', 'Jl. Salak', '', 0, 0, 'op-1', 'desk-1')`,
    )
    .run(status);
  old.exec(more);
  old.close();
}

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

  it("keeps every call when calls gain screening fields and other desks' calls", () => {
    const file = path.join(dir, 'console.db');
    openStore(file, { migrations: migrations.slice(0, 9) }).close();
    const v9 = new Database(file);
    v9.exec(`
      INSERT INTO operators VALUES ('op-1', 'sari', 'Sari', 'operator', 'x', 1);
      INSERT INTO callers VALUES ('+6281200000000', 1, 1, 1, 0);
      INSERT INTO calls VALUES ('k1', 1, 2, '+6281200000000', 0, '', 'desk-1', 'op-1', 'prank', NULL);
    `);
    v9.close();

    const db = openStore(file);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM calls').all()).toEqual([
      {
        id: 'k1',
        started_at: 1,
        ended_at: 2,
        caller_number: '+6281200000000',
        withheld: 0,
        number_text: null,
        caller_name: '',
        desk_id: 'desk-1',
        operator_id: 'op-1',
        operator_name: null,
        disposition: 'prank',
        case_id: null,
        note: '',
        ticks: '[]',
        callback: null,
        callback_at: null,
        callback_case: null,
        callback_of: null,
      },
    ]);
    // History by number still walks its index.
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM calls WHERE caller_number = ? ORDER BY started_at')
      .all('+6281200000000') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('calls_caller');
    // Another desk's call has no operator account here.
    db.prepare(
      "INSERT INTO calls (id, started_at, caller_number, withheld, caller_name, desk_id, operator_name, disposition) VALUES ('k2', 3, NULL, 1, '', 'desk-2', 'Rina', 'silent')",
    ).run();
    db.close();
  });

  it('moves a store with cases, dispatches and a waiting outbox to replicas without losing a row', () => {
    const file = path.join(dir, 'console.db');
    openStore(file, { migrations: migrations.slice(0, 4) }).close();
    const v4 = new Database(file);
    v4.pragma('foreign_keys = ON');
    v4.exec(`
      INSERT INTO operators VALUES ('op-1', 'sari', 'Sari', 'operator', 'x', 1);
      INSERT INTO kecamatan VALUES ('taman', 'Taman');
      INSERT INTO kelurahan VALUES ('kejuron', 'taman', 'Kejuron');
      INSERT INTO categories VALUES ('banjir', 'Banjir', 'Flood', 'darurat', 'pengaduan', 60);
      INSERT INTO opds VALUES ('bpbd', 'BPBD', 'BPBD', 'internal', NULL);
      INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
        kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, opened_by, desk_id)
        VALUES ('c1', 1, 1, 'dispatch_pending', 'banjir', 'darurat', 'pengaduan', 'Banjir di gang buntu',
        'taman', 'kejuron', 'Jl. Salak', '', 0, 0, 'op-1', 'desk-1');
      INSERT INTO calls VALUES ('k1', 1, 2, NULL, 1, '', 'desk-1', 'op-1', 'case', 'c1');
      INSERT INTO case_timeline (case_id, at, actor_id, kind) VALUES ('c1', 2, 'op-1', 'created');
      INSERT INTO dispatches VALUES ('d1', 'c1', 'bpbd', 'waiting', 3, 3, NULL, NULL);
      INSERT INTO outbox (message_id, kind, payload, created_at)
        VALUES ('d1', 'dispatch', '{"dispatchId":"d1","caseId":"c1"}', 3);
    `);
    v4.close();

    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, desk_id, holder_desk, hub_seq FROM cases').all()).toEqual([
      { id: 'c1', desk_id: 'desk-1', holder_desk: null, hub_seq: 0 },
    ]);
    // Calls, timeline and dispatches still point at the case; the search still finds it.
    expect(db.prepare("SELECT case_id FROM calls WHERE id = 'k1'").get()).toEqual({
      case_id: 'c1',
    });
    expect(
      db
        .prepare(
          "SELECT cases.id FROM cases_fts JOIN cases ON cases.seq = cases_fts.rowid WHERE cases_fts MATCH 'gang'",
        )
        .all(),
    ).toEqual([{ id: 'c1' }]);
    expect(db.prepare('SELECT message_id, case_id, sent_at FROM outbox').all()).toEqual([
      { message_id: 'd1', case_id: 'c1', sent_at: null },
    ]);
    // Deleting a case that others refer to is still refused: the keys came back on.
    expect(() => db.exec("DELETE FROM cases WHERE id = 'c1'")).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('keeps only the code of a dispatch the hub refused before 0009, and leaves OPD notes alone', () => {
    const file = path.join(dir, 'console.db');
    openStore(file, { migrations: migrations.slice(0, 8) }).close();
    const v8 = new Database(file);
    v8.pragma('foreign_keys = ON');
    v8.exec(`
      INSERT INTO operators VALUES ('op-1', 'sari', 'Sari', 'operator', 'x', 1);
      INSERT INTO opds (id, name, short, kind) VALUES ('dlh', 'DLH', 'DLH', 'internal'),
        ('dishub', 'Dishub', 'Dishub', 'internal'), ('bpbd', 'BPBD', 'BPBD', 'internal');
      INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
        kecamatan_id, kelurahan_id, address, landmark, anonim, rahasia, opened_by, desk_id)
        VALUES ('c1', 1, 1, 'dispatched', 'banjir', 'darurat', 'pengaduan', 'Banjir di gang buntu',
        'taman', 'kejuron', 'Jl. Salak', '', 0, 0, 'op-1', 'desk-1');
      INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at, note) VALUES
        ('d1', 'c1', 'dlh', 'refused', 1, 1, 'opd.unknown: no OPD "dlh" in the roster'),
        ('d2', 'c1', 'dishub', 'resolved', 1, 2, 'Sudah dibersihkan: pukul 10'),
        ('d3', 'c1', 'bpbd', 'refused', 1, 1, NULL);
    `);
    v8.close();

    const db = openStore(file);
    expect(
      db.prepare('SELECT id, status, refusal, note FROM dispatches ORDER BY id').all(),
    ).toEqual([
      { id: 'd1', status: 'refused', refusal: 'opd.unknown', note: null },
      { id: 'd2', status: 'resolved', refusal: null, note: 'Sudah dibersihkan: pukul 10' },
      { id: 'd3', status: 'refused', refusal: 'internal', note: null },
    ]);
    db.close();
  });

  it('keeps status in the time and status indexes only after 0020, with every case', () => {
    const file = path.join(dir, 'console.db');
    openStore(file, { migrations: migrations.slice(0, 19) }).close();
    writeCase(file, 'dispatch_pending');

    const db = openStore(file);
    const columns = (index: string) =>
      db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index);
    expect(columns('cases_time')).toContain('status');
    expect(columns('cases_status')[0]).toBe('status');
    for (const index of ['cases_urgency', 'cases_category', 'cases_kecamatan', 'cases_kelurahan']) {
      expect(columns(index), index).not.toContain('status');
      expect(columns(index), index).toContain('created_at');
    }
    expect(
      db.prepare("SELECT id FROM cases WHERE status = 'dispatch_pending'").pluck().all(),
    ).toEqual(['c1']);
    db.close();
  });

  it('indexes the dispatches awaiting their OPD by age after 0019, and reads only the old ones', () => {
    const file = path.join(dir, 'console.db');
    openStore(file, { migrations: migrations.slice(0, 18) }).close();
    writeCase(
      file,
      'dispatched',
      `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at) VALUES
        ('d1', 'c1', 'dlh', 'at_hub', 1, 1), ('d2', 'c1', 'dlh', 'at_hub', 5, 5);`,
    );

    const db = openStore(file);
    const columns = db.prepare("SELECT name FROM pragma_index_info('dispatches_callable')").pluck();
    expect(columns.all()).toEqual(['status', 'created_at']);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM dispatches
         WHERE status IN ('waiting', 'refused', 'at_hub', 'seen') AND status = 'at_hub' AND created_at < 3`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join()).toMatch(
      /dispatches_callable \(status=\? AND created_at<\?\)/,
    );
    expect(db.prepare('SELECT count(*) FROM dispatches').pluck().get()).toBe(2);
    db.close();
  });
});
