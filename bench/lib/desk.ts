/**
 * A desk for the dispatch benchmarks: the real console core (openCore) in this process,
 * signed in as the demo operator, against a real hub process. The core runs here rather
 * than in a console host process because the figures are about the desk's outbox, its
 * replication and the hub; the host's loopback API hop is not on that path, and running
 * the core in-process shares one event loop between the core and the benchmark's clients
 * just as the console host shares it with its own API server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppStatus } from '../../shared/api/contract';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { demoAccountsFile } from '../../electron/core/auth/demo-accounts';
import { openCore } from '../../electron/core/core';
import { oneScreen, type OneScreenCore as Core } from '../../tests/support/one-screen';
import {
  randomToken,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../../tests/support/processes';
import { removedAtExit, resourcesDir } from './stores';

export const deskToken = randomToken();
export const dlhToken = randomToken();

/** A hub process with one desk and the DLH inbox as peers, in its own data dir. */
export async function benchHub(tag: string): Promise<{
  hub: HubProc;
  restart(): Promise<HubProc>;
}> {
  const dir = removedAtExit(tempDir(`sigap-bench-${tag}-`));
  const tokens = writeTokens(dir, [
    { token: deskToken, kind: 'desk', id: 'desk-1' },
    { token: dlhToken, kind: 'opd', id: 'dlh', person: 'Petugas DLH' },
  ]);
  const hubDir = path.join(dir, 'hub');
  const first = await startHub(hubDir, tokens);
  return { hub: first, restart: () => startHub(hubDir, tokens, first.port) };
}

export interface BenchDesk {
  core: Core;
  call<T>(channel: string, args: unknown): Promise<T>;
  status(): Promise<AppStatus>;
  saveCase(i: number): Promise<string>;
  /** Resolves when the outbox holds nothing more for the hub (checked on every status change). */
  drained(): Promise<void>;
  /** Resolves when the hub link is online. */
  online(): Promise<void>;
  close(): void;
}

/**
 * Opens the desk whose store is in `dataDir` (created on first use) and signs the operator
 * in, unless `signIn` is false (password hashing would count in CPU figures).
 */
export async function openDesk(
  dataDir: string,
  hubUrl?: string,
  { signIn = true } = {},
): Promise<BenchDesk> {
  fs.mkdirSync(dataDir, { recursive: true });
  const core = openCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log: createLogger('bench', () => undefined),
    resourcesDir,
    hubUrl,
    hubToken: hubUrl ? deskToken : undefined,
  });
  oneScreen(core);
  await core.ensureDemoAccounts();
  const { accounts } = JSON.parse(fs.readFileSync(demoAccountsFile(dataDir), 'utf8')) as {
    accounts: Array<{ username: string; password: string }>;
  };
  const op = accounts.find((a) => a.username === 'operator')!;
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await core.call(channel, args);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  if (signIn) await call('auth.signIn', { username: op.username, password: op.password });
  const status = () => call<AppStatus>('app.status', {});

  /** Waits for `done(status)`, checked now and on every status the core pushes. */
  const until = (done: (s: AppStatus) => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const off = core.subscribe((e) => {
        if (e.event === 'app.status' && done(e.payload as AppStatus)) {
          off();
          resolve();
        }
      });
      status().then((s) => {
        if (!done(s)) return;
        off();
        resolve();
      }, reject);
    });

  return {
    core,
    call,
    status,
    saveCase: async (i) =>
      (
        await call<{ caseId: string }>('intake.save', {
          callId: uuidv7(),
          startedAt: Date.now() - 60_000,
          form: {
            ...emptyIntakeForm(),
            callerNumber: `0812${String(30_000_000 + i).slice(0, 8)}`,
            categoryId: 'pohon-tumbang',
            urgency: 'darurat',
            description: `Pohon tumbang menutup jalan nomor ${i} dekat sekolah`,
            kecamatanId: 'taman',
            kelurahanId: 'kejuron',
            address: `Jl. Pahlawan ${i}`,
            landmark: 'depan Bank Jatim',
          },
        })
      ).caseId,
    drained: () => until((s) => s.outbox.waiting === 0),
    online: () => until((s) => s.hub.state === 'online'),
    close: () => core.close(),
  };
}
