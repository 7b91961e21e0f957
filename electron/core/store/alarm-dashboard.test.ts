/**
 * One source of "late" on a desk: over the same store, the supervisors' alarm panel and the
 * dashboard's at-risk and breached counts per OPD name the same dispatches, and both are what
 * the clocks model says of each — with the categories as shipped (a street light's 5 minutes
 * to accept and 10 to resolve, an emergency's 5, a complaint's 24 hours).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatchAlarm } from '../../../shared/domain/alarm';
import { buildDashboard } from '../../../shared/domain/dashboard';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import type { Urgency } from '../../../shared/domain/reference';
import { ensureDemoAccounts } from '../auth/demo-accounts';
import { loadClockData, type ClockData } from '../clocks/clock-data';
import { bulkInsert } from '../seed/bulk-insert';
import { seededRandom } from '../seed/random';
import { syntheticCalls } from '../seed/synthetic';
import { createDashboardReads } from './dashboard-reads';
import { openStore, type Store } from './database';
import { loadDefaultReference, readReference } from './reference';
import { createSupervision } from './supervision';

const MIN = 60_000;
const HOUR = 60 * MIN;
const resources = path.resolve(__dirname, '..', '..', '..', 'resources', 'data');
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
// The categories whose clocks differ: emergency minutes, a street light, a plain complaint.
const CATEGORIES = ['kebakaran', 'pohon-tumbang', 'lampu-jalan', 'jalan-rusak', 'sampah'];

let dir: string;
let db: Store;
let clocks: ClockData;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-alarm-dashboard-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, resources);
  clocks = loadClockData(resources);
  await ensureDemoAccounts(db, dir, Date.now());
  const op = db.prepare('SELECT id FROM operators LIMIT 1').get() as { id: string };
  const calls = syntheticCalls(seededRandom(7), readReference(db), {
    cases: 60,
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

it('the alarm panel and the dashboard count the same dispatches at risk and breached', () => {
  // 3 December 2026, 13.00 WIB: every dispatch below was made today.
  const now = Date.UTC(2026, 11, 3, 6, 0, 0);
  const random = seededRandom(21);
  const cases = db.prepare('SELECT id FROM cases').all() as Array<{ id: string }>;
  const setCase = db.prepare('UPDATE cases SET category_id = ?, urgency = ? WHERE id = ?');
  const kinds = new Map<string, { categoryId: string; urgency: Urgency }>();
  for (const c of cases) {
    const categoryId = random.pick(CATEGORIES);
    const urgency: Urgency = random.pick(['darurat', 'non_darurat']);
    setCase.run(categoryId, urgency, c.id);
    kinds.set(c.id, { categoryId, urgency });
  }
  const opds = ['dlh', 'dishub', 'pln'];
  const insert = db.prepare(
    `INSERT INTO dispatches (id, case_id, opd_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const made: Array<{ id: string; caseId: string; opdId: string; status: DeskDispatchStatus }> = [];
  const edges = [0, 2 * MIN, 5 * MIN, 10 * MIN, 20 * MIN, 24 * HOUR];
  for (let i = 0; i < 500; i++) {
    const c = random.pick(cases);
    const status = random.pick(STATUSES);
    const edge = random.pick(edges);
    // On, around and between the targets and their at-risk shares (75%).
    const age = Math.min(
      12 * HOUR,
      random.pick([edge, Math.round(edge * 0.75), edge + 1, random.int(0, 40 * MIN)]),
    );
    const id = `d-${String(i).padStart(4, '0')}`;
    const opdId = random.pick(opds);
    insert.run(id, c.id, opdId, status, now - age, now - age);
    made.push({ id, caseId: c.id, opdId, status });
  }

  const panel = createSupervision(db, clocks).raised(now);
  const dashboard = buildDashboard(
    createDashboardReads(db, clocks).facts(now),
    { desks: [] },
    opds.map((id) => ({ id, short: id })),
    now,
    { partial: true, minCountForMedian: 5 },
  );

  for (const opdId of opds) {
    const row = dashboard.opds.find((o) => o.opdId === opdId)!;
    const alarms = panel.filter((a) => a.opdId === opdId);
    expect(row.atRisk, `${opdId} at risk`).toBe(alarms.filter((a) => a.level === 'at_risk').length);
    expect(row.breached, `${opdId} breached`).toBe(
      alarms.filter((a) => a.level === 'breached').length,
    );
  }

  // Both are the model's reading of each dispatch on its case's clocks, none left out.
  const created = new Map(
    (
      db.prepare('SELECT id, created_at FROM dispatches').all() as Array<{
        id: string;
        created_at: number;
      }>
    ).map((d) => [d.id, d.created_at]),
  );
  const expected = made.flatMap((d) => {
    const { categoryId, urgency } = kinds.get(d.caseId)!;
    const state = dispatchAlarm(
      {
        status: d.status,
        createdAt: created.get(d.id)!,
        urgency,
        rules: clocks.rulesFor(categoryId, urgency),
      },
      now,
    );
    return state ? [`${d.id}:${state.level}:${state.reason}`] : [];
  });
  expect(new Set(panel.map((a) => `${a.dispatchId}:${a.level}:${a.reason}`))).toEqual(
    new Set(expected),
  );
  // The mix is real: each level, and each reason the clocks can give.
  expect(new Set(panel.map((a) => a.level))).toEqual(new Set(['at_risk', 'breached']));
  expect(new Set(panel.map((a) => a.reason))).toEqual(
    new Set(['refused', 'unsent', 'unaccepted', 'unresolved']),
  );
});
