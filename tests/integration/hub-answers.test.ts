/**
 * What a desk does with the hub's answers, against a socket.io server standing in for the
 * hub: an answer that does not match its schema is never taken for a success (the message
 * stays in the outbox and is sent again), and a hub that serves only newer desks shows as
 * "perbarui Sigap" while nothing is sent. The real hub refuses an outdated desk likewise.
 */
import http from 'node:http';
import path from 'node:path';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import type { AppStatus } from '../../shared/api/contract';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Answer = (payload: unknown) => unknown;

/** A socket.io server on /desk answering each message with `answers[name]`. */
async function standIn(answers: Record<string, Answer>) {
  const server = http.createServer();
  const ioServer = new Server(server);
  const received: string[] = [];
  ioServer.of('/desk').on('connection', (socket) => {
    socket.onAny((name: string, payload: unknown, ack?: (a: unknown) => void) => {
      received.push(name);
      ack?.(answers[name]?.(payload) ?? { ok: false, error: { code: 'x', message: 'no' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => ioServer.close(() => resolve(undefined))));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, received };
}

const hello = () => ({
  ok: true,
  protocol: 1,
  hubTime: Date.now(),
  identity: { kind: 'desk', id: 'desk-1' },
});

async function desk(url: string): Promise<Core> {
  const core = openCore({
    dataDir: tempDir(),
    mode: 'browser',
    version: 't',
    deskId: 'desk-1',
    log: createLogger('desk', () => undefined),
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
    hubUrl: url,
    hubToken: randomToken(),
  });
  cleanups.push(() => core.close());
  oneScreen(core);
  const op = (await core.ensureDemoAccounts())!.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  return core;
}

const status = async (core: Core): Promise<AppStatus> => {
  const r = await core.call('app.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AppStatus;
};

const saveCall = (core: Core) =>
  core.call('intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 20_000,
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
  });

describe('the hub’s answers on a desk', () => {
  it('never takes a malformed answer for a success: the change waits and is sent again', async () => {
    let upsertAnswer: Answer = () => ({ ok: true, seq: 'soon' });
    const hub = await standIn({
      hello,
      sync: () => ({ ok: true, events: [], lastSeq: 0 }),
      'case.upsert': (p) => upsertAnswer(p),
    });
    const core = await desk(hub.url);
    await expect.poll(async () => (await status(core)).hub.state).toBe('online');
    expect(await saveCall(core)).toMatchObject({ ok: true });

    await expect
      .poll(() => hub.received.filter((n) => n === 'case.upsert').length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect((await status(core)).outbox.waiting).toBe(1);

    upsertAnswer = () => ({ ok: true, seq: 1 });
    await expect.poll(async () => (await status(core)).outbox.waiting, { timeout: 10_000 }).toBe(0);
  });

  it('shows "perbarui Sigap" when the hub serves only newer desks, and sends nothing', async () => {
    const hub = await standIn({
      hello: () => ({
        ok: false,
        error: { code: 'protocol.desk_outdated', message: 'update Sigap on this desk' },
      }),
    });
    const core = await desk(hub.url);
    await expect.poll(async () => (await status(core)).hub.state).toBe('outdated');
    expect(await saveCall(core)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 2500)); // one retry round of the outbox
    expect(hub.received).toEqual(['hello']);
    expect((await status(core)).outbox.waiting).toBe(1);
  });

  it('is refused by the real hub when its protocol is below the hub’s minimum', async () => {
    const dir = tempDir();
    const token = randomToken();
    const hub = await startHub(dir, writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]));
    cleanups.push(() => hub.stop());
    const socket = connect(`${hub.url}/desk`, { auth: { token }, transports: ['websocket'] });
    cleanups.push(() => socket.close());
    const send = (name: string, payload: unknown) =>
      socket.timeout(5000).emitWithAck(name, payload);

    expect(await send('hello', {})).toMatchObject({ ok: true, protocol: 1 });
    expect(await send('hello', { protocol: 0 })).toMatchObject({
      ok: false,
      error: { code: 'protocol.desk_outdated' },
    });
    expect(await send('sync', { sinceSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: 'protocol.desk_outdated' },
    });
  });
});
