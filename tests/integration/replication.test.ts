/**
 * A desk's core against a real hub process: saved cases and dispatches go through the
 * outbox and reach the hub exactly once; OPD statuses come back and move the case; with
 * the hub down the desk keeps recording and dispatching, shows what waits, and delivers
 * everything when the hub returns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { WireEvent as HubEvent } from '../support/wire-event';
import { createLogger } from '../../shared/log';
import { connectOpd } from '../support/opd-client';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const deskToken = randomToken();
const dlhToken = randomToken();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = tempDir();
  const tokens = writeTokens(dir, [
    { token: deskToken, kind: 'desk', id: 'desk-1' },
    { token: dlhToken, kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  const hub = { current: await startHub(path.join(dir, 'hub'), tokens) };
  cleanups.push(() => hub.current.stop());
  const dataDir = path.join(dir, 'desk');
  fs.mkdirSync(dataDir);
  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
    hubUrl: hub.current.url,
    hubToken: deskToken,
  });
  oneScreen(core);
  cleanups.push(() => core.close());
  const accounts = (await core.ensureDemoAccounts())!;
  const op = accounts.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  const restartHub = async () => {
    hub.current = await startHub(path.join(dir, 'hub'), tokens, hub.current.port);
  };
  return { hub, core, restartHub };
}

async function call<T>(core: Core, channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function saveCase(core: Core, description: string): Promise<string> {
  const saved = await call<{ caseId: string }>(core, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 20_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description,
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
    },
  });
  return saved.caseId;
}

const status = (core: Core) =>
  call<{ hub: { state: string }; outbox: { waiting: number } }>(core, 'app.status', {});
const detail = (core: Core, caseId: string) =>
  call<{
    status: string;
    dispatches: Array<{ status: string; note: string | null }>;
    timeline: Array<{ kind: string; note: string | null }>;
  }>(core, 'case.get', { caseId });

async function opdClient(url: string) {
  const opd = await connectOpd(url, dlhToken);
  cleanups.push(() => opd.socket.close());
  return opd;
}

describe('desk ⇄ hub replication', () => {
  it('delivers a dispatch and brings the OPD statuses back to the case', async () => {
    const { hub, core } = await setup();
    await expect.poll(async () => (await status(core)).hub.state).toBe('online');
    const opd = await opdClient(hub.current.url);

    const caseId = await saveCase(core, 'Pohon tumbang menutup Jl. Pahlawan');
    await call(core, 'case.dispatch', { caseId, opdIds: ['dlh'] });
    await expect.poll(() => opd.inbox.length).toBe(1);
    expect(opd.inbox[0]!.case).toMatchObject({
      description: 'Pohon tumbang menutup Jl. Pahlawan',
      kelurahanId: 'kejuron',
    });
    await expect.poll(async () => (await detail(core, caseId)).dispatches[0]?.status).toBe('seen');

    const dispatchId = opd.inbox[0]!.dispatchId;
    for (const to of ['accepted', 'resolved'] as const) {
      const ack = await opd.socket.timeout(5000).emitWithAck('transition', {
        transitionId: uuidv7(),
        dispatchId,
        to,
        note: to === 'resolved' ? 'Sudah dibersihkan' : '',
        actor: { id: 'dlh', role: 'opd', person: 'Sari' },
      });
      expect(ack).toMatchObject({ ok: true });
    }
    await expect.poll(async () => (await detail(core, caseId)).status).toBe('resolved');
    const d = await detail(core, caseId);
    expect(d.dispatches[0]).toMatchObject({ status: 'resolved', note: 'Sudah dibersihkan' });
    expect(d.timeline.map((e) => e.kind)).toEqual([
      'created',
      'dispatched',
      'dispatch.seen',
      'dispatch.accepted',
      'dispatch.resolved',
    ]);
    expect((await status(core)).outbox.waiting).toBe(0);
  });

  it('keeps working while the hub is down and delivers everything exactly once when it returns', async () => {
    const { hub, core, restartHub } = await setup();
    await expect.poll(async () => (await status(core)).hub.state).toBe('online');
    await hub.current.stop('SIGKILL');
    await expect.poll(async () => (await status(core)).hub.state).toBe('offline');

    const cases: string[] = [];
    for (let i = 0; i < 3; i++) {
      const caseId = await saveCase(core, `Banjir di gang ${i}`);
      await call(core, 'case.dispatch', { caseId, opdIds: ['dlh'] });
      cases.push(caseId);
    }
    expect((await status(core)).outbox.waiting).toBe(6); // 3 cases + 3 dispatches
    for (const caseId of cases) {
      expect(await detail(core, caseId)).toMatchObject({
        status: 'dispatch_pending',
        dispatches: [{ status: 'waiting' }],
      });
    }

    await restartHub();
    await expect.poll(async () => (await status(core)).outbox.waiting, { timeout: 15_000 }).toBe(0);
    for (const caseId of cases) {
      await expect
        .poll(async () => (await detail(core, caseId)).dispatches[0]?.status)
        .toBe('at_hub');
    }
    // Exactly once at the hub: one queued event per dispatch, one change per case.
    const deskSocket = io(`${hub.current.url}/desk`, {
      auth: { token: deskToken },
      transports: ['websocket'],
    });
    cleanups.push(() => deskSocket.close());
    await new Promise<void>((r) => deskSocket.once('connect', () => r()));
    const sync = (await deskSocket
      .timeout(5000)
      .emitWithAck('sync', { sinceSeq: 0, limit: 1000 })) as { events: HubEvent[] };
    expect(sync.events.filter((e) => e.type === 'case.changed')).toHaveLength(3);
    expect(
      sync.events.filter((e) => e.type === 'dispatch.status' && e.status === 'queued'),
    ).toHaveLength(3);
  });
});
