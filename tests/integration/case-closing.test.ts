/**
 * Resolved → closed, and reopened on a reporter's callback, across the center: a real hub
 * process on a clock the test moves (SIGAP_TEST_CLOCK_FILE), two desk cores on the same
 * clock, and a real OPD inbox client that resolves the dispatch. A supervisor's close is
 * seen on the other desk and refused to an operator at the desk and at the hub; the hub
 * closes a resolved case by itself after 10 working days (weekends and holidays skipped),
 * exactly once however many desks; a "not fixed" callback puts the case back in the OPD's
 * inbox as a new dispatch naming the earlier one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleSession } from '../../electron/core/core';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { connectOpd } from '../support/opd-client';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

/** A WIB wall-clock time as epoch ms. */
const wib = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+07:00`);

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken(), dlh: randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(startAt: number) {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens.dlh, kind: 'opd', id: 'dlh' },
  ]);
  // One clock for the hub (through its clock file) and both desks.
  const clockFile = path.join(dir, 'clock');
  let offset = startAt - Date.now();
  const clock = {
    now: () => Date.now() + offset,
    set(at: number) {
      offset = at - Date.now();
      fs.writeFileSync(clockFile, String(offset));
    },
  };
  clock.set(startAt);
  const hub = await startHub(
    path.join(dir, 'hub'),
    tokensFile,
    0,
    centerDemoAccounts(dir, ['desk-1', 'desk-2']),
    { SIGAP_TEST: '1', SIGAP_TEST_CLOCK_FILE: clockFile },
  );
  cleanups.push(() => hub.stop());
  const dlh = await connectOpd(hub.url, tokens.dlh);
  cleanups.push(() => dlh.socket.close());

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
    return { operator, supervisor, accounts };
  };
  const desk1 = await desk('desk-1');
  const desk2 = await desk('desk-2');

  /** DLH moves one of its dispatches on, as its inbox page would. */
  const move = async (dispatchId: string, to: 'accepted' | 'resolved') => {
    const ack = (await dlh.socket.timeout(5000).emitWithAck('transition', {
      transitionId: uuidv7(),
      dispatchId,
      to,
      note: to === 'resolved' ? 'sudah dipotong' : '',
      actor: { id: 'dlh', role: 'opd', person: 'Sari' },
    })) as { ok: boolean };
    expect(ack.ok).toBe(true);
  };

  /** A fallen tree reported on desk 1, sent to DLH, resolved there, seen so on both desks. */
  const resolvedCase = async (): Promise<{ caseId: string; dispatchId: string }> => {
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
        urgency: 'non_darurat',
        description: 'Pohon tumbang di taman kota',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
      },
      dispatchTo: ['dlh'],
    });
    const dispatchId = dispatches[0]!.dispatchId;
    await expect.poll(() => dlh.inbox.map((d) => d.dispatchId)).toContain(dispatchId);
    await move(dispatchId, 'accepted');
    await move(dispatchId, 'resolved');
    for (const d of [desk1, desk2])
      await expect.poll(() => statusOf(d.operator, caseId)).toBe('resolved');
    return { caseId, dispatchId };
  };

  return { hub, dlh, clock, desk1, desk2, move, resolvedCase };
}

const detailOf = (screen: ConsoleSession, caseId: string) =>
  call<CaseDetail>(screen, 'case.get', { caseId });
const statusOf = async (screen: ConsoleSession, caseId: string) =>
  (await detailOf(screen, caseId)).status;
const closedLines = async (screen: ConsoleSession, caseId: string) =>
  (await detailOf(screen, caseId)).timeline.filter((t) => t.kind === 'closed');

/** The hub's own events of a case, read with `sync` by a plain desk connection. */
async function hubEventsOf(socket: Socket, caseId: string): Promise<Array<{ type: string }>> {
  const r = (await send(socket, 'sync', { sinceSeq: 0, limit: 1000 })) as {
    events: Array<{ type: string; caseId?: string }>;
  };
  return r.events.filter((e) => e.caseId === caseId);
}

describe('closing a resolved case', () => {
  it('a supervisor closes it and every desk sees who; an operator is refused at the desk and at the hub', async () => {
    const { hub, desk1, desk2, resolvedCase } = await setup(Date.now());
    const { caseId } = await resolvedCase();

    // An operator may not close, on the desk: nothing changes.
    expect(await desk1.operator.call('case.close', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    // Nor at the hub, with their own person token on the wire.
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const wire = await peers.connect(`${hub.url}/desk`, tokens['desk-1']);
    const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' } as const;
    const password = desk1.accounts.find((a) => a.username === 'operator')!.password;
    const opened = (await send(wire, 'session.open', {
      username: 'operator',
      password,
      actor,
    })) as {
      token: string;
    };
    expect(
      await send(wire, 'case.close', {
        closeId: uuidv7(),
        caseId,
        personToken: opened.token,
        actor,
      }),
    ).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    expect(await send(wire, 'case.close', { closeId: uuidv7(), caseId, actor })).toMatchObject({
      ok: false,
      error: { code: 'auth.token_invalid' },
    });
    expect((await hubEventsOf(wire, caseId)).map((e) => e.type)).not.toContain('case.closed');
    expect(await statusOf(desk2.operator, caseId)).toBe('resolved');

    await call(desk2.supervisor, 'case.close', { caseId, note: 'Pelapor puas' });
    for (const d of [desk1, desk2]) {
      await expect.poll(() => statusOf(d.operator, caseId)).toBe('closed');
      const [line] = await closedLines(d.operator, caseId);
      expect(JSON.parse(line!.note!)).toEqual({
        auto: false,
        person: 'Supervisor Demo',
        note: 'Pelapor puas',
      });
    }
    // Closed is closed: a second close is the hub's refusal, and the audit log has the first.
    expect(await desk1.supervisor.call('case.close', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'case.not_resolved' },
    });
    const { entries } = await call<{ entries: Array<{ action: string; desk: string }> }>(
      desk1.supervisor,
      'audit.list',
      { action: 'case.close' },
    );
    expect(entries).toEqual([expect.objectContaining({ action: 'case.close', desk: 'desk-2' })]);
  });

  it('closes by itself 10 working days after it was resolved, across a weekend and holidays, exactly once', async () => {
    // Resolved on Friday 18 December 2026; 24–25 December and 1 January are days off.
    const { hub, clock, desk1, desk2, resolvedCase } = await setup(wib('2026-12-18 15:00'));
    const { caseId } = await resolvedCase();

    // Ten weekdays later (holidays counted as working days) it is not due yet: 6 January is
    // its tenth working day.
    clock.set(wib('2027-01-06 20:00'));
    await new Promise((r) => setTimeout(r, 2_000)); // several of the hub's checks
    for (const d of [desk1, desk2]) expect(await statusOf(d.operator, caseId)).toBe('resolved');

    clock.set(wib('2027-01-07 00:30'));
    for (const d of [desk1, desk2]) {
      await expect.poll(() => statusOf(d.operator, caseId), { timeout: 10_000 }).toBe('closed');
    }
    await new Promise((r) => setTimeout(r, 1_500)); // more checks: nothing closes twice
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const wire = await peers.connect(`${hub.url}/desk`, tokens['desk-2']);
    expect((await hubEventsOf(wire, caseId)).filter((e) => e.type === 'case.closed')).toHaveLength(
      1,
    );
    for (const d of [desk1, desk2]) {
      const lines = await closedLines(d.operator, caseId);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!.note!)).toEqual({ auto: true });
    }
  });

  it('closes nothing by guess when the deadline falls in a year the calendar lacks', async () => {
    const { clock, desk1, resolvedCase } = await setup(wib('2027-12-22 10:00'));
    const { caseId } = await resolvedCase();
    clock.set(wib('2028-02-15 10:00'));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await statusOf(desk1.operator, caseId)).toBe('resolved');
  });
});

describe("a reporter's callback", () => {
  it('"not fixed" reopens a closed case: DLH gets it back as a new dispatch naming the earlier one', async () => {
    const { dlh, desk1, desk2, move, resolvedCase } = await setup(Date.now());
    const { caseId, dispatchId } = await resolvedCase();
    await call(desk1.supervisor, 'case.close', { caseId });
    await expect.poll(() => statusOf(desk2.operator, caseId)).toBe('closed');

    // A reason is required; a case still being worked on has nothing to reopen.
    expect(
      await desk2.operator.call('case.callback', { caseId, fixed: false, reason: '  ' }),
    ).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });

    const { dispatches } = await call<{ dispatches: Array<{ dispatchId: string; opdId: string }> }>(
      desk2.operator,
      'case.callback',
      { caseId, fixed: false, reason: 'Belum selesai, batang masih di jalan' },
    );
    expect(dispatches).toEqual([{ dispatchId: expect.any(String), opdId: 'dlh' }]);
    const again = dispatches[0]!.dispatchId;
    await expect
      .poll(() => dlh.inbox.find((d) => d.dispatchId === again))
      .toMatchObject({ caseId, reopens: dispatchId, status: 'queued' });

    for (const d of [desk1, desk2]) {
      await expect.poll(() => statusOf(d.operator, caseId)).toBe('dispatched');
      const detail = await detailOf(d.operator, caseId);
      expect(detail.timeline.map((t) => t.kind)).toEqual(
        expect.arrayContaining(['closed', 'callback', 'case_reopened']),
      );
      // The clocks start again for the new dispatch: its accept clock runs from now.
      const accept = detail.clocks.find((c) => c.clock === 'accept' && c.dispatchId === again);
      expect(accept?.state).toBe('running');
    }
    expect(
      await desk1.operator.call('case.callback', { caseId, fixed: false, reason: 'lagi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'case.not_resolved' },
    });

    // Resolved again, the case is resolved again, and may be closed again.
    await move(again, 'accepted');
    await move(again, 'resolved');
    await expect.poll(() => statusOf(desk1.operator, caseId)).toBe('resolved');
  });

  it('"fixed" is recorded and reopens nothing', async () => {
    const { dlh, desk1, desk2, resolvedCase } = await setup(Date.now());
    const { caseId } = await resolvedCase();
    const inboxBefore = dlh.inbox.length;
    expect(
      await call(desk1.operator, 'case.callback', { caseId, fixed: true, reason: 'Sudah bersih' }),
    ).toEqual({ dispatches: [] });
    // Every desk's timeline keeps what the reporter said.
    await expect
      .poll(async () =>
        (await detailOf(desk2.operator, caseId)).timeline
          .filter((t) => t.kind === 'callback')
          .map((t) => JSON.parse(t.note!) as unknown),
      )
      .toEqual([{ fixed: true, reason: 'Sudah bersih' }]);
    expect(await statusOf(desk1.operator, caseId)).toBe('resolved');
    expect(dlh.inbox).toHaveLength(inboxBefore);
  });
});
