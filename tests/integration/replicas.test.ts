/**
 * Two desks and a real hub: each desk holds a replica of the center's cases, so desk 2
 * sees desk 1's fallen tree, can take it over, edit it and add notes, and desk 1 sees all
 * of it. Cancelling a case withdraws its dispatch at the OPD. Edits of the same field on
 * two desks both reach the hub; the later wins and both timelines show the conflict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { createLogger } from '../../shared/log';
import { connectOpd } from '../support/opd-client';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken(), dlh: randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function call<T>(core: Core, channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The default reference data plus a category only the desk given this folder knows. */
function resourcesWithCategory(id: string): string {
  const dir = tempDir();
  const from = path.join(repoRoot, 'resources', 'data');
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(dir, f));
  const file = path.join(dir, 'categories.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories: unknown[] };
  data.categories.push({
    id,
    name: { id: 'Banjir rob', en: 'Tidal flood' },
    urgency: 'darurat',
    classification: 'pengaduan',
  });
  fs.writeFileSync(file, JSON.stringify(data));
  return dir;
}

async function setup(resources: { 'desk-1'?: string } = {}) {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens.dlh, kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  const hub = { current: await startHub(path.join(dir, 'hub'), tokensFile) };
  cleanups.push(() => hub.current.stop());
  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const dataDir = path.join(dir, deskId);
    fs.mkdirSync(dataDir);
    const core = openCore({
      dataDir,
      mode: 'browser',
      version: 't',
      deskId,
      log: createLogger(deskId, () => undefined),
      resourcesDir:
        (deskId === 'desk-1' && resources['desk-1']) || path.join(repoRoot, 'resources', 'data'),
      hubUrl: hub.current.url,
      hubToken: tokens[deskId],
    });
    oneScreen(core);
    cleanups.push(() => core.close());
    const accounts = (await core.ensureDemoAccounts())!;
    const op = accounts.find((a) => a.username === 'operator')!;
    await call(core, 'auth.signIn', { username: op.username, password: op.password });
    await expect.poll(async () => (await status(core)).hub.state).toBe('online');
    return core;
  };
  const restartHub = async () => {
    hub.current = await startHub(path.join(dir, 'hub'), tokensFile, hub.current.port);
  };
  return { hub, desk1: await desk('desk-1'), desk2: await desk('desk-2'), restartHub };
}

const status = (core: Core) =>
  call<{ hub: { state: string }; outbox: { waiting: number } }>(core, 'app.status', {});
const detail = (core: Core, caseId: string) => call<CaseDetail>(core, 'case.get', { caseId });
const maybeDetail = async (core: Core, caseId: string) => {
  const r = await core.call('case.get', { caseId });
  return r.ok ? (r.value as CaseDetail) : undefined;
};

async function saveCase(
  core: Core,
  description: string,
  categoryId = 'pohon-tumbang',
): Promise<string> {
  const saved = await call<{ caseId: string }>(core, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 20_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId,
      urgency: 'darurat',
      description,
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
      address: 'Jl. Pahlawan',
    },
  });
  return saved.caseId;
}

