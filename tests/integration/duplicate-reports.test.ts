/**
 * Duplicate reports across two desks, a real hub and an OPD inbox client: desk 2 finds
 * desk 1's fallen tree among its suggestions and joins it as a co-reporter; desk 1 sees the
 * co-reporter on the timeline and the count of reporters, the OPD sees one case with two
 * reporters (and no caller of an anonim case), and nothing is dispatched again — online,
 * and through the outbox when the hub was down at the time, exactly once.
 */
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { DuplicateSuggestion } from '../../shared/domain/duplicates';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import type { OpdCaseReporters, OpdDispatch } from '../../shared/hub/opd-messages';
import { call, openDeskCore } from '../support/desk-cores';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import { connectOpd } from '../support/opd-client';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken(), dlh: randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const status = (core: Core) =>
  call<{ hub: { state: string }; outbox: { waiting: number } }>(core, 'app.status', {});
const detail = (core: Core, caseId: string) => call<CaseDetail>(core, 'case.get', { caseId });

async function setup() {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens.dlh, kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  const hub = { current: await startHub(path.join(dir, 'hub'), tokensFile) };
  cleanups.push(() => hub.current.stop());
  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const core = openDeskCore({ dir, deskId, hubUrl: hub.current.url, hubToken: tokens[deskId] });
    oneScreen(core);
    cleanups.push(() => core.close());
    const accounts = (await core.ensureDemoAccounts())!;
    const op = accounts.find((a) => a.username === 'operator')!;
    await call(core, 'auth.signIn', { username: op.username, password: op.password });
    await expect.poll(async () => (await status(core)).hub.state).toBe('online');
    return core;
  };
  const desk1 = await desk('desk-1');
  const desk2 = await desk('desk-2');
  const opd = await connectOpd(hub.current.url, tokens.dlh);
  cleanups.push(() => opd.socket.close());
  const reporterPushes: OpdCaseReporters[] = [];
  opd.socket.on('case.reporters', (r: OpdCaseReporters) => reporterPushes.push(r));
  const restartHub = async () => {
    hub.current = await startHub(path.join(dir, 'hub'), tokensFile, hub.current.port);
  };
  return { hub, desk1, desk2, opd, reporterPushes, restartHub };
}

/** Desk 1's fallen tree, sent to DLH as it is saved. */
async function fallenTree(desk1: Core, anonim: boolean): Promise<string> {
  const saved = await call<{ caseId: string }>(desk1, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 60_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      callerName: 'Budi',
      anonim,
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon besar tumbang menutup jalan',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
      address: 'Jl. Pahlawan 12',
      landmark: 'depan Bank Jatim',
    },
    dispatchTo: ['dlh'],
  });
  return saved.caseId;
}

/** Desk 2's second caller: the case is among its suggestions; it joins it. */
async function secondCaller(desk2: Core, caseId: string, callId: string) {
  await expect
    .poll(
      async () =>
        (
          await call<{ suggestions: DuplicateSuggestion[] }>(desk2, 'case.duplicates', {
            categoryId: 'pohon-tumbang',
            kelurahanId: 'kejuron',
            address: 'Pahlawan',
            landmark: '',
          })
        ).suggestions.map((s) => [s.caseId, s.reason]),
      { timeout: 10_000 },
    )
    .toEqual([[caseId, 'both']]);
  return call<{ reporters: number }>(desk2, 'case.join', {
    callId,
    startedAt: Date.now() - 30_000,
    caseId,
    caller: { callerNumber: '0813 1111 2222', withheld: false, callerName: 'Siti' },
  });
}

const inbox = async (opd: { socket: Socket }) =>
  ((await opd.socket.timeout(5000).emitWithAck('inbox', {})) as { dispatches: OpdDispatch[] })
    .dispatches;

describe('duplicate reports', () => {
  it('joins desk 1’s case from desk 2: one case with two reporters everywhere, dispatched once, no caller identity for an anonim case', async () => {
    const { desk1, desk2, opd, reporterPushes } = await setup();
    const caseId = await fallenTree(desk1, true);
    await expect.poll(() => opd.inbox.length, { timeout: 10_000 }).toBe(1);
    expect(opd.inbox[0]).toMatchObject({ caseId, reporters: 1 });

    const callId = uuidv7();
    expect(await secondCaller(desk2, caseId, callId)).toMatchObject({ reporters: 2 });
    // A repeated join of the same call changes nothing anywhere.
    await call(desk2, 'case.join', {
      callId,
      startedAt: Date.now() - 30_000,
      caseId,
      caller: { callerNumber: '0813 1111 2222', withheld: false, callerName: 'Siti' },
    });

    await expect
      .poll(async () => (await detail(desk1, caseId)).reporters, { timeout: 10_000 })
      .toBe(2);
    const seen = await detail(desk1, caseId);
    expect(seen.timeline.filter((t) => t.kind === 'co_reporter')).toEqual([
      expect.objectContaining({ note: 'Siti, 0813•••••222' }),
    ]);
    expect(seen.dispatches).toHaveLength(1);

    await expect
      .poll(() => reporterPushes, { timeout: 10_000 })
      .toEqual([{ caseId, reporters: 2 }]);
    const listed = await inbox(opd);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ caseId, reporters: 2 });
    expect(listed[0]!.case).not.toHaveProperty('callerName');
    expect(listed[0]!.case).not.toHaveProperty('callerNumber');
    expect(JSON.stringify(listed)).not.toContain('Siti');
    expect(opd.inbox).toHaveLength(1); // no second dispatch.new
    await expect.poll(async () => (await status(desk2)).outbox.waiting).toBe(0);
  });

  it('joins through the outbox while the hub is down, and counts the caller once when it returns', async () => {
    const { hub, desk1, desk2, opd, restartHub } = await setup();
    const caseId = await fallenTree(desk1, false);
    await expect.poll(() => opd.inbox.length, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await desk2.call('case.get', { caseId })).ok, { timeout: 10_000 })
      .toBe(true);

    await hub.current.stop('SIGKILL');
    await expect.poll(async () => (await status(desk2)).hub.state).toBe('offline');
    expect(await secondCaller(desk2, caseId, uuidv7())).toMatchObject({ reporters: 2 });
    expect((await detail(desk2, caseId)).reporters).toBe(2);
    expect((await status(desk2)).outbox.waiting).toBe(1);

    await restartHub();
    await expect
      .poll(async () => (await status(desk2)).outbox.waiting, { timeout: 15_000 })
      .toBe(0);
    await expect
      .poll(async () => (await detail(desk1, caseId)).reporters, { timeout: 10_000 })
      .toBe(2);
    await expect
      .poll(async () => (opd.socket.connected ? (await inbox(opd)).map((d) => d.reporters) : []), {
        timeout: 10_000,
      })
      .toEqual([2]);
    expect(
      (await detail(desk1, caseId)).timeline.filter((t) => t.kind === 'co_reporter'),
    ).toHaveLength(1);
    expect((await detail(desk2, caseId)).reporters).toBe(2);
  });
});
