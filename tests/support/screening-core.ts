/**
 * A signed-in console core on a temporary data dir with a clock the test sets, for screening
 * tests: calls from earlier shifts and other desks are written straight into its SQLite
 * store, as replication stores them, and everything else goes through the console API.
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
  /** Stores an earlier call without a case (as another desk's replicated call would be). */
  storeScreenedCall(
    number: string | null,
    startedAt: number,
    disposition: Exclude<Disposition, 'case'>,
  ): void;
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
  const db = new Database(storePath(dir));
  const operator = (
    db.prepare("SELECT id FROM operators WHERE username = 'operator'").get() as { id: string }
  ).id;
  const caller = db.prepare(
    `INSERT INTO callers (number, first_seen, last_seen, calls) VALUES (?, ?, ?, 1)
     ON CONFLICT (number) DO UPDATE SET calls = calls + 1, last_seen = max(last_seen, excluded.last_seen)`,
  );
  const insert = db.prepare(
    `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_id, disposition)
     VALUES (?, ?, ?, ?, ?, '', 'desk-2', ?, ?)`,
  );
  return {
    core,
    clock,
    call,
    storeScreenedCall(number, startedAt, disposition) {
      if (number) caller.run(number, startedAt, startedAt);
      insert.run(
        uuidv7(),
        startedAt,
        startedAt + 30_000,
        number,
        number ? 0 : 1,
        operator,
        disposition,
      );
    },
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
