/**
 * The console window against the security baseline, with Electron mocked: the page gets no
 * Node, a sandbox, context isolation and only our preload, and loads app://sigap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../shared/log';

const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => void;
  class FakeWindow {
    static last: FakeWindow | undefined;
    handlers = new Map<string, Handler[]>();
    contentsHandlers = new Map<string, Handler[]>();
    loaded: string[] = [];
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.last = this;
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    once(event: string, handler: Handler) {
      return this.on(event, handler);
    }
    emit(event: string, ...args: unknown[]) {
      for (const h of this.handlers.get(event) ?? []) h(...args);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    maximize() {}
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1300, height: 820 };
    }
    webContents = {
      on: (event: string, handler: Handler) => {
        this.contentsHandlers.set(event, [...(this.contentsHandlers.get(event) ?? []), handler]);
      },
      reload: vi.fn(),
    };
  }
  return { FakeWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow, webPreferences } = await import('./window');
const { APP_START_URL } = await import('./app-origin');

const log = createLogger('test', () => undefined);
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-window-'));
});

function open() {
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    stateFile: path.join(dir, 'desktop', 'window-state.json'),
    title: 'Sigap',
    devTools: false,
    log,
  });
  return fake.FakeWindow.last!;
}

describe('console window', () => {
  it('has the baseline webPreferences: sandbox, isolation, no Node, only our preload', () => {
    const win = open();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    // Nothing that loosens the baseline sneaks in under another name.
    expect(Object.keys(prefs).sort()).toEqual(Object.keys(webPreferences('x', false)).sort());
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('loads only the console page from app://sigap, and shows it when ready', () => {
    const win = open();
    expect(win.loaded).toEqual([APP_START_URL]);
    expect(APP_START_URL).toBe('app://sigap/index.html');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('remembers its bounds on close and comes back there', () => {
    const win = open();
    win.emit('close');
    const saved = JSON.parse(
      fs.readFileSync(path.join(dir, 'desktop', 'window-state.json'), 'utf8'),
    ) as unknown;
    expect(saved).toEqual({ x: 40, y: 30, width: 1300, height: 820, maximized: false });
    const again = open();
    expect(again.options).toMatchObject({ x: 40, y: 30, width: 1300, height: 820 });
  });

  it('reloads a page whose process crashed, but not in a loop', () => {
    const win = open();
    const gone = win.contentsHandlers.get('render-process-gone')![0]!;
    gone({}, { reason: 'crashed' });
    gone({}, { reason: 'crashed' });
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });
});
