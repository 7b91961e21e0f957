/**
 * What an operator does to a saved case, through the real core and store: edits that
 * travel as changed fields only, bad edits that change nothing, notes, a recorded call to
 * the OPD, and cancelling (which withdraws dispatches, or drops those the hub never had).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { createLogger } from '../../shared/log';
import { oneScreen, type OneScreenCore } from '../../tests/support/one-screen';
import { openCore } from './core';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
let dir: string;
let core: OneScreenCore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-case-'));
  const opened = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir,
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

async function saved(): Promise<string> {
  const r = await call<{ caseId: string }>('intake.save', {
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
  return r.caseId;
}

const detail = (caseId: string) => call<CaseDetail>('case.get', { caseId });
const waiting = async () =>
  (await call<{ outbox: { waiting: number } }>('app.status', {})).outbox.waiting;

describe('case actions', () => {
  it('edits only what changed, and refuses a bad edit without changing anything', async () => {
    const caseId = await saved();
    const before = await waiting();
    expect(await call('case.update', { caseId, edit: { landmark: 'depan SDN 1' } })).toEqual({
      changed: true,
    });
    expect(await call('case.update', { caseId, edit: { landmark: 'depan SDN 1' } })).toEqual({
      changed: false,
    });
    expect(await waiting()).toBe(before + 1); // one upsert, carrying one field
    for (const edit of [
      {},
      { description: 'x' },
      { status: 'resolved' },
      { landmark: 'x'.repeat(201) },
    ]) {
      const r = await core.call('case.update', { caseId, edit });
      expect(r).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });
    }
    const d = await detail(caseId);
    expect(d.landmark).toBe('depan SDN 1');
    expect(d.description).toBe('Pohon tumbang di Jl. Salak');
    expect(d.timeline.map((e) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['edited', JSON.stringify({ landmark: 'depan SDN 1' })],
    ]);
    expect(await waiting()).toBe(before + 1);
  });

  it('records phoning the OPD on the dispatch and the timeline', async () => {
    const caseId = await saved();
    const { dispatches } = await call<{ dispatches: Array<{ dispatchId: string }> }>(
      'case.dispatch',
      { caseId, opdIds: ['dlh'] },
    );
    const unknown = await core.call('dispatch.called', { dispatchId: uuidv7() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'case.not_found' } });
    await call('dispatch.called', { dispatchId: dispatches[0]!.dispatchId });
    const d = await detail(caseId);
    expect(d.dispatches[0]!.calledAt).toEqual(expect.any(Number));
    expect(d.timeline.at(-1)).toMatchObject({ kind: 'dispatch.called', note: 'DLH' });
  });

  it('cancels a case with a reason, withdrawing what reached the hub queue', async () => {
    const caseId = await saved();
    await call('case.dispatch', { caseId, opdIds: ['dlh', 'dishub'] });
    await call('case.note', { caseId, text: 'Penelepon kedua: sudah ditangani warga' });
    const before = await waiting();
    expect(await call('case.cancel', { caseId, reason: 'Sudah ditangani warga' })).toEqual({
      withdrawn: 2,
    });
    // The cancellation and both withdrawals wait for the hub, after the dispatches.
    expect(await waiting()).toBe(before + 3);
    const d = await detail(caseId);
    expect(d.status).toBe('cancelled');
    expect(d.timeline.map((e) => e.kind)).toContain('cancelled');
    const again = await core.call('case.update', { caseId, edit: { landmark: 'x' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'case.closed' } });
  });
});
