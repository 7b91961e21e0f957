/**
 * The supervisor's review of screened calls, through the console API on a real store with
 * a test clock: the calls of the current shift, filtered; a screened call reopened as a
 * case carries the original call, its disposition and who screened it on the timeline, and
 * is linked to the case; operators see none of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSession } from './core';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import type { ReviewPage } from '../../shared/domain/review';
import type { Core } from './core';
import { openLocalCore } from '../../tests/support/desk-cores';

const HOUR = 3_600_000;
/** 10.00 WIB: the morning shift (07–15 WIB). */
const T = Date.UTC(2026, 10, 28, 3, 0, 0);
let clock = T;
let dir: string;
let core: Core;
let operator: ConsoleSession;
let supervisor: ConsoleSession;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-review-'));
  clock = T;
  core = openLocalCore(dir, () => clock, 'desk-1');
  const accounts = (await core.ensureDemoAccounts())!;
  const signIn = async (username: string) => {
    const screen = core.openSession();
    const password = accounts.find((a) => a.username === username)!.password;
    await call(screen, 'auth.signIn', { username, password });
    return screen;
  };
  operator = await signIn('operator');
  supervisor = await signIn('supervisor');
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(
  screen: ConsoleSession,
  channel: string,
  args: unknown,
): Promise<T> {
  const r = await screen.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
  return r.value as T;
}

async function screenCall(disposition: string, number: string, startedAt: number): Promise<string> {
  const callId = uuidv7();
  await call(operator, 'call.screen', {
    callId,
    startedAt,
    callerNumber: number,
    withheld: false,
    disposition,
    note: '',
    ticks: [],
  });
  return callId;
}

const review = (q: Record<string, unknown> = {}) => call<ReviewPage>(supervisor, 'review.calls', q);

const form = (callerNumber: string) => ({
  ...emptyIntakeForm(),
  callerNumber,
  categoryId: 'pohon-tumbang',
  urgency: 'darurat' as const,
  description: 'Ternyata pohon tumbang, penelepon tidak bisa bicara tadi',
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  address: 'Jl. Pahlawan',
});

describe('review of screened calls', () => {
  it("lists the current shift's screened calls, newest first, filtered", async () => {
    const silent = await screenCall('silent', '081234567890', T - HOUR);
    const prank = await screenCall('prank', '085700011122', T - 2 * HOUR);
    await screenCall('prank', '085700011122', T - 4 * HOUR); // 06.00 WIB: the night shift

    const page = await review();
    expect(page.shift).toEqual({ start: T - 3 * HOUR, end: T + 5 * HOUR });
    expect(page.calls.map((c) => c.callId)).toEqual([silent, prank]);
    expect(page.calls[0]).toMatchObject({
      disposition: 'silent',
      deskId: 'desk-1',
      operator: 'Operator Demo',
      callerNumber: '+6281234567890',
      caseId: null,
    });
    expect(page.retention).toEqual({ months: 12 });

    expect((await review({ disposition: 'prank' })).calls.map((c) => c.callId)).toEqual([prank]);
    expect((await review({ number: '0857-0001-1122' })).calls.map((c) => c.callId)).toEqual([
      prank,
    ]);
    expect((await review({ operator: 'demo' })).calls).toHaveLength(2);
    expect((await review({ deskId: 'desk-9' })).calls).toEqual([]);
    expect((await review({ number: 'bukan nomor' })).calls).toEqual([]);
    expect((await review({ shiftsBack: 1 })).calls).toHaveLength(1);
  });

  it('is for supervisors only', async () => {
    const r = await operator.call('review.calls', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
  });

  it('reopens a screened call as a case: linked, and on its timeline with who screened it', async () => {
    const silent = await screenCall('silent', '081234567890', T - HOUR);
    clock = T + 10 * 60_000;
    const saved = await call<{ caseId: string }>(supervisor, 'intake.save', {
      callId: uuidv7(),
      startedAt: clock - 60_000,
      form: form('081234567890'),
      reopenedCallId: silent,
    });
    const detail = await call<CaseDetail>(supervisor, 'case.get', { caseId: saved.caseId });
    const line = detail.timeline.find((l) => l.kind === 'reopened');
    expect(line).toBeDefined();
    expect(JSON.parse(line!.note!)).toEqual({
      callId: silent,
      startedAt: T - HOUR,
      disposition: 'silent',
      screenedBy: 'Operator Demo',
      deskId: 'desk-1',
    });
    expect((await review()).calls.find((c) => c.callId === silent)?.caseId).toBe(saved.caseId);

    // Once is enough: a second case from the same call is refused, and nothing is saved.
    const again = await supervisor.call('intake.save', {
      callId: uuidv7(),
      startedAt: clock - 60_000,
      form: form('081234567890'),
      reopenedCallId: silent,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'call.not_reopenable' } });
    const queue = await call<{ total: number }>(supervisor, 'queue.list', {});
    expect(queue.total).toBe(1);
  });

  it("refuses an operator's reopening and a call that is not on this desk", async () => {
    const silent = await screenCall('silent', '081234567890', T - HOUR);
    const byOperator = await operator.call('intake.save', {
      callId: uuidv7(),
      startedAt: clock - 60_000,
      form: form('081234567890'),
      reopenedCallId: silent,
    });
    expect(byOperator).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    const unknown = await supervisor.call('intake.save', {
      callId: uuidv7(),
      startedAt: clock - 60_000,
      form: form('081234567890'),
      reopenedCallId: uuidv7(),
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'call.not_found' } });
    expect((await call<{ total: number }>(supervisor, 'queue.list', {})).total).toBe(0);
  });
});
