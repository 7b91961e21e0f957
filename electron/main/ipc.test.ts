/**
 * The console API over IPC, main side, with Electron mocked: a call from a foreign frame,
 * a sub-frame, a vanished frame, a malformed envelope or invalid arguments is refused with
 * a typed error and core never sees it; a good call reaches core unchanged, in the session
 * of the window that sent it.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { channels, type ConsoleEvent } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/errors';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/ipc';
import { createLogger } from '../../shared/log';
import type { Router } from '../core/api/router';
import { openCore, type Core } from '../core/core';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));

const { bindConsoleApi, forwardEvents } = await import('./ipc');

type Frame = { url: string; parent: unknown } | null;
type Window = EventEmitter & { id: number };
type Invoke = (
  event: { senderFrame: Frame; sender: Window },
  envelope: unknown,
) => Promise<ApiResult<unknown>>;

const log = createLogger('test', () => undefined);
const consolePage: Frame = { url: 'app://sigap/index.html', parent: null };
type ScreenCall = (channel: string, args: unknown) => ReturnType<Router>;
let coreCall: Mock<ScreenCall>;
let invoke: Invoke;
const aWindow = (id: number): Window => Object.assign(new EventEmitter(), { id });
const mainWindow = aWindow(1);
const core = () => ({ openSession: () => ({ call: coreCall, close: () => undefined }) });

/** Binds the API to `backend` and returns its invoke handler, called as `window`'s page. */
function bind(backend: Pick<Core, 'openSession'>) {
  ipcMain.handle.mockClear();
  bindConsoleApi(backend, log);
  const [channel, handler] = ipcMain.handle.mock.calls[0] as [string, Invoke];
  expect(channel).toBe(IPC_CALL);
  return (senderFrame: Frame, envelope: unknown, sender = mainWindow) =>
    handler({ senderFrame, sender }, envelope);
}

beforeEach(() => {
  vi.clearAllMocks();
  coreCall = vi.fn<ScreenCall>(async () => ({ ok: true, value: { language: 'en' } }));
  const call = bind(core());
  invoke = (event, envelope) => call(event.senderFrame, envelope);
});

function expectRefused(result: ApiResult<unknown>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  // A typed error value the UI can show, never a raw exception.
  expect(ApiError.safeParse(result.error).success).toBe(true);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
}

describe('IPC sender check', () => {
  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a look-alike scheme', { url: 'app://sigap.evil/index.html', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a sub-frame of the console', { url: 'app://sigap/index.html', parent: {} }],
    ['a frame that has gone away', null],
  ])('refuses a call from %s before core sees it', async (_name, senderFrame) => {
    const result = await invoke(
      { senderFrame, sender: mainWindow },
      { channel: 'app.setLanguage', args: { language: 'en' } },
    );
    expectRefused(result, 'ipc.foreign_sender');
    expect(coreCall).not.toHaveBeenCalled();
  });
});

