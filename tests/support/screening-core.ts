/**
 * A signed-in console core on a temporary data dir with a clock the test sets, for screening
 * tests: earlier calls are screened out or saved through the console API, as an operator
 * records them, and the store can be read to see what it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openCore, storePath } from '../../electron/core/core';
import type { Disposition } from '../../shared/domain/case';
import { emptyIntakeForm, type IntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { oneScreen, type OneScreenCore } from './one-screen';

export const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');

export interface ScreeningCore {
  core: OneScreenCore;
  clock: { now: number };
  call<T = unknown>(channel: string, args: unknown): Promise<T>;
  /** Screens out an earlier call (`call.screen`), as the operator did when it came in. */
  storeScreenedCall(
    number: string | null,
    startedAt: number,
    disposition: Exclude<Disposition, 'case'>,
  ): Promise<string>;
  /** Calls the console as the demo supervisor, on a screen of their own. */
  asSupervisor<T = unknown>(channel: string, args: unknown): Promise<T>;
  /** The disposition the store holds for a call, if it holds the call. */
  storedDisposition(callId: string): string | undefined;
  /** A valid intake form for `number` (or withheld when null). */
  form(number: string | null, over?: Partial<IntakeForm>): IntakeForm;
  close(): void;
}

export async function openScreeningCore(start: number): Promise<ScreeningCore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-screening-'));
  const clock = { now: start };
  const core = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir,
    now: () => clock.now,
  });
  oneScreen(core);
  const accounts = await core.ensureDemoAccounts();
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await core.call(channel, args);
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.message}`), r.error);
    return r.value as T;
  };
  await call('auth.signIn', {
    username: 'operator',
    password: accounts!.find((a) => a.username === 'operator')!.password,
  });
  const supervisor = core.openSession();
  const asSupervisor = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await supervisor.call(channel, args);
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.message}`), r.error);
    return r.value as T;
  };
  await asSupervisor('auth.signIn', {
    username: 'supervisor',
    password: accounts!.find((a) => a.username === 'supervisor')!.password,
  });
  const db = new Database(storePath(dir), { readonly: true });
  const disposition = db.prepare<[string], { disposition: string }>(
    'SELECT disposition FROM calls WHERE id = ?',
  );
  return {
    core,
    clock,
    call,
    async storeScreenedCall(number, startedAt, disposition) {
      const callId = uuidv7();
      await call('call.screen', {
        callId,
        startedAt,
        callerNumber: number ?? '',
        withheld: number === null,
        disposition,
      });
      return callId;
    },
    asSupervisor,
    storedDisposition: (callId) => disposition.get(callId)?.disposition,
    form: (number, over = {}) => ({
      ...emptyIntakeForm(),
      callerNumber: number ?? '',
      withheld: number === null,
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon tumbang menutup Jl. Pahlawan',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
      address: 'Jl. Pahlawan 12',
      ...over,
    }),
    close() {
      db.close();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
