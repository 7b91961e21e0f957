/**
 * The console API over IPC, main side, with Electron mocked: a call from a foreign frame,
 * a sub-frame, a vanished frame, a malformed envelope or invalid arguments is refused with
 * a typed error and core.dispatch is never called; a good call reaches core unchanged.
 */
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { channels, type ConsoleEvent } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/errors';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/ipc';
import { createLogger } from '../../shared/log';
import type { Dispatch } from '../core/api/dispatch';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));

const { bindConsoleApi, forwardEvents } = await import('./ipc');

type Frame = { url: string; parent: unknown } | null;
type Invoke = (event: { senderFrame: Frame }, envelope: unknown) => Promise<ApiResult<unknown>>;

const log = createLogger('test', () => undefined);
const consolePage: Frame = { url: 'app://sigap/index.html', parent: null };
let dispatch: Mock<Dispatch>;
let invoke: Invoke;

beforeEach(() => {
  vi.clearAllMocks();
  dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: { language: 'en' } }));
  bindConsoleApi({ dispatch }, log);
  const [channel, handler] = ipcMain.handle.mock.calls[0] as [string, Invoke];
  expect(channel).toBe(IPC_CALL);
  invoke = handler;
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
      { senderFrame },
      { channel: 'app.setLanguage', args: { language: 'en' } },
    );
    expectRefused(result, 'ipc.foreign_sender');
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('IPC payload check', () => {
  it('refuses invalid arguments with the fields at fault, without calling core', async () => {
    const result = await invoke(
      { senderFrame: consolePage },
      { channel: 'app.setLanguage', args: { language: 'fr' } },
    );
    expectRefused(result, 'api.invalid_args');
    if (!result.ok) expect(result.error.fields).toHaveProperty('language');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel and a malformed envelope', async () => {
    expectRefused(
      await invoke({ senderFrame: consolePage }, { channel: 'fs.readFile', args: {} }),
      'api.unknown_channel',
    );
    for (const envelope of [null, 'app.status', { channel: 'app.status' }, { args: {} }]) {
      expectRefused(await invoke({ senderFrame: consolePage }, envelope), 'api.bad_request');
    }
    expectRefused(
      await invoke(
        { senderFrame: consolePage },
        { channel: 'app.status', args: {}, extra: 'smuggled' },
      ),
      'api.bad_request',
    );
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a good call from the console page to core and its answer back', async () => {
    const result = await invoke(
      { senderFrame: consolePage },
      { channel: 'app.setLanguage', args: { language: 'en' } },
    );
    expect(dispatch).toHaveBeenCalledWith('app.setLanguage', { language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en' } });
  });

  it('accepts every contract channel name (no channel list of its own)', async () => {
    for (const channel of channels) {
      dispatch.mockClear();
      const result = await invoke({ senderFrame: consolePage }, { channel, args: {} });
      // Either core was asked, or the arguments were refused as arguments, never the channel.
      if (!result.ok) expect(result.error.code).toBe('api.invalid_args');
      else expect(dispatch).toHaveBeenCalledWith(channel, {});
    }
  });

  it('turns a throwing core into an internal error value', async () => {
    dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    const result = await invoke({ senderFrame: consolePage }, { channel: 'app.status', args: {} });
    expectRefused(result, 'internal');
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
  });

  it('unbinds cleanly', () => {
    const unbind = bindConsoleApi({ dispatch }, log);
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
        alarms: { needsCall: 0 },
      },
    };
    emit(event);
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT, event);
    url = 'https://evil.example/';
    emit(event);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
