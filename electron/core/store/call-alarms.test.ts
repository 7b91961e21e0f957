/**
 * The store's read of "Telepon OPD" against the rule itself: whatever the SQL skips unread
 * (statuses that never need a call, dispatches too young to), the dispatches it returns are
 * exactly those the rule raises, over a mix of statuses, ages, urgencies and calls, at
 * instants on and around every target.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SEND_TARGET_MS } from '../../../shared/domain/alarm';
import { CALL_REST_MS, callAlarmRaised } from '../../../shared/domain/call-alarm';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Urgency } from '../../../shared/domain/reference';
import { ensureDemoAccounts } from '../auth/demo-accounts';
import { bulkInsert } from '../seed/bulk-insert';
import { seededRandom } from '../seed/random';
import { syntheticCalls } from '../seed/synthetic';
import { createCallAlarmReads } from './call-alarms';
import { openStore, type Store } from './database';
import { loadDefaultReference, readReference } from './reference';

const MIN = 60_000;
/** The default clocks' accept targets: an emergency's 5 minutes, the city's 24 hours. */
const ACCEPT_DARURAT = 5 * MIN;
const ACCEPT_CITY = 24 * 60 * MIN;
const STATUSES: DeskDispatchStatus[] = [
  'waiting',
  'refused',
  'at_hub',
  'seen',
  'accepted',
  'in_progress',
  'resolved',
  'returned',
  'withdrawn',
];

let dir: string;
let db: Store;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-call-alarms-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.resolve(__dirname, '..', '..', '..', 'resources', 'data'));
  await ensureDemoAccounts(db, dir, Date.now());
  const op = db.prepare('SELECT id FROM operators LIMIT 1').get() as { id: string };
  const calls = syntheticCalls(seededRandom(5), readReference(db), {
    cases: 40,
    screenedShare: 0,
    endAt: Date.now(),
    spanDays: 1,
  });
  bulkInsert(db, calls, op.id, 'desk-1');
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('returns exactly the dispatches the rule raises, young and old, called or not', () => {
  const now = Date.UTC(2026, 11, 3, 5, 0, 0);
  const random = seededRandom(11);
  const cases = db.prepare('SELECT id, urgency FROM cases').all() as Array<{
    id: string;
    urgency: Urgency;
  }>;
  expect(new Set(cases.map((c) => c.urgency)).size).toBe(2);
  const edges = [0, SEND_TARGET_MS, ACCEPT_DARURAT, ACCEPT_CITY, CALL_REST_MS];
  const insert = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at, called_at)
     VALUES (?, ?, 'dlh', ?, ?, ?, ?)`,
  );
  const made: Array<{
    id: string;
    status: DeskDispatchStatus;
    createdAt: number;
    calledAt: number | null;
    urgency: Urgency;
  }> = [];
  for (let i = 0; i < 600; i++) {
    const c = random.pick(cases);
    const status = random.pick(STATUSES);
    // Ages on, just around and between the targets, and a few from a clock ahead of this one.
    const age = random.pick(edges) + random.pick([-1, 0, 1, random.int(-2 * MIN, 30 * MIN)]);
    const createdAt = now - age;
    const calledAt = random.chance(0.3) ? createdAt + random.int(0, 2 * CALL_REST_MS) : null;
    const id = `d-${String(i).padStart(4, '0')}`;
    insert.run(id, c.id, status, createdAt, createdAt, calledAt);
    made.push({ id, status, createdAt, calledAt, urgency: c.urgency });
  }

  const reads = createCallAlarmReads(db);
  for (const at of [now, now + 1, now - 1, now + SEND_TARGET_MS, now + ACCEPT_DARURAT]) {
    const expected = made.filter((d) => callAlarmRaised(d, at)).map((d) => d.id);
    const got = reads.current(at).map((a) => a.dispatchId);
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got)).toEqual(new Set(expected));
    expect(got).toHaveLength(expected.length);
  }
});
