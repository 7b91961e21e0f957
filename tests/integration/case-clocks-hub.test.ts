/**
 * A desk whose clock runs 3 minutes behind the hub's reads its cases' clocks on the hub's
 * clock (DESIGN §2): the offset measured at hello moves the desk's own stamps and its "now",
 * so the OPD's times from the hub and the desk's times agree. Real hub, real OPD client.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { createLogger } from '../../shared/log';
import { connectOpd } from '../support/opd-client';
import { oneScreen, type OneScreenCore } from '../support/one-screen';
import { randomToken, repoRoot, startHub, tempDir, writeTokens } from '../support/processes';

const MIN = 60_000;
const DESK_BEHIND = 3 * MIN;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function call<T>(core: OneScreenCore, channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

it("a desk 3 minutes behind the hub reads the clocks on the hub's time", async () => {
  const dir = tempDir();
  const desk = randomToken();
  const dlhToken = randomToken();
  const tokensFile = writeTokens(dir, [
    { token: desk, kind: 'desk', id: 'desk-1' },
    { token: dlhToken, kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile);
  cleanups.push(() => hub.stop());
  const dlh = await connectOpd(hub.url, dlhToken);
  cleanups.push(() => dlh.socket.close());
  const dataDir = path.join(dir, 'desk-1');
  fs.mkdirSync(dataDir);
  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 't',
    deskId: 'desk-1',
    log: createLogger('desk-1', () => undefined),
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
    hubUrl: hub.url,
    hubToken: desk,
    now: () => Date.now() - DESK_BEHIND,
  });
  oneScreen(core);
  cleanups.push(() => core.close());
  const op = (await core.ensureDemoAccounts())!.find((a) => a.username === 'operator')!;
  await call(core, 'auth.signIn', { username: op.username, password: op.password });
  await expect
    .poll(async () => (await call<{ hub: { state: string } }>(core, 'app.status', {})).hub.state)
    .toBe('online');

  const before = Date.now();
  const { caseId } = await call<{ caseId: string }>(core, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - DESK_BEHIND - 30_000,
    form: {
      ...emptyIntakeForm(),
      callerNumber: '081234567890',
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon tumbang menutup Jl. Pahlawan',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
    },
  });
  const clocks = async () => (await call<CaseDetail>(core, 'case.get', { caseId })).clocks;
  const send = (await clocks()).find((c) => c.clock === 'dispatch')!;
  // Just saved: not late, and due 2 minutes after the save on the hub's clock (the desk's
  // own clock would put it 3 minutes earlier, and a reading against the hub's "now" of the
  // desk's stamp alone would call it late at once).
  expect(send.state).toBe('running');
  expect(send.dueAt).toBeGreaterThanOrEqual(before + 2 * MIN - 1_000);
  expect(send.dueAt).toBeLessThanOrEqual(Date.now() + 2 * MIN + 1_000);

  await call(core, 'case.dispatch', { caseId, opdIds: ['dlh'] });
  await expect.poll(() => dlh.inbox.length).toBe(1);
  const ack = await dlh.socket.timeout(5000).emitWithAck('transition', {
    transitionId: uuidv7(),
    dispatchId: dlh.inbox[0]!.dispatchId,
    to: 'accepted',
    note: '',
    actor: { id: 'dlh', role: 'opd', person: 'Sari' },
  });
  expect(ack).toMatchObject({ ok: true });
  await expect
    .poll(async () => (await clocks()).find((c) => c.clock === 'accept')?.state)
    .toBe('met');
  // Accepted within seconds of the dispatch: a small share of its 5 minutes, not the 3
  // minutes the two clocks differ by.
  const accept = (await clocks()).find((c) => c.clock === 'accept')!;
  expect(accept.share).toBeLessThan(0.3);
  expect((await clocks()).find((c) => c.clock === 'dispatch')!.state).toBe('met');
});
