/**
 * The preload as Electron loads it: out/preload/index.cjs, run in a bare node:vm context the
 * way a sandboxed preload runs (CommonJS, a `require` that knows only 'electron'). It must
 * expose exactly one method per contract channel plus subscribe and onBackendLink, send
 * calls through the IPC envelope, and check what comes back. `npm test` builds before it
 * runs; run alone, it needs `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import type { ConsoleClient } from '../../shared/api/client';
import { channels } from '../../shared/api/contract';
import { IPC_CALL, IPC_EVENT, IPC_PRINT_REPORT } from '../../shared/api/ipc';
import type { DesktopExtras } from '../../shared/api/desktop-extras';
import { repoRoot } from '../support/processes';

const bundle = path.join(repoRoot, 'out', 'preload', 'index.cjs');
const built = fs.existsSync(bundle);

type EventListener = (event: unknown, message: unknown) => void;

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  let eventListener: EventListener | undefined;
  const invoke = vi.fn(async (_channel: string, _envelope: unknown): Promise<unknown> => undefined);
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke,
      on: (channel: string, listener: EventListener) => {
        if (channel === IPC_EVENT) eventListener = listener;
      },
    },
  };
  const fakeRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  const module = { exports: {} as unknown };
  // vm.Script parses a classic script: an ES module (import/export) would not even compile.
  const script = new vm.Script(
    `(function (exports, require, module) {\n${fs.readFileSync(bundle, 'utf8')}\n})`,
    { filename: bundle },
  );
  const context = vm.createContext({ console });
  (script.runInContext(context) as (...args: unknown[]) => void)(
    module.exports,
    fakeRequire,
    module,
  );
  return {
    exposed,
    required,
    invoke,
    emit: (message: unknown) => eventListener?.({ sender: 'ipc' }, message),
  };
}

const title = built
  ? 'built preload (out/preload/index.cjs)'
  : 'built preload: skipped, out/preload/index.cjs is missing (run `npm run build`; npm test builds first)';

describe.skipIf(!built)(title, () => {
  it('is one CommonJS file that requires only electron', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    const { required } = loadPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it("exposes window.sigap with exactly the contract's channels, subscribe and onBackendLink", () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['sigap', 'sigapDesktop']);
    const api = exposed.get('sigap') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels, 'onBackendLink', 'subscribe'].sort());
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });

  it('exposes window.sigapDesktop with only the print, its answer checked', async () => {
    const { exposed, invoke } = loadPreload();
    const desktop = exposed.get('sigapDesktop') as DesktopExtras;
    expect(Object.keys(desktop)).toEqual(['printReport']);
    const request = {
      kind: 'day' as const,
      date: '2026-11-28',
      shiftId: null,
      notes: '',
      outgoing: { name: 'A', nip: '1' },
      incoming: { name: 'B', nip: '2' },
      language: 'id' as const,
    };
    invoke.mockResolvedValueOnce({ ok: true, value: { printed: true } });
    expect(await desktop.printReport(request)).toEqual({ ok: true, value: { printed: true } });
    expect(invoke).toHaveBeenCalledWith(IPC_PRINT_REPORT, request);
    invoke.mockResolvedValueOnce({ ok: true, value: { printed: 'yes', path: '/etc' } });
    const odd = await desktop.printReport(request);
    expect(odd.ok === false && odd.error.code).toBe('internal');
  });

  it('sends each call as { channel, args } and checks the answer against the contract', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('sigap') as ConsoleClient;
    invoke.mockResolvedValueOnce({ ok: true, value: { language: 'en' } });
    expect(await api['app.setLanguage']({ language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL, {
      channel: 'app.setLanguage',
      args: { language: 'en' },
    });

    invoke.mockResolvedValueOnce({ ok: true, value: { language: 'klingon' } });
    const malformed = await api['app.setLanguage']({ language: 'en' });
    expect(malformed.ok === false && malformed.error.code).toBe('internal');

    invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'ipc.foreign_sender', message: 'refused' },
    });
    const refused = await api['app.status']({});
    expect(refused.ok === false && refused.error.code).toBe('ipc.foreign_sender');

    invoke.mockRejectedValueOnce(new Error('Error invoking remote method: no handler'));
    const unreachable = await api['app.status']({});
    expect(unreachable.ok === false && unreachable.error.code).toBe('api.unreachable');
  });

  it('delivers valid events to subscribers only, and reports the backend link as up', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('sigap') as ConsoleClient;
    const seen: unknown[] = [];
    const off = api.subscribe('app.status', (payload) => seen.push(payload));
    const status = {
      version: '0.1.0',
      mode: 'desktop',
      storePath: '/d/console.db',
      language: 'id',
      hub: { url: 'http://127.0.0.1:4000', state: 'online', since: 1 },
      outbox: { waiting: 0, oldestAt: null, cases: 0, calls: 0, dispatches: 0 },
      callAlarms: 0,
    };
    emit({ event: 'app.status', payload: status });
    emit({ event: 'app.status', payload: { ...status, mode: 'hacked' } });
    emit({ event: 'no.such.event', payload: {} });
    emit('garbage');
    expect(seen).toEqual([status]);
    off();
    emit({ event: 'app.status', payload: status });
    expect(seen).toHaveLength(1);

    const links: string[] = [];
    api.onBackendLink((link) => links.push(link));
    expect(links).toEqual(['up']);
  });
});