describe('replicas of the center’s cases', () => {
  it('shows one desk’s case on another, which takes it over, edits it and adds a note', async () => {
    const { desk1, desk2 } = await setup();
    const caseId = await saveCase(desk1, 'Pohon tumbang menutup Jl. Pahlawan');

    await expect
      .poll(async () => (await maybeDetail(desk2, caseId))?.description)
      .toBe('Pohon tumbang menutup Jl. Pahlawan');
    const seen = await detail(desk2, caseId);
    expect(seen).toMatchObject({ deskId: 'desk-1', holderDesk: 'desk-1', mayEdit: false });
    const queue = await call<{ rows: Array<{ caseId: string }> }>(desk2, 'queue.list', {
      text: 'Pahlawan',
    });
    expect(queue.rows.map((r) => r.caseId)).toContain(caseId);

    // Desk 2 may not edit a case desk 1 holds until it takes it over.
    const refused = await desk2.call('case.update', {
      caseId,
      edit: { landmark: 'depan SDN 1' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'case.not_holder' } });
    expect((await detail(desk2, caseId)).landmark).toBe('');

    await call(desk2, 'case.claim', { caseId });
    await call(desk2, 'case.update', { caseId, edit: { landmark: 'depan SDN 1' } });
    await call(desk2, 'case.note', { caseId, text: 'Warga sudah memasang tanda bahaya' });

    await expect.poll(async () => (await detail(desk1, caseId)).landmark).toBe('depan SDN 1');
    await expect
      .poll(async () => (await detail(desk1, caseId)).timeline.map((e) => e.kind))
      .toEqual(['created', 'claimed', 'edited', 'note']);
    const d1 = await detail(desk1, caseId);
    expect(d1.holderDesk).toBe('desk-2');
    expect(d1.timeline.find((e) => e.kind === 'note')).toMatchObject({
      actor: expect.stringContaining('desk-2') as string,
      note: 'Warga sudah memasang tanda bahaya',
    });
    await expect.poll(async () => (await status(desk2)).outbox.waiting).toBe(0);
  });

  it('withdraws the open dispatches of a cancelled case, and the OPD sees it', async () => {
    const { hub, desk1, desk2 } = await setup();
    const opd = await connectOpd(hub.current.url, tokens.dlh);
    cleanups.push(() => opd.socket.close());
    const caseId = await saveCase(desk1, 'Pohon tumbang, laporan ganda');
    await call(desk1, 'case.dispatch', { caseId, opdIds: ['dlh'] });
    await expect.poll(() => opd.inbox.length).toBe(1);

    const bad = await desk1.call('case.cancel', { caseId, reason: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });
    expect((await detail(desk1, caseId)).status).not.toBe('cancelled');

    expect(await call(desk1, 'case.cancel', { caseId, reason: 'Laporan ganda' })).toEqual({
      withdrawn: 1,
    });
    expect((await detail(desk1, caseId)).status).toBe('cancelled');
    await expect
      .poll(async () => (await detail(desk1, caseId)).dispatches[0]?.status)
      .toBe('withdrawn');
    // The OPD's inbox no longer lists it, and its transition is now refused.
    const inbox = (await opd.socket.timeout(5000).emitWithAck('inbox')) as {
      dispatches: unknown[];
    };
    expect(inbox.dispatches).toEqual([]);
    const late = await opd.socket.timeout(5000).emitWithAck('transition', {
      transitionId: uuidv7(),
      dispatchId: opd.inbox[0]!.dispatchId,
      to: 'accepted',
      note: '',
      actor: { id: 'dlh', role: 'opd', person: 'Sari' },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'transition.illegal' } });
    // Desk 2's replica agrees, and its queue names the OPD.
    await expect.poll(async () => (await maybeDetail(desk2, caseId))?.status).toBe('cancelled');
    const row = await call<{ rows: Array<{ caseId: string; opd: string | null }> }>(
      desk2,
      'queue.list',
      { text: 'ganda' },
    );
    expect(row.rows).toEqual([
      expect.objectContaining({ caseId, opd: expect.any(String) as string }),
    ]);
    await expect
      .poll(async () => (await detail(desk2, caseId)).dispatches[0]?.status)
      .toBe('withdrawn');
  });

  it('tells every desk that an operator phoned the OPD, so no one phones again', async () => {
    const { desk1, desk2 } = await setup();
    const caseId = await saveCase(desk1, 'Pohon tumbang, DLH belum menjawab');
    const { dispatches } = await call<{ dispatches: Array<{ dispatchId: string }> }>(
      desk1,
      'case.dispatch',
      { caseId, opdIds: ['dlh'] },
    );
    const dispatchId = dispatches[0]!.dispatchId;
    await expect
      .poll(async () => (await maybeDetail(desk2, caseId))?.dispatches[0]?.calledAt)
      .toBeNull();

    await call(desk1, 'dispatch.called', { dispatchId });

    await expect
      .poll(async () => (await detail(desk2, caseId)).dispatches[0]?.calledAt)
      .toEqual(expect.any(Number));
    const called = (await detail(desk2, caseId)).timeline.filter(
      (e) => e.kind === 'dispatch.called',
    );
    expect(called).toEqual([
      expect.objectContaining({
        actor: expect.stringContaining('desk-1') as string,
        note: 'DLH',
      }),
    ]);
    // Desk 1 wrote its own entry when the call was recorded; the hub's echo adds none.
    await expect.poll(async () => (await status(desk1)).outbox.waiting).toBe(0);
    await expect.poll(async () => (await status(desk2)).outbox.waiting).toBe(0);
    expect(
      (await detail(desk1, caseId)).timeline.filter((e) => e.kind === 'dispatch.called'),
    ).toHaveLength(1);
  });

  it('keeps both edits of a field made while cut off: the later wins, both timelines show the conflict', async () => {
    const { hub, desk1, desk2, restartHub } = await setup();
    const caseId = await saveCase(desk1, 'Banjir setinggi lutut');
    await expect.poll(async () => (await maybeDetail(desk2, caseId))?.caseId).toBe(caseId);
    await call(desk2, 'case.claim', { caseId });
    await expect.poll(async () => (await detail(desk1, caseId)).holderDesk).toBe('desk-2');

    await hub.current.stop('SIGKILL');
    await expect.poll(async () => (await status(desk1)).hub.state).toBe('offline');
    await expect.poll(async () => (await status(desk2)).hub.state).toBe('offline');
    await call(desk1, 'case.update', { caseId, edit: { description: 'Banjir setinggi pinggang' } });
    await call(desk2, 'case.update', { caseId, edit: { description: 'Banjir setinggi dada' } });

    await restartHub();
    for (const desk of [desk1, desk2]) {
      await expect
        .poll(async () => (await status(desk)).outbox.waiting, { timeout: 15_000 })
        .toBe(0);
    }
    // Both replicas converge on one value, and both show the one that was replaced.
    await expect
      .poll(async () => {
        const [a, b] = [await detail(desk1, caseId), await detail(desk2, caseId)];
        return a.description === b.description
          ? a.description
          : `${a.description} ≠ ${b.description}`;
      })
      .toMatch(/^Banjir setinggi (pinggang|dada)$/);
    for (const desk of [desk1, desk2]) {
      await expect
        .poll(async () =>
          (await detail(desk, caseId)).timeline.filter((e) => e.kind === 'conflict'),
        )
        .toHaveLength(1);
      const entry = (await detail(desk, caseId)).timeline.find((e) => e.kind === 'conflict')!;
      const winner = (await detail(desk, caseId)).description;
      const loser = winner.endsWith('pinggang')
        ? 'Banjir setinggi dada'
        : 'Banjir setinggi pinggang';
      expect(JSON.parse(entry.note!)).toEqual({ description: loser });
    }
  });

  it('keeps a case whose category another desk added, showing its code', async () => {
    const { desk1, desk2 } = await setup({ 'desk-1': resourcesWithCategory('banjir-rob') });
    const caseId = await saveCase(desk1, 'Air laut masuk ke permukiman', 'banjir-rob');

    await expect
      .poll(async () => (await maybeDetail(desk2, caseId))?.categoryId)
      .toBe('banjir-rob');
    expect(await detail(desk2, caseId)).toMatchObject({
      description: 'Air laut masuk ke permukiman',
      classification: null,
      deskId: 'desk-1',
    });
    const queue = await call<{ rows: Array<{ caseId: string; categoryId: string }> }>(
      desk2,
      'queue.list',
      { text: 'permukiman' },
    );
    expect(queue.rows).toEqual([expect.objectContaining({ caseId, categoryId: 'banjir-rob' })]);

    // It is a case like any other there: later changes reach it.
    await call(desk1, 'case.update', { caseId, edit: { landmark: 'dekat dermaga' } });
    await expect.poll(async () => (await detail(desk2, caseId)).landmark).toBe('dekat dermaga');
  });
});
