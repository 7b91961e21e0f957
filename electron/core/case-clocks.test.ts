/**
 * The case detail carries the case's three clocks, read by core with the shared model at
 * its own clock (the hub's where measured): through the real core and store, as the case
 * detail screen asks for them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { formatWib } from '../../shared/time';
import { createLogger } from '../../shared/log';
import { oneScreen, type OneScreenCore } from '../../tests/support/one-screen';
import { openCore } from './core';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
const MIN = 60_000;
/** Friday 4 December 2026, 23:59 WIB. */
const FRIDAY_2359 = Date.parse('2026-12-04T23:59:00+07:00');
let dir: string;
let core: OneScreenCore;
let clock = FRIDAY_2359;

beforeEach(async () => {
  clock = FRIDAY_2359;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-clocks-'));
  const opened = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir,
    now: () => clock,
  });
  oneScreen(opened);
  core = opened;
  const accounts = await core.ensureDemoAccounts();
  const op = accounts!.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function saved(categoryId: string, urgency: 'darurat' | 'non_darurat'): Promise<string> {
  const r = await call<{ caseId: string }>('intake.save', {
    callId: uuidv7(),
    startedAt: clock - 60_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId,
      urgency,
      description: 'Laporan warga',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
    },
  });
  return r.caseId;
}

const clocksOf = async (caseId: string) =>
  (await call<CaseDetail>('case.get', { caseId })).clocks.map((c) => ({
    clock: c.clock,
    state: c.state,
    due: c.dueAt === null ? null : formatWib(c.dueAt),
  }));

describe('case.get: the clocks', () => {
  it('a fallen tree runs the emergency minutes and no working-day clock', async () => {
    const caseId = await saved('pohon-tumbang', 'darurat');
    clock += MIN;
    expect(await clocksOf(caseId)).toEqual([
      { clock: 'dispatch', state: 'running', due: '05/12/2026 00.01.00 WIB' },
      { clock: 'follow_up', state: 'running', due: '05/12/2026 23.59.00 WIB' },
      { clock: 'lapor_forward', state: 'not_applicable', due: null },
      { clock: 'lapor_follow_up', state: 'not_applicable', due: null },
      { clock: 'lapor_close', state: 'not_applicable', due: null },
    ]);
    clock += 1.5 * MIN; // 2.5 minutes after the call and still not sent
    expect((await clocksOf(caseId))[0]).toMatchObject({ clock: 'dispatch', state: 'breached' });
  });

  it('a complaint made at 23:59 WIB on a Friday is due to be forwarded by Wednesday', async () => {
    const caseId = await saved('jalan-rusak', 'non_darurat');
    clock += 10 * MIN;
    expect(await clocksOf(caseId)).toEqual([
      { clock: 'dispatch', state: 'not_applicable', due: null },
      { clock: 'follow_up', state: 'running', due: '05/12/2026 23.59.00 WIB' },
      { clock: 'lapor_forward', state: 'running', due: '09/12/2026 23.59.59 WIB' },
      { clock: 'lapor_follow_up', state: 'pending', due: null },
      { clock: 'lapor_close', state: 'pending', due: null },
    ]);
  });

  it("a dispatch still in the desk's outbox has not started its OPD's clocks", async () => {
    const caseId = await saved('pohon-tumbang', 'darurat');
    await call('case.dispatch', { caseId, opdIds: ['dlh'] });
    clock += 30 * MIN;
    const clocks = await clocksOf(caseId);
    expect(clocks.filter((c) => c.clock === 'accept' || c.clock === 'resolve')).toEqual([
      { clock: 'accept', state: 'pending', due: null },
      { clock: 'resolve', state: 'pending', due: null },
    ]);
    // Not at the hub 30 minutes on: the case is late to be dispatched.
    expect(clocks[0]).toMatchObject({ clock: 'dispatch', state: 'breached' });
  });

  it('a cancelled case stops its clocks', async () => {
    const caseId = await saved('jalan-rusak', 'non_darurat');
    clock += MIN;
    await call('case.cancel', { caseId, reason: 'Laporan ganda' });
    clock += 5 * 24 * 60 * MIN;
    const states = new Set((await clocksOf(caseId)).map((c) => c.state));
    expect([...states]).toEqual(['not_applicable']);
  });
});
