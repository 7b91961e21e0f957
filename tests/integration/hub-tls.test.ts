/**
 * A hub serving TLS with a certificate from the center's private CA: a desk that trusts
 * that CA (SIGAP_HUB_CA) connects over https/wss and its dispatch reaches the OPD; a desk
 * or client that does not trust it is refused and sends nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import { readSettings } from '../../electron/core/config';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { OpdDispatch } from '../../shared/hub/opd-messages';
import { createLogger } from '../../shared/log';
import { makePki, type TestPki } from '../support/certificates';
import {
  randomToken,
  repoRoot,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

const deskToken = randomToken();
const dlhToken = randomToken();
let dir: string;
let pki: TestPki;
let otherCa: string;
let hub: HubProc;
const closers: Array<() => unknown> = [];

beforeAll(async () => {
  dir = tempDir();
  pki = makePki(dir, 'madiun');
  otherCa = makePki(dir, 'elsewhere').caFile;
  const tokens = writeTokens(dir, [
    { token: deskToken, kind: 'desk', id: 'desk-1' },
    { token: dlhToken, kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  hub = await startHub(path.join(dir, 'hub'), tokens, 0, [
    '--tls-cert',
    pki.certFile,
    '--tls-key',
    pki.keyFile,
  ]);
}, 60_000);
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await hub?.stop();
});

/** A desk's core configured from the environment, as the console host does. */
async function desk(name: string, env: NodeJS.ProcessEnv): Promise<Core> {
  const settings = readSettings({ SIGAP_DATA_DIR: path.join(dir, name), ...env });
  fs.mkdirSync(settings.dataDir, { recursive: true });
  const core = openCore({
    dataDir: settings.dataDir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
    hubUrl: settings.hubUrl,
    hubToken: settings.hubToken,
    hubCa: settings.hubCa,
  });
  oneScreen(core);
  closers.push(() => core.close());
  const op = (await core.ensureDemoAccounts())!.find((a) => a.username === 'operator')!;
  await core.call('auth.signIn', { username: op.username, password: op.password });
  return core;
}

async function call<T>(core: Core, channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const status = (core: Core) =>
  call<{ hub: { state: string; detail?: string }; outbox: { waiting: number } }>(
    core,
    'app.status',
    {},
  );

async function saveAndDispatch(core: Core, description: string): Promise<string> {
  const { caseId } = await call<{ caseId: string }>(core, 'intake.save', {
    callId: uuidv7(),
    startedAt: Date.now() - 30_000,
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
  await call(core, 'case.dispatch', { caseId, opdIds: ['dlh'] });
  return caseId;
}

describe('hub over TLS with a private CA', () => {
  it('serves https, and a desk trusting the CA dispatches to an OPD over wss', async () => {
    expect(hub.url).toMatch(/^https:\/\//);
    const opd = io(`${hub.url}/opd`, {
      auth: { token: dlhToken },
      transports: ['websocket'],
      ca: fs.readFileSync(pki.caFile, 'utf8'),
    });
    closers.push(() => opd.close());
    const inbox: OpdDispatch[] = [];
    opd.on('dispatch.new', (d: OpdDispatch, ack: (ok: boolean) => void) => {
      inbox.push(d);
      ack(true);
    });
    await new Promise<void>((resolve, reject) => {
      opd.once('connect', () => resolve());
      opd.once('connect_error', reject);
    });

    const core = await desk('trusting', {
      SIGAP_HUB_URL: hub.url,
      SIGAP_HUB_TOKEN: deskToken,
      SIGAP_HUB_CA: pki.caFile,
    });
    await expect
      .poll(async () => (await status(core)).hub.state, { timeout: 15_000 })
      .toBe('online');
    const caseId = await saveAndDispatch(core, 'Pohon tumbang di Jl. Pahlawan');
    await expect.poll(() => inbox.map((d) => d.caseId), { timeout: 15_000 }).toEqual([caseId]);
    await expect.poll(async () => (await status(core)).outbox.waiting).toBe(0);
  });

  it('refuses the hub to a desk that does not trust its certificate, and sends nothing', async () => {
    const untrusting = await desk('untrusting', {
      SIGAP_HUB_URL: hub.url,
      SIGAP_HUB_TOKEN: deskToken,
    });
    const wrongCa = await desk('wrong-ca', {
      SIGAP_HUB_URL: hub.url,
      SIGAP_HUB_TOKEN: deskToken,
      SIGAP_HUB_CA: otherCa,
    });
    for (const core of [untrusting, wrongCa]) {
      await expect
        .poll(async () => (await status(core)).hub.detail ?? '', { timeout: 15_000 })
        .toMatch(/^hub certificate not trusted \(/);
      await saveAndDispatch(core, 'Lampu jalan mati');
      expect((await status(core)).hub.state).not.toBe('online');
      expect((await status(core)).outbox.waiting).toBe(2); // the case and its dispatch wait
    }

    // A plain socket.io client without the CA is refused the same way.
    const stranger = io(`${hub.url}/desk`, {
      auth: { token: deskToken },
      transports: ['websocket'],
      reconnection: false,
      // Its own connection: socket.io would otherwise share the OPD client's, which trusts the CA.
      forceNew: true,
    });
    closers.push(() => stranger.close());
    const err = await new Promise<Error & { description?: { error?: { code?: string } } }>(
      (resolve) => stranger.once('connect_error', resolve),
    );
    expect(err.description?.error?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('stops start-up with a clear message when SIGAP_HUB_CA is not a CA certificate file', () => {
    const notPem = path.join(dir, 'not-a-cert.txt');
    fs.writeFileSync(notPem, 'hello');
    expect(() => readSettings({ SIGAP_HUB_CA: path.join(dir, 'missing.pem') })).toThrow(
      /^SIGAP_HUB_CA: cannot read .*missing\.pem \(ENOENT\)$/,
    );
    expect(() => readSettings({ SIGAP_HUB_CA: notPem })).toThrow(
      /^SIGAP_HUB_CA: .* holds no PEM certificate/,
    );
    expect(() => readSettings({ SIGAP_HUB_CA: pki.certFile })).toThrow(/is not a CA certificate/);
    expect(readSettings({ SIGAP_HUB_CA: pki.caFile }).hubCa).toContain(
      '-----BEGIN CERTIFICATE-----',
    );
  });
});
