/**
 * The dashboard through the console API on a desk without its hub: only supervisors open
 * it; its figures are this desk's replica, marked partial, and follow what is saved here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../shared/api/contract';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { Dashboard } from '../../shared/domain/dashboard/model';
import { openLocalCore } from '../../tests/support/desk-cores';
import type { ConsoleSession, Core } from './core';

const MIN = 60_000;
/** 10.00 WIB on 3 December 2026. */
const T = Date.UTC(2026, 11, 3, 3, 0, 0);
let clock = T;
let dir: string;
let core: Core;
let operator: ConsoleSession;
let supervisor: ConsoleSession;
const events: ConsoleEvent[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-dashboard-'));
  clock = T;
  core = openLocalCore(dir, () => clock, 'desk-1');
  events.length = 0;
  core.subscribe((e) => events.push(e));
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

async function call<T = unknown>(screen: ConsoleSession, channel: string, args: unknown) {
  const r = await screen.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
  return r.value as T;
}

const open = async () =>
  (await call<{ dashboard: Dashboard }>(supervisor, 'dashboard.open', {})).dashboard;

describe('the dashboard on a desk without its hub', () => {
  it('is refused to an operator, with its code', async () => {
    const r = await operator.call('dashboard.open', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
  });

  it("counts this desk's calls, cases and dispatches, marked partial", async () => {
    const empty = await open();
    expect(empty.partial).toBe(true);
    expect(empty.callsByHour[10]).toEqual({});

    await call(operator, 'intake.save', {
      callId: uuidv7(),
      startedAt: T - 2 * MIN,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Pohon tumbang menutup jalan',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
      },
      dispatchTo: ['dlh'],
    });
    for (const disposition of ['prank', 'prank', 'silent']) {
      await call(operator, 'call.screen', {
        callId: uuidv7(),
        startedAt: T - MIN,
        callerNumber: '085700011122',
        withheld: false,
        disposition,
        note: '',
        ticks: [],
      });
    }
    await call(operator, 'dashboard.onCall', { onCall: true });

    clock = T + 6 * MIN; // the emergency dispatch was not accepted within 5 minutes
    const d = await open();
    expect(d.partial).toBe(true);
    expect(d.callsByHour[9]).toEqual({ case: 1, prank: 2, silent: 1 });
    expect(d.casesByHour[9]).toEqual({ 'pohon-tumbang': 1 });
    const dlh = d.opds.find((o) => o.opdId === 'dlh');
    // Nobody here can tell whether DLH's inbox is open: unknown, not "unwatched".
    expect(dlh).toMatchObject({ open: 1, breached: 1, today: 1, watch: 'unknown' });
    expect(d.desks).toEqual([
      {
        deskId: 'desk-1',
        online: true,
        people: ['Operator Demo', 'Supervisor Demo'],
        callsThisShift: 4,
        onCall: true,
      },
    ]);
  });

  it('pushes new partial figures after a save while the dashboard is open', async () => {
    await open();
    events.length = 0;
    await call(operator, 'call.screen', {
      callId: uuidv7(),
      startedAt: T - MIN,
      callerNumber: '085700011122',
      withheld: false,
      disposition: 'misdial',
      note: '',
      ticks: [],
    });
    const pushed = async () =>
      events.findLast((e) => e.event === 'dashboard.changed')?.payload as Dashboard | undefined;
    for (let i = 0; i < 50 && !(await pushed()); i++) await new Promise((r) => setTimeout(r, 50));
    expect((await pushed())?.callsByHour[9]).toEqual({ misdial: 1 });
  });
});
