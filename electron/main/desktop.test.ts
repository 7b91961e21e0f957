/**
 * The desktop app's wiring with Electron mocked and a real core (the Node build of
 * better-sqlite3 in a temporary data dir): core opens in desktop mode, the console page can
 * call it over IPC, events reach the page and the menu follows the language, the window
 * announces itself to `npm start`, and quitting closes the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/ipc';
import { createLogger } from '../../shared/log';
import { DESKTOP_READY_LINE } from '../launch/desktop-handshake';

const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const on = (map: Map<string, Handler[]>) => (event: string, handler: Handler) => {
    map.set(event, [...(map.get(event) ?? []), handler]);
  };
  const appHandlers = new Map<string, Handler[]>();
  const windows: Array<{ handlers: Map<string, Handler[]>; sent: unknown[][] }> = [];
  class FakeWindow {
    handlers = new Map<string, Handler[]>();
    sent: unknown[][] = [];
    webContents = {
      on: vi.fn(),
      send: (...args: unknown[]) => this.sent.push(args),
      getURL: () => 'app://sigap/index.html',
      isDestroyed: () => false,
      reload: vi.fn(),
    };
    constructor() {
      windows.push(this);
    }
    on = on(this.handlers);
    once = on(this.handlers);
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    show = vi.fn();
    focus = vi.fn();
  }
  return {
    appHandlers,
    windows,
    FakeWindow,
    app: { getVersion: () => '0.1.0', isPackaged: false, on: on(appHandlers) },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: Array<{ label?: string }>) => template),
      setApplicationMenu: vi.fn(),
    },
    session: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
      on: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: { defaultSession: fake.session },
  shell: { openExternal: vi.fn() },
}));

const { startDesktop } = await import('./desktop');
const { readDesktopSettings } = await import('./settings');
const { repoRoot } = await import('../launch/paths');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-desktop-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Invoke = (
  event: { senderFrame: { url: string; parent: null }; sender: unknown },
  envelope: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
/** A call from the console page of the app's window (its webContents is the sender). */
const page = {
  senderFrame: { url: 'app://sigap/index.html', parent: null },
  sender: { id: 1, on: vi.fn(), once: vi.fn() },
};
const menuLabels = () =>
  (fake.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as Array<{ label?: string }>).map(
    (i) => i.label,
  );

describe('desktop app wiring', () => {
  it('opens core in desktop mode behind IPC, keeps page and menu in step, closes on quit', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const settings = readDesktopSettings(
      { appPath: repoRoot, resourcesPath: '/unused', isPackaged: false },
      { SIGAP_DATA_DIR: dataDir },
    );
    await startDesktop(
      settings,
      createLogger('test', () => undefined),
    );

    const [channel, handler] = fake.ipcMain.handle.mock.calls[0] as [string, Invoke];
    expect(channel).toBe(IPC_CALL);
    const status = await handler(page, { channel: 'app.status', args: {} });
    expect(status).toMatchObject({ ok: true, value: { mode: 'desktop', language: 'id' } });
    await vi.waitFor(() => expect(menuLabels()).toContain('Berkas'));

    const win = fake.windows[0]!;
    for (const h of win.handlers.get('ready-to-show') ?? []) h();
    expect(write).toHaveBeenCalledWith(`${DESKTOP_READY_LINE}\n`);
    write.mockRestore();

    expect(await handler(page, { channel: 'app.setLanguage', args: { language: 'en' } })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    // Core sends its status once a burst of changes settles, so wait for it.
    await expect.poll(() => menuLabels()).toContain('File');
    expect(win.sent).toContainEqual([
      IPC_EVENT,
      expect.objectContaining({
        event: 'app.status',
        payload: expect.objectContaining({ language: 'en' }),
      }),
    ]);

    for (const h of fake.appHandlers.get('will-quit') ?? []) h();
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CALL);
    const after = await handler(page, { channel: 'app.status', args: {} });
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The store was closed cleanly: its WAL was checkpointed away.
    expect(fs.existsSync(path.join(dataDir, 'console', 'console.db-wal'))).toBe(false);
  });
});
