/**
 * Desk cores for integration tests: a console core on its own folder under a test's temp
 * dir, joined to a hub with the desk's token, and its demo accounts' passwords.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeDemoAccounts } from '../../electron/core/auth/demo-accounts';
import { openCore, type ConsoleSession, type Core } from '../../electron/core/core';
import { createLogger } from '../../shared/log';
import type { OneScreenCore } from './one-screen';
import { repoRoot } from './processes';

export interface DeskCoreOptions {
  /** The test's temp dir; the desk's data goes in `dir/deskId` (made if missing). */
  dir: string;
  deskId: string;
  hubUrl: string;
  hubToken: string;
  /** Reference data; the repo's resources/data unless given. */
  resourcesDir?: string;
  /** The desk's clock; the real one unless given. */
  now?: () => number;
}

export function openDeskCore(o: DeskCoreOptions): Core {
  const dataDir = path.join(o.dir, o.deskId);
  fs.mkdirSync(dataDir, { recursive: true });
  return openCore({
    dataDir,
    mode: 'browser',
    version: 't',
    deskId: o.deskId,
    log: createLogger(o.deskId, () => undefined),
    resourcesDir: o.resourcesDir || path.join(repoRoot, 'resources', 'data'),
    hubUrl: o.hubUrl,
    hubToken: o.hubToken,
    ...(o.now ? { now: o.now, callAlarmCheckMs: 200 } : {}),
  });
}

/**
 * One set of demo accounts for a center: written once under `dir`, given to each desk's
 * folder, and to the hub with the returned arguments (`--demo-accounts`), so a person signs
 * in on any desk and at the hub with the same password.
 */
export function centerDemoAccounts(dir: string, deskIds: readonly string[]): string[] {
  const file = path.join(dir, 'demo-accounts.json');
  writeDemoAccounts(file);
  for (const deskId of deskIds) {
    fs.mkdirSync(path.join(dir, deskId), { recursive: true });
    fs.copyFileSync(file, path.join(dir, deskId, 'demo-accounts.json'));
  }
  return ['--demo-accounts', file];
}

export interface DemoAccount {
  username: string;
  password: string;
}

/** The desk's demo accounts: made on first open, read back from its folder after that. */
export async function demoAccounts(core: Core, dataDir: string): Promise<DemoAccount[]> {
  return (
    (await core.ensureDemoAccounts()) ??
    (
      JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as {
        accounts: DemoAccount[];
      }
    ).accounts
  );
}

/** A console core on `dataDir` with no hub, on the test's clock. */
export function openLocalCore(dataDir: string, now: () => number, deskId?: string): Core {
  return openCore({
    dataDir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir: path.join(repoRoot, 'resources', 'data'),
    ...(deskId ? { deskId } : {}),
    now,
  });
}

/** Signs the demo operator in on a one-screen core (the accounts are made on first open). */
export async function signInOperator(core: OneScreenCore): Promise<void> {
  const accounts = await core.ensureDemoAccounts();
  const password = accounts!.find((a) => a.username === 'operator')!.password;
  const r = await core.call('auth.signIn', { username: 'operator', password });
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
}

/** Calls the console on a screen; a refusal throws with its code and message. */
export async function call<T>(
  screen: Pick<ConsoleSession, 'call'>,
  channel: string,
  args: unknown,
): Promise<T> {
  const r = await screen.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
