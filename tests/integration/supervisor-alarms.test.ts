/**
 * Alarms that reach a person, across the center: a real hub process, two desk cores on a
 * clock the test moves, and a real OPD inbox client. An emergency nobody accepts raises an
 * alarm on both supervisors' desks; one acknowledges it and the other sees who and when;
 * an operator can do neither; a re-route reaches the new OPD's inbox and leaves the old one.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { RaisedAlarm } from '../../shared/domain/alarm';
import { calendarGaps, type RaisedCalendarAlarm } from '../../shared/domain/calendar-alarm';
import { loadClockData } from '../../electron/core/clocks/clock-data';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { connectOpd } from '../support/opd-client';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const MIN = 60_000;
const tokens = {
  'desk-1': randomToken(),
  'desk-2': randomToken(),
  dlh: randomToken(),
  dishub: randomToken(),
};
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens.dlh, kind: 'opd', id: 'dlh' },
    { token: tokens.dishub, kind: 'opd', id: 'dishub' },
  ]);
  // The hub knows the same people as the desks: it checks the supervisor's token.
  const hub = await startHub(
    path.join(dir, 'hub'),
    tokensFile,
    0,
    centerDemoAccounts(dir, ['desk-1', 'desk-2']),
  );
  cleanups.push(() => hub.stop());
  // Both desks' clocks, moved on together by the test.
  let offset = 0;
  const clock = {
    now: () => Date.now() + offset,
    forward: (ms: number) => {
      offset += ms;
    },
  };

  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const core = openDeskCore({
      dir,
      deskId,
      hubUrl: hub.url,
      hubToken: tokens[deskId],
      now: clock.now,
    });
    cleanups.push(() => core.close());
    const accounts = await demoAccounts(core, path.join(dir, deskId));
    const signIn = async (username: string) => {
      const screen = core.openSession();
      const a = accounts.find((x) => x.username === username)!;
      await call(screen, 'auth.signIn', { username, password: a.password });
      return screen;
    };
    const operator = await signIn('operator');
    const supervisor = await signIn('supervisor');
    await expect
      .poll(
        async () => (await call<{ hub: { state: string } }>(operator, 'app.status', {})).hub.state,
      )
      .toBe('online');
    return { operator, supervisor };
  };
  return { hub, clock, desk1: await desk('desk-1'), desk2: await desk('desk-2') };
}

const alarmsOf = async (screen: Parameters<typeof call>[0]) =>
  (await call<{ alarms: RaisedAlarm[] }>(screen, 'alarm.list', {})).alarms;

describe('supervisors’ alarms across desks', () => {
  it('raises an unaccepted emergency on both supervisors’ desks; an acknowledgement is seen on the other', async () => {
    const { clock, desk1, desk2 } = await setup();
    const { caseId, dispatches } = await call<{
      caseId: string;
      dispatches: Array<{ dispatchId: string }>;
    }>(desk1.operator, 'intake.save', {
      callId: uuidv7(),
      startedAt: clock.now() - 20_000,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        description: 'Pohon tumbang menutup Jl. Pahlawan',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
      },
      dispatchTo: ['dlh'],
    });
    const dispatchId = dispatches[0]!.dispatchId;
    // Desk 2 has the dispatch from the hub, and nothing is raised yet.
    await expect
      .poll(
        async () =>
          (await call<{ dispatches: unknown[] }>(desk2.operator, 'case.get', { caseId }))
            .dispatches,
      )
      .toHaveLength(1);
    expect(await alarmsOf(desk1.supervisor)).toEqual([]);

    // An operator cannot list or acknowledge alarms.
    expect(await desk1.operator.call('alarm.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });

    clock.forward(6 * MIN);
    for (const d of [desk1, desk2]) {
      await expect
        .poll(() => alarmsOf(d.supervisor))
        .toEqual([
          expect.objectContaining({
            dispatchId,
            caseId,
            opdId: 'dlh',
            level: 'breached',
            reason: 'unaccepted',
            acked: null,
          }),
        ]);
    }
    const [alarm] = await alarmsOf(desk2.supervisor);
    expect(await desk2.operator.call('alarm.ack', { alarmId: alarm!.id })).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect((await alarmsOf(desk1.supervisor))[0]?.acked).toBeNull();

    await call(desk2.supervisor, 'alarm.ack', { alarmId: alarm!.id });
    await expect
      .poll(async () => (await alarmsOf(desk1.supervisor))[0]?.acked)
      .toMatchObject({ person: 'Supervisor Demo', deskId: 'desk-2', at: expect.any(Number) });

    // An escalation re-arms it: quiet on both desks until its target passes again.
    await call(desk1.supervisor, 'supervise.escalate', { dispatchId, note: 'Mohon segera' });
    for (const d of [desk1, desk2]) await expect.poll(() => alarmsOf(d.supervisor)).toEqual([]);
    clock.forward(6 * MIN);
    await expect
      .poll(() => alarmsOf(desk2.supervisor))
      .toEqual([
        expect.objectContaining({ dispatchId, level: 'breached', arming: 1, acked: null }),
      ]);
  });

  it('raises a year the holiday calendar ahead lacks on both supervisors’ desks; one acknowledgement is seen on the other', async () => {
    const { clock, desk1, desk2 } = await setup();
    const calendarOf = async (screen: Parameters<typeof call>[0]) =>
      (await call<{ calendar: RaisedCalendarAlarm[] }>(screen, 'alarm.list', {})).calendar;
    // From today (December 2026 on), the 18 working days ahead reach a year whose calendar
    // is not complete (2027 is listed without every day off) or missing: the model says which.
    const calendar = loadClockData(path.join(repoRoot, 'resources', 'data')).calendar;
    const gaps = calendarGaps(calendar, clock.now(), 18);
    expect(gaps.length).toBeGreaterThan(0);
    const year = gaps[0]!.year;
    const id = `calendar:${year}`;
    for (const d of [desk1, desk2]) {
      await expect
        .poll(() => calendarOf(d.supervisor))
        .toEqual(gaps.map((g) => ({ id: `calendar:${g.year}`, ...g, acked: null })));
    }
    expect(await desk1.operator.call('alarm.ack', { alarmId: id })).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect(await desk1.supervisor.call('alarm.ack', { alarmId: 'calendar:2099' })).toMatchObject({
      ok: false,
      error: { code: 'alarm.not_found' },
    });
    expect((await calendarOf(desk2.supervisor))[0]?.acked).toBeNull();

    await call(desk1.supervisor, 'alarm.ack', { alarmId: id });
    for (const d of [desk1, desk2]) {
      await expect
        .poll(async () => (await calendarOf(d.supervisor))[0]?.acked)
        .toMatchObject({ person: 'Supervisor Demo', deskId: 'desk-1', at: expect.any(Number) });
    }
  });

  it('re-routes a stuck dispatch to another OPD: the new inbox gets it, the old one sees it withdrawn', async () => {
    const { hub, clock, desk1, desk2 } = await setup();
    const dlh = await connectOpd(hub.url, tokens.dlh);
    const dishub = await connectOpd(hub.url, tokens.dishub);
    cleanups.push(
      () => dlh.socket.close(),
      () => dishub.socket.close(),
    );
    const withdrawn: string[] = [];
    dlh.socket.on('dispatch.changed', (c: { dispatchId: string; status: string }) => {
      if (c.status === 'withdrawn') withdrawn.push(c.dispatchId);
    });
    const { caseId, dispatches } = await call<{
      caseId: string;
      dispatches: Array<{ dispatchId: string }>;
    }>(desk1.operator, 'intake.save', {
      callId: uuidv7(),
      startedAt: clock.now() - 20_000,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'lampu-jalan',
        urgency: 'darurat',
        description: 'Lampu jalan mati di perempatan',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
      },
      dispatchTo: ['dlh'],
    });
    const old = dispatches[0]!.dispatchId;
    await expect.poll(() => dlh.inbox.map((d) => d.dispatchId)).toEqual([old]);
    // An escalation reaches DLH's inbox as a note.
    const notes: string[] = [];
    dlh.socket.on('dispatch.escalated', (e: { note: string }) => notes.push(e.note));
    await call(desk2.supervisor, 'supervise.escalate', { dispatchId: old, note: 'Tolong dicek' });
    await expect.poll(() => notes).toEqual(['Tolong dicek']);

    // An operator's re-route is refused, and nothing moves.
    expect(
      await desk2.operator.call('supervise.reroute', {
        dispatchId: old,
        opdId: 'dishub',
        reason: 'Lampu jalan urusan Dishub',
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });

    const { dispatchId } = await call<{ dispatchId: string }>(
      desk2.supervisor,
      'supervise.reroute',
      {
        dispatchId: old,
        opdId: 'dishub',
        reason: 'Lampu jalan urusan Dishub',
      },
    );
    await expect.poll(() => dishub.inbox.map((d) => d.dispatchId)).toEqual([dispatchId]);
    expect(dishub.inbox[0]?.caseId).toBe(caseId);
    await expect.poll(() => withdrawn).toEqual([old]);
    // Every desk follows: on desk 1 the case now goes to Dishub, and DLH's dispatch is withdrawn.
    await expect
      .poll(async () =>
        (
          await call<{ dispatches: Array<{ opdId: string; status: string }> }>(
            desk1.operator,
            'case.get',
            { caseId },
          )
        ).dispatches.map((d) => `${d.opdId}:${d.status}`),
      )
      .toEqual(['dlh:withdrawn', 'dishub:seen']);

    // The supervisor takes the case from desk 1 to desk 2, where it may now be edited.
    expect(
      await desk1.operator.call('supervise.assign', { caseId, toDesk: 'desk-2' }),
    ).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    await call(desk2.supervisor, 'supervise.assign', { caseId, toDesk: 'desk-2' });
    for (const d of [desk1, desk2]) {
      await expect
        .poll(
          async () =>
            (await call<{ holderDesk: string }>(d.operator, 'case.get', { caseId })).holderDesk,
        )
        .toBe('desk-2');
    }
    expect(await call<{ mayEdit: boolean }>(desk2.operator, 'case.get', { caseId })).toMatchObject({
      mayEdit: true,
    });

    // Re-routing the withdrawn one again is the hub's refusal, with its code.
    expect(
      await desk2.supervisor.call('supervise.reroute', {
        dispatchId: old,
        opdId: 'dishub',
        reason: 'lagi',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'hub.refused', fields: { hub: 'dispatch.not_stuck' } },
    });
  });
});
