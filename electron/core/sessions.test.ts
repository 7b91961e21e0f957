/**
 * Sign-in belongs to one screen: two screens of the same desk with two people, through the
 * real core and store. What one screen saves is recorded under its own person; signing in
 * or out on one screen changes no other; a closed screen's person must sign in again, and
 * gets their own draft back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import { createLogger } from '../../shared/log';
import { openCore, type ConsoleSession, type Core } from './core';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
let dir: string;
let core: Core;
let passwords: Record<string, string>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-sessions-'));
  core = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    log: createLogger('t', () => undefined),
    resourcesDir,
  });
  const accounts = (await core.ensureDemoAccounts())!;
  passwords = Object.fromEntries(accounts.map((a) => [a.username, a.password]));
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(screen: ConsoleSession, channel: string, args: unknown) {
  const r = await screen.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}
const signIn = (screen: ConsoleSession, username: string) =>
  call(screen, 'auth.signIn', { username, password: passwords[username] });
const who = async (screen: ConsoleSession) =>
  (await call<{ operator: { username: string } | null }>(screen, 'auth.session', {})).operator
    ?.username ?? null;

const form = (description: string) => ({
  ...emptyIntakeForm(),
  callerNumber: '0812 3456 7890',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description,
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
});

describe('sessions per screen', () => {
  it('records each call under the person signed in on the screen that saved it', async () => {
    const [a, b] = [core.openSession(), core.openSession()];
    await signIn(a, 'operator');
    expect(await who(b)).toBeNull();
    await signIn(b, 'supervisor');
    expect(await who(a)).toBe('operator');

    const { caseId } = await call<{ caseId: string }>(a, 'intake.save', {
      callId: uuidv7(),
      startedAt: Date.now() - 30_000,
      form: form('Pohon tumbang di Jl. Pahlawan'),
    });
    const detail = await call<{
      calls: Array<{ operator: string }>;
      timeline: Array<{ actor: string }>;
    }>(b, 'case.get', { caseId });
    expect(detail.calls.map((c) => c.operator)).toEqual(['Operator Demo']);
    expect(detail.timeline.map((e) => e.actor)).toEqual(['Operator Demo']);

    await call(b, 'case.note', { caseId, text: 'Sudah dicek' });
    const after = await call<{ timeline: Array<{ actor: string }> }>(a, 'case.get', { caseId });
    expect(after.timeline.map((e) => e.actor)).toEqual(['Operator Demo', 'Supervisor Demo']);
  });

  it('signs out only the screen that signs out, or that closes', async () => {
    const [a, b] = [core.openSession(), core.openSession()];
    await signIn(a, 'operator');
    await signIn(b, 'supervisor');
    await call(b, 'auth.signOut', {});
    expect(await who(b)).toBeNull();
    expect(await who(a)).toBe('operator');
    expect(await b.call('queue.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    a.close();
    expect(await who(a)).toBeNull();
  });

  it("keeps a person's draft for that person: another never sees it, they get it back", async () => {
    const [a, b] = [core.openSession(), core.openSession()];
    await signIn(a, 'operator');
    await signIn(b, 'supervisor');
    const callId = uuidv7();
    await call(a, 'draft.save', { callId, startedAt: Date.now(), form: form('Ada asap di') });
    expect(await call(b, 'draft.get', {})).toEqual({ draft: null });
    a.close(); // the window crashed
    const again = core.openSession();
    expect(await again.call('draft.get', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    await signIn(again, 'operator');
    expect(await call(again, 'draft.get', {})).toMatchObject({ draft: { callId } });
  });
});
