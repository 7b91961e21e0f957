/**
 * save.*: recording a call durably through the console API's core path, against a raw
 * better-sqlite3 baseline that writes exactly the rows one save writes (caller, case,
 * call, timeline entry, draft delete, outbox message, FTS via the same trigger), in one
 * transaction, with
 * the same pragmas, in the same run.
 */
import { v7 as uuidv7 } from 'uuid';
import { openCore, storePath } from '../electron/core/core';
import { oneScreen } from '../tests/support/one-screen';
import { openStore } from '../electron/core/store/database';
import { loadDefaultReference } from '../electron/core/store/reference';
import { ensureDemoAccounts } from '../electron/core/auth/demo-accounts';
import { emptyIntakeForm, type IntakeForm } from '../shared/domain/intake';
import { createLogger } from '../shared/log';
import { percentile, round, type Figure } from './lib/figures';
import { resourcesDir, tempDataDir } from './lib/stores';

const SAVES = 1500;
const WARMUP = 100;

const form = (i: number): IntakeForm => ({
  ...emptyIntakeForm(),
  callerNumber: `0812${String(10_000_000 + (i % 5000)).slice(0, 8)}`,
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description: `Pohon tumbang menutup jalan nomor ${i} dekat sekolah`,
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  address: `Jl. Pahlawan ${i}`,
  landmark: 'depan Bank Jatim',
});

async function throughCore(): Promise<number[]> {
  const dataDir = tempDataDir('save');
  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log: createLogger('b', () => undefined),
    resourcesDir,
  });
  oneScreen(core);
  const accounts = (await core.ensureDemoAccounts())!;
  const op = accounts.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  const times: number[] = [];
  for (let i = 0; i < SAVES + WARMUP; i++) {
    const args = { callId: uuidv7(), startedAt: Date.now() - 60_000, form: form(i) };
    const t0 = performance.now();
    const r = await core.call('intake.save', args);
    const dt = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message);
    if (i >= WARMUP) times.push(dt);
  }
  core.close();
  return times;
}

async function rawBaseline(): Promise<number[]> {
  const dataDir = tempDataDir('raw');
  const db = openStore(storePath(dataDir)); // same schema and pragmas
  loadDefaultReference(db, resourcesDir);
  await ensureDemoAccounts(db, dataDir, Date.now());
  const opId = (
    db.prepare("SELECT id FROM operators WHERE username = 'operator'").get() as { id: string }
  ).id;
  const caller = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls, cases) VALUES (?, ?, ?, 1, 1)
     ON CONFLICT (number) DO UPDATE SET last_seen = excluded.last_seen, calls = calls + 1, cases = cases + 1`,
  );
  const kase = db.prepare(
    `INSERT INTO cases (id, created_at, updated_at, status, category_id, urgency, classification, description,
       kecamatan_id, kelurahan_id, address, landmark, lat, lng, anonim, rahasia, caller_number, opd_id, opened_by, desk_id)
     VALUES (?, ?, ?, 'new', ?, ?, 'pengaduan', ?, ?, ?, ?, ?, NULL, NULL, 0, 0, ?, NULL, ?, 'desk-1')`,
  );
  const call = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_id, disposition, case_id)
     VALUES (?, ?, ?, ?, 0, '', 'desk-1', ?, 'case', ?)`,
  );
  const timeline = db.prepare(
    "INSERT INTO case_timeline (case_id, at, actor_id, kind, note) VALUES (?, ?, ?, 'created', NULL)",
  );
  const draft = db.prepare('DELETE FROM drafts WHERE operator_id = ?');
  const outbox = db.prepare(
    "INSERT INTO outbox (message_id, kind, payload, created_at) VALUES (?, 'case.upsert', ?, ?)",
  );
  const save = db.transaction((f: IntakeForm, number: string) => {
    const now = Date.now();
    const caseId = uuidv7();
    caller.run(number, now, now);
    kase.run(
      caseId,
      now,
      now,
      f.categoryId,
      f.urgency,
      f.description,
      f.kecamatanId,
      f.kelurahanId,
      f.address,
      f.landmark,
      number,
      opId,
    );
    call.run(uuidv7(), now - 60_000, now, number, opId, caseId);
    timeline.run(caseId, now, opId);
    draft.run(opId);
    const changeId = uuidv7();
    outbox.run(
      changeId,
      JSON.stringify({
        changeId,
        caseId,
        baseSeq: 0,
        fields: f,
        actor: { id: 'desk-1', role: 'desk', person: 'Operator Demo' },
      }),
      now,
    );
  });
  const times: number[] = [];
  for (let i = 0; i < SAVES + WARMUP; i++) {
    const f = form(i);
    const number = `+62812${String(10_000_000 + (i % 5000)).slice(0, 8)}`;
    const t0 = performance.now();
    save(f, number);
    const dt = performance.now() - t0;
    if (i >= WARMUP) times.push(dt);
  }
  db.close();
  return times;
}

export async function saveBench(): Promise<Figure[]> {
  // Interleave the two runs' order effects away: raw, core, raw, core; keep the second pair.
  await rawBaseline();
  const core = (await throughCore()).sort((a, b) => a - b);
  const raw = (await rawBaseline()).sort((a, b) => a - b);
  const coreP50 = percentile(core, 50);
  const rawP50 = percentile(raw, 50);
  return [
    { name: 'save.p50_ms', value: round(coreP50, 3), unit: 'ms', baseline: round(rawP50, 3) },
    {
      name: 'save.p99_ms',
      value: round(percentile(core, 99), 3),
      unit: 'ms',
      baseline: round(percentile(raw, 99), 3),
      target: '≤ 20',
    },
    {
      name: 'save.overhead_ratio',
      value: round(coreP50 / rawP50, 2),
      unit: 'x',
      baseline: 1,
      target: '≤ 1.5',
    },
  ];
}
