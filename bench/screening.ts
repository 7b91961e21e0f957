/**
 * screening.lookup_*: a caller's history and prank likelihood through the console API
 * (`caller.lookup`, validated in and out as the UI calls it) with 1,000,000 calls stored.
 * Numbers are skewed as a real line's are: a few with thousands of calls, a middle tier
 * with tens, most with one; lookups are sampled by call volume, so the heavy numbers are
 * asked about as often as they call.
 */
import { v7 as uuidv7 } from 'uuid';
import { ensureDemoAccounts } from '../electron/core/auth/demo-accounts';
import { openCore, storePath } from '../electron/core/core';
import { seededRandom, type Random } from '../electron/core/seed/random';
import { openStore, type Store } from '../electron/core/store/database';
import { loadDefaultReference } from '../electron/core/store/reference';
import { createLogger } from '../shared/log';
import { oneScreen } from '../tests/support/one-screen';
import { percentile, round, type Figure } from './lib/figures';
import { resourcesDir, tempDataDir } from './lib/stores';

const CALLS = 1_000_000;
const HEAVY = { numbers: 12, min: 2_000, max: 6_000 };
const MIDDLE = { numbers: 6_000, min: 5, max: 40 };
const CASES = 5_000;
const SPAN_MS = 180 * 86_400_000;
const LOOKUPS = 3_000;
const WARMUP = 300;

/** Each number with how many calls it makes; the rest of the million call once each. */
function callVolumes(r: Random): number[] {
  const volumes: number[] = [];
  for (let i = 0; i < HEAVY.numbers; i++) volumes.push(r.int(HEAVY.min, HEAVY.max));
  for (let i = 0; i < MIDDLE.numbers; i++) volumes.push(r.int(MIDDLE.min, MIDDLE.max));
  const used = volumes.reduce((a, b) => a + b, 0);
  for (let i = used; i < CALLS; i++) volumes.push(1);
  return volumes;
}

const numberOf = (i: number) => `+62812${String(10_000_000 + i).padStart(8, '0')}`;

/** Fills the store in one transaction with prepared statements; returns each call's number. */
function fill(db: Store, r: Random, operatorId: string, now: number): string[] {
  const volumes = callVolumes(r);
  const caseIds: string[] = [];
  const insertCaller = db.prepare(
    'INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, ?, 0)',
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id, opened_by, desk_id)
     VALUES (?, ?, ?, ?, 'pohon-tumbang', 'darurat', 'pengaduan', 'Pohon tumbang', 'taman', 'kejuron', 'Jl. Pahlawan', '',
       NULL, NULL, 0, 0, NULL, NULL, ?, 'desk-1')`,
  );
  const insertCall = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_id,
       disposition, case_id)
     VALUES (?, ?, ?, ?, 0, '', 'desk-1', ?, ?, ?)`,
  );
  const heavyMix = [
    ['prank', 5],
    ['silent', 3],
    ['abusive', 1],
    ['misdial', 1],
    ['case', 0.3],
  ] as const;
  const usualMix = [
    ['case', 4],
    ['prank', 2],
    ['silent', 2],
    ['misdial', 1],
    ['info', 1],
  ] as const;
  const numbers: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      const id = uuidv7();
      const at = now - r.int(0, SPAN_MS);
      insertCase.run(id, at, at, r.chance(0.3) ? 'new' : 'closed', operatorId);
      caseIds.push(id);
    }
    volumes.forEach((n, i) => {
      const number = numberOf(i);
      insertCaller.run(number, now - SPAN_MS, now, n);
      const mix = n >= HEAVY.min ? heavyMix : usualMix;
      for (let k = 0; k < n; k++) {
        const at = now - r.int(0, SPAN_MS);
        const disposition = r.weighted(mix);
        insertCall.run(
          uuidv7(),
          at,
          at + 30_000,
          number,
          operatorId,
          disposition,
          disposition === 'case' ? r.pick(caseIds) : null,
        );
        numbers.push(number);
      }
    });
  })();
  return numbers;
}

export async function screeningBench(): Promise<Figure[]> {
  const r = seededRandom(13);
  const now = Date.now();
  const dataDir = tempDataDir('screening');
  const db = openStore(storePath(dataDir));
  loadDefaultReference(db, resourcesDir);
  const accounts = (await ensureDemoAccounts(db, dataDir, now))!;
  const operator = db.prepare("SELECT id FROM operators WHERE username = 'operator'").get() as {
    id: string;
  };
  // A big page cache for the load only: a million rows land in five indexes.
  db.pragma('cache_size = -131072');
  const t0 = performance.now();
  const numbers = fill(db, r, operator.id, now);
  const buildS = (performance.now() - t0) / 1000;
  db.exec('PRAGMA optimize');
  db.close();

  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log: createLogger('b', () => undefined),
    resourcesDir,
    now: () => now,
  });
  oneScreen(core);
  const op = accounts.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  const times: number[] = [];
  for (let i = 0; i < LOOKUPS + WARMUP; i++) {
    // Sampled by call volume: a random stored call's number, typed as operators type it.
    const number = `0${r.pick(numbers).slice(3)}`;
    const start = performance.now();
    const res = await core.call('caller.lookup', { number, withheld: false, ticks: [] });
    const dt = performance.now() - start;
    if (!res.ok) throw new Error(`caller.lookup: ${res.error.message}`);
    if (i >= WARMUP) times.push(dt);
  }
  core.close();
  times.sort((a, b) => a - b);
  return [
    {
      name: 'screening.lookup_p99_ms',
      value: round(percentile(times, 99)),
      unit: 'ms',
      target: '≤ 10',
    },
    { name: 'screening.lookup_p50_ms', value: round(percentile(times, 50)), unit: 'ms' },
    { name: 'screening.build_1m_calls_s', value: round(buildS, 1), unit: 's' },
  ];
}