describe('IPC payload check', () => {
  it('refuses invalid arguments with the fields at fault, without calling core', async () => {
    const result = await invoke(
      { senderFrame: consolePage, sender: mainWindow },
      { channel: 'app.setLanguage', args: { language: 'fr' } },
    );
    expectRefused(result, 'api.invalid_args');
    if (!result.ok) expect(result.error.fields).toHaveProperty('language');
    expect(coreCall).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel and a malformed envelope', async () => {
    expectRefused(
      await invoke(
        { senderFrame: consolePage, sender: mainWindow },
        { channel: 'fs.readFile', args: {} },
      ),
      'api.unknown_channel',
    );
    for (const envelope of [null, 'app.status', { channel: 'app.status' }, { args: {} }]) {
      expectRefused(
        await invoke({ senderFrame: consolePage, sender: mainWindow }, envelope),
        'api.bad_request',
      );
    }
    expectRefused(
      await invoke(
        { senderFrame: consolePage, sender: mainWindow },
        { channel: 'app.status', args: {}, extra: 'smuggled' },
      ),
      'api.bad_request',
    );
    expect(coreCall).not.toHaveBeenCalled();
  });

  it('passes a good call from the console page to core and its answer back', async () => {
    const result = await invoke(
      { senderFrame: consolePage, sender: mainWindow },
      { channel: 'app.setLanguage', args: { language: 'en' } },
    );
    expect(coreCall).toHaveBeenCalledWith('app.setLanguage', { language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en' } });
  });

  it('accepts every contract channel name (no channel list of its own)', async () => {
    for (const channel of channels) {
      coreCall.mockClear();
      const result = await invoke(
        { senderFrame: consolePage, sender: mainWindow },
        { channel, args: {} },
      );
      // Either core was asked, or the arguments were refused as arguments, never the channel.
      if (!result.ok) expect(result.error.code).toBe('api.invalid_args');
      else expect(coreCall).toHaveBeenCalledWith(channel, {});
    }
  });

  it('turns a throwing core into an internal error value', async () => {
    coreCall.mockRejectedValueOnce(new Error('disk on fire'));
    const result = await invoke(
      { senderFrame: consolePage, sender: mainWindow },
      { channel: 'app.status', args: {} },
    );
    expectRefused(result, 'internal');
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
  });

  it('unbinds cleanly', () => {
    const unbind = bindConsoleApi(core(), log);
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CALL);
  });
});

describe('IPC events', () => {
  it('pushes core events to the console page only', () => {
    let emit: (event: ConsoleEvent) => void = () => undefined;
    const core = { subscribe: vi.fn((l: (event: ConsoleEvent) => void) => ((emit = l), vi.fn())) };
    let url = 'app://sigap/index.html';
    const contents = { isDestroyed: () => false, getURL: () => url, send: vi.fn() };
    forwardEvents(core, contents);
    const event: ConsoleEvent = {
      event: 'app.status',
      payload: {
        version: '0.1.0',
        mode: 'desktop',
        storePath: '/data/console.db',
        language: 'id',
        hub: { url: null, state: 'not_configured', since: 0 },
        outbox: { waiting: 0, oldestAt: null, cases: 0, calls: 0, dispatches: 0 },
        callAlarms: 0,
      },
    };
    emit(event);
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT, event);
    url = 'https://evil.example/';
    emit(event);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});

describe('IPC sessions', () => {
  let dir: string;
  let real: Core;
  let password: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-ipc-'));
    real = openCore({
      dataDir: dir,
      mode: 'desktop',
      version: 't',
      log,
      resourcesDir: path.resolve(__dirname, '..', '..', 'resources', 'data'),
    });
    password = (await real.ensureDemoAccounts())!.find((a) => a.username === 'operator')!.password;
    return () => {
      real.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  });

  const who = async (call: ReturnType<typeof bind>, window: Window) => {
    const r = await call(consolePage, { channel: 'auth.session', args: {} }, window);
    return r.ok ? (r.value as { operator: { username: string } | null }).operator : 'refused';
  };

  it('keeps a sign-in to the window that made it, until that window reloads or closes', async () => {
    const call = bind(real);
    const [a, b] = [aWindow(7), aWindow(8)];
    const signIn = { channel: 'auth.signIn', args: { username: 'operator', password } };
    expect(await call(consolePage, signIn, a)).toMatchObject({ ok: true });
    expect(await who(call, a)).toMatchObject({ username: 'operator' });
    // Another window of the same app is nobody until someone signs in there.
    expect(await who(call, b)).toBeNull();
    expect(await call(consolePage, { channel: 'draft.get', args: {} }, b)).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    // Signing out in b leaves a signed in.
    await call(consolePage, { channel: 'auth.signOut', args: {} }, b);
    expect(await who(call, a)).toMatchObject({ username: 'operator' });
    // A reloaded page, or a page loaded again after a crash, starts signed out.
    a.emit('did-navigate');
    expect(await who(call, a)).toBeNull();
    expect(await call(consolePage, signIn, b)).toMatchObject({ ok: true });
    b.emit('destroyed');
    expect(await who(call, b)).toBeNull();
  });
});
