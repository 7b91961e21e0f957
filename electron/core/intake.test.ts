/**
 * Intake through the real core and a real SQLite store: sign-in, save, queue, search,
 * drafts, and bad input that changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm, type IntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { oneScreen, type OneScreenCore } from '../../tests/support/one-screen';
import { openCore } from './core';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
let dir: string;
let core: OneScreenCore;
let password: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-intake-'));
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
  password = accounts!.find((a) => a.username === 'operator')!.password;
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const form = (over: Partial<IntakeForm> = {}): IntakeForm => ({
  ...emptyIntakeForm(),
  callerNumber: '0812 3456 7890',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description: 'Pohon tumbang menutup Jl. Pahlawan',
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  address: 'Jl. Pahlawan 12',
  landmark: 'depan Bank Jatim',
  ...over,
});

async function call<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}
const signIn = () => call('auth.signIn', { username: 'operator', password });
const save = (f: IntakeForm, callId = uuidv7()) =>
  core.call('intake.save', { callId, startedAt: Date.now() - 30_000, form: f });
const queue = (q: object = {}) =>
  call<{ total: number; rows: Array<{ summary: string; callerMasked: string; caseId: string }> }>(
    'queue.list',
    q,
  );

describe('intake', () => {
  it('refuses work before sign-in and a wrong password, without saying which part was wrong', async () => {
    expect(await save(form())).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    for (const creds of [
      { username: 'operator', password: 'nope' },
      { username: 'ghost', password },
    ]) {
      expect(await core.call('auth.signIn', creds)).toMatchObject({
        ok: false,
        error: { code: 'auth.bad_credentials', message: 'Wrong username or password.' },
      });
    }
  });

  it('saves a call as a new case that tops the queue, names its operator and is found by a word', async () => {
    await signIn();
    await save(
      form({
        description: 'Lampu jalan mati sejak kemarin',
        categoryId: 'lampu-jalan',
        urgency: 'non_darurat',
        address: 'Jl. Salak',
        landmark: 'dekat masjid',
      }),
    );
    const saved = await save(form());
    expect(saved).toMatchObject({ ok: true, value: { duplicate: false } });
    const caseId = (saved as { value: { caseId: string } }).value.caseId;

    const page = await queue();
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({
      caseId,
      summary: 'Pohon tumbang menutup Jl. Pahlawan',
      callerMasked: '0812•••••890',
    });

    expect((await queue({ text: 'pahlaw' })).rows.map((r) => r.caseId)).toEqual([caseId]);
    expect((await queue({ text: 'Bank' })).rows.map((r) => r.caseId)).toEqual([caseId]);
    expect((await queue({ urgency: ['non_darurat'] })).total).toBe(1);

    const detail = await call<{
      calls: Array<{ operator: string; callerNumber: string }>;
      timeline: Array<{ actor: string; kind: string }>;
    }>('case.get', { caseId });
    expect(detail.calls).toEqual([
      expect.objectContaining({ operator: 'Operator Demo', callerNumber: '+6281234567890' }),
    ]);
    expect(detail.timeline).toEqual([
      expect.objectContaining({ actor: 'Operator Demo', kind: 'created' }),
    ]);
  });

  it('treats a retried save of the same call as the same case', async () => {
    await signIn();
    const callId = uuidv7();
    const first = await save(form(), callId);
    const again = await save(form(), callId);
    expect(again).toMatchObject({
      ok: true,
      value: { duplicate: true, caseId: (first as { value: { caseId: string } }).value.caseId },
    });
    expect((await queue()).total).toBe(1);
  });

  it('answers bad input field by field and writes nothing', async () => {
    await signIn();
    const bad = await save(form({ callerNumber: '12345', description: '', kelurahanId: '' }));
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'api.invalid_args',
        fields: {
          'form.callerNumber': 'intake.number_invalid',
          'form.description': 'intake.description_required',
          'form.kelurahanId': 'intake.kelurahan_required',
        },
      },
    });
    const mismatch = await save(form({ kecamatanId: 'kartoharjo', kelurahanId: 'kejuron' }));
    expect(mismatch).toMatchObject({
      ok: false,
      error: { fields: { kelurahanId: 'intake.kelurahan_mismatch' } },
    });
    const tooLong = await save(form({ description: 'x'.repeat(2001) }));
    expect(tooLong).toMatchObject({
      ok: false,
      error: { fields: { 'form.description': 'intake.too_long' } },
    });
    expect((await queue()).total).toBe(0);
  });

  it('accepts a withheld number and keeps caller text exactly as typed', async () => {
    await signIn();
    const payload = `<img src=x onerror="alert(1)"><script>alert('x')</script> & "kutip"`;
    const saved = await save(form({ withheld: true, callerNumber: '', description: payload }));
    expect(saved.ok).toBe(true);
    const page = await queue();
    expect(page.rows[0]).toMatchObject({ summary: payload, callerMasked: '—' });
  });

  it('keeps one draft per operator and clears it when the call is saved', async () => {
    await signIn();
    const callId = uuidv7();
    await call('draft.save', {
      callId,
      startedAt: Date.now(),
      form: { description: 'Ada asap di', callerNumber: '0812' },
    });
    expect(await call('draft.get', {})).toMatchObject({
      draft: { callId, form: { description: 'Ada asap di' } },
    });
    await save(form(), callId);
    expect(await call('draft.get', {})).toEqual({ draft: null });
    // An autosave that arrives after the save does not bring the draft back.
    await call('draft.save', { callId, startedAt: Date.now(), form: { description: 'late' } });
    expect(await call('draft.get', {})).toEqual({ draft: null });
  });

  it('saves and queues its dispatches in one act (Alt+K), or refuses and writes nothing', async () => {
    await signIn();
    const db = new Database(path.join(dir, 'console', 'console.db'), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    try {
      const unknown = await core.call('intake.save', {
        callId: uuidv7(),
        startedAt: Date.now() - 30_000,
        form: form(),
        dispatchTo: ['dlh', 'no-such-opd'],
      });
      expect(unknown).toMatchObject({
        ok: false,
        error: { code: 'api.invalid_args', fields: { dispatchTo: 'dispatch.opd_unknown' } },
      });
      expect(count('SELECT count(*) AS n FROM cases')).toBe(0);
      expect(count('SELECT count(*) AS n FROM outbox')).toBe(0);

      const callId = uuidv7();
      const args = {
        callId,
        startedAt: Date.now() - 30_000,
        form: form(),
        dispatchTo: ['dlh', 'dishub'],
      };
      const saved = await call<{ caseId: string; dispatches: Array<{ opdId: string }> }>(
        'intake.save',
        args,
      );
      expect(saved.dispatches.map((d) => d.opdId)).toEqual(['dlh', 'dishub']);
      expect(
        db
          .prepare('SELECT kind FROM outbox ORDER BY rowid')
          .all()
          .map((r) => (r as { kind: string }).kind),
      ).toEqual(['case.upsert', 'dispatch', 'dispatch']);
      // A retried save (its answer was lost) is the same case with the same dispatches.
      const again = await call<typeof saved & { duplicate: boolean }>('intake.save', args);
      expect(again).toMatchObject({ duplicate: true, caseId: saved.caseId });
      expect(again.dispatches).toEqual(saved.dispatches);
      expect(count('SELECT count(*) AS n FROM dispatches')).toBe(2);
    } finally {
      db.close();
    }
  });

  it('keeps the draft of every call put aside, and clears only the saved one', async () => {
    await signIn();
    const [aside, current] = [uuidv7(), uuidv7()];
    await call('draft.save', {
      callId: aside,
      startedAt: Date.now() - 60_000,
      form: { description: 'Kebakaran gudang di' },
    });
    await call('draft.save', {
      callId: current,
      startedAt: Date.now(),
      form: { description: 'x' },
    });
    const listed = await call<{ drafts: Array<{ callId: string }> }>('draft.list', {});
    expect(listed.drafts.map((d) => d.callId).sort()).toEqual([aside, current].sort());
    await save(form(), current);
    expect(await call('draft.list', {})).toMatchObject({
      drafts: [{ callId: aside, form: { description: 'Kebakaran gudang di' } }],
    });
    await call('draft.discard', { callId: aside });
    expect(await call('draft.list', {})).toEqual({ drafts: [] });
  });

  it('never fails on whatever an operator types into search', async () => {
    await signIn();
    await save(form());
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 100 }), async (text) => {
        const r = await core.call('queue.list', { text });
        return r.ok;
      }),
      { numRuns: 200 },
    );
  });
});
