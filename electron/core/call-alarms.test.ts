/**
 * "Telepon OPD" through the real core and store, on a clock the test moves: a dispatch
 * that cannot reach the hub turns red after 2 minutes in the queue row, the case, the
 * status count and one alarm event; a recorded call quiets it for 5 minutes; then it asks
 * again, as a new alarm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppStatus, EventPayload } from '../../shared/api/contract';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail, QueuePage } from '../../shared/domain/queue';
import { createLogger } from '../../shared/log';
import { oneScreen, type OneScreenCore as Core } from '../../tests/support/one-screen';
import { openCore } from './core';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
const MIN = 60_000;
let dir: string;
let core: Core;
let shift = 0;
const raised: Array<EventPayload<'alarm.raised'>> = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-alarm-'));
  shift = 0;
  raised.length = 0;
  const opened = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir,
    deskId: 'desk-1',
    now: () => Date.now() + shift,
    callAlarmCheckMs: 20,
  });
  oneScreen(opened);
  core = opened;
  core.subscribe((e) => {
    if (e.event === 'alarm.raised') raised.push(e.payload);
  });
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

/** A fallen tree sent to DLH, on a desk with no hub: the dispatch waits in the outbox. */
async function dispatchedCase(): Promise<{ caseId: string; dispatchId: string }> {
  const { caseId } = await call<{ caseId: string }>('intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 10_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon tumbang di Jl. Salak',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
    },
  });
  const { dispatches } = await call<{ dispatches: Array<{ dispatchId: string }> }>(
    'case.dispatch',
    { caseId, opdIds: ['dlh'] },
  );
  return { caseId, dispatchId: dispatches[0]!.dispatchId };
}

const red = async (caseId: string) => ({
  row: (await call<QueuePage>('queue.list', {})).rows.find((r) => r.caseId === caseId)?.callAlarm,
  detail: (await call<CaseDetail>('case.get', { caseId })).dispatches[0]?.callAlarm,
  count: (await call<AppStatus>('app.status', {})).callAlarms,
});
const settle = () => new Promise((r) => setTimeout(r, 150)); // several looks of the monitor

it('turns red after the send target, alarms once, rests after a call, then alarms anew', async () => {
  const { caseId, dispatchId } = await dispatchedCase();
  shift = 2 * MIN - 1_000;
  await settle();
  expect(await red(caseId)).toEqual({ row: false, detail: false, count: 0 });
  expect(raised).toEqual([]);

  shift = 2 * MIN + 1_000;
  await settle();
  expect(await red(caseId)).toEqual({ row: true, detail: true, count: 1 });
  expect(await call('alarms.list', {})).toMatchObject({
    alarms: [{ caseId, dispatchId, opdId: 'dlh', holderDesk: 'desk-1' }],
  });
  await settle();
  expect(raised).toHaveLength(1); // once per red episode, not once per look
  expect(raised[0]).toMatchObject({ caseId, dispatchId, opdId: 'dlh' });

  await call('dispatch.called', { dispatchId });
  await settle();
  expect(await red(caseId)).toEqual({ row: false, detail: false, count: 0 });

  shift += 5 * MIN + 1_000;
  await settle();
  expect(await red(caseId)).toEqual({ row: true, detail: true, count: 1 });
  expect(raised).toHaveLength(2);
});

it('shows each OPD duty number from the roster', async () => {
  const ref = await call<{ opds: Array<{ id: string; phone?: string }> }>('reference.get', {});
  expect(ref.opds.find((o) => o.id === 'dlh')?.phone).toBe('(0351) 462 003');
  expect(ref.opds.every((o) => o.phone)).toBe(true);
});
