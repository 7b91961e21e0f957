/**
 * Retention of caller numbers on a real store with a test clock: at start, numbers of calls
 * without a case older than the period (12 months, from resources) are replaced by their
 * keyed hash, so the history still matches by the same hash and the number is gone; calls
 * that opened a case keep theirs; delivered messages that carried the number are dropped
 * (one still waiting for the hub keeps it until delivered); the key is a private file and
 * stays the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { ReviewPage } from '../../shared/domain/review';
import { storePath, type ConsoleSession, type Core } from './core';
import { openLocalCore } from '../../tests/support/desk-cores';
import { numberKeyFile } from './retention';

const DAY = 86_400_000;
/** 10.00 WIB on 28 November 2026. */
const T = Date.UTC(2026, 10, 28, 3, 0, 0);
let clock = T;
let dir: string;
let core: Core | undefined;
let passwords: Record<string, string> = {};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-retention-'));
  clock = T;
});
afterEach(() => {
  core?.close();
  core = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens the console (retention runs at start) and signs a screen in. */
async function open(username = 'operator'): Promise<ConsoleSession> {
  core?.close();
  core = openLocalCore(dir, () => clock, 'desk-1');
  const made = await core.ensureDemoAccounts();
  if (made) passwords = Object.fromEntries(made.map((a) => [a.username, a.password]));
  const screen = core.openSession();
  const r = await screen.call('auth.signIn', { username, password: passwords[username] });
  expect(r.ok).toBe(true);
  return screen;
}

async function ok<T = unknown>(screen: ConsoleSession, channel: string, args: unknown) {
  const r = await screen.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const screenCall = (s: ConsoleSession, number: string, startedAt: number, callId = uuidv7()) =>
  ok(s, 'call.screen', {
    callId,
    startedAt,
    callerNumber: number,
    withheld: false,
    disposition: 'prank',
    note: '',
    ticks: [],
  }).then(() => callId);

function read<T>(sql: string): T[] {
  const db = new Database(storePath(dir), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const numberOf = (callId: string) =>
  read<{ caller_number: string | null }>(
    `SELECT caller_number FROM calls WHERE id = '${callId}'`,
  )[0]?.caller_number;
/** Every text the store holds, to look for a number anywhere in it. */
const everything = () =>
  JSON.stringify([
    read('SELECT * FROM calls'),
    read('SELECT * FROM callers'),
    read('SELECT * FROM outbox'),
    read('SELECT * FROM blocks'),
  ]);

describe('retention of caller numbers', () => {
  it('hashes the numbers of old calls without a case, keeps the rest, and history still matches', async () => {
    let s = await open();
    clock = T - 400 * DAY;
    const oldPrank = await screenCall(s, '085700011122', clock);
    const oldOther = await screenCall(s, '081234567890', clock);
    const saved = await ok<{ callId: string }>(s, 'intake.save', {
      callId: uuidv7(),
      startedAt: clock,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Pohon tumbang',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
      },
    });
    clock = T - 30 * DAY;
    const recent = await screenCall(s, '081234567890', clock);
    // Before the period ends nothing changes, even on a restart.
    clock = T - 40 * DAY;
    s = await open();
    expect(numberOf(oldPrank)).toBe('+6285700011122');

    // The hub has had the calls (no hub runs here: their messages are marked delivered).
    core?.close();
    core = undefined;
    const db = new Database(storePath(dir));
    db.prepare('UPDATE outbox SET sent_at = created_at').run();
    db.close();

    clock = T;
    s = await open('supervisor');
    const hashed = numberOf(oldPrank)!;
    expect(hashed).toMatch(/^h:[0-9a-f]{64}$/);
    expect(numberOf(oldOther)).toMatch(/^h:/);
    expect(numberOf(recent)).toBe('+6281234567890');
    expect(numberOf(saved.callId)).toBe('+6281234567890');
    // The number that had only old calls without a case is gone from the store.
    expect(everything()).not.toContain('6285700011122');
    expect(read("SELECT number FROM callers WHERE number LIKE 'h:%'")).toHaveLength(2);

    // The same hash on every run: the supervisor finds the old call by its number.
    s = await open('supervisor');
    expect(numberOf(oldPrank)).toBe(hashed);
    const page = await ok<ReviewPage>(s, 'review.calls', {
      shiftsBack: Math.round((400 * DAY) / (8 * 3_600_000)),
      number: '0857-0001-1122',
    });
    expect(page.calls.map((c) => c.callId)).toEqual([oldPrank]);
    expect(page.retention).toEqual({ months: 12 });
    // And the caller history on the intake counts it as before.
    const lookup = await ok<{ history: { calls: { prank: number } } }>(s, 'caller.lookup', {
      number: '0857-0001-1122',
      withheld: false,
      ticks: [],
    });
    expect(lookup.history.calls.prank).toBe(1);
  });

  it('keeps its key in a private file', async () => {
    await open();
    const key = numberKeyFile(dir);
    expect(fs.readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(fs.statSync(key).mode & 0o777).toBe(0o600);
  });
});
