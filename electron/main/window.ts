/**
 * The one console window: sandboxed, context-isolated, no Node in the page, the preload as
 * its only bridge, content from app://sigap. It remembers its place and reloads itself once
 * if its renderer process dies, so an operator is not left with a blank window.
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../../shared/log';
import { APP_START_URL } from './app-origin';
import { placeOnScreen, readWindowState, writeWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  title: string;
  icon?: string | undefined;
  /** Developer tools only in an unpackaged (developer) run. */
  devTools: boolean;
  log: Logger;
}

/** The baseline, in one place so the test can hold it to the checklist. */
export function webPreferences(
  preloadPath: string,
  devTools: boolean,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
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
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export function windowOptions(
  options: Pick<MainWindowOptions, 'preloadPath' | 'title' | 'icon' | 'devTools'>,
  state: WindowState,
): BrowserWindowConstructorOptions {
  return {
    title: options.title,
    ...(options.icon ? { icon: options.icon } : {}),
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show: no white flash on an operator's screen
    backgroundColor: '#f4f5f7',
    webPreferences: webPreferences(options.preloadPath, options.devTools),
  };
}

const RELOAD_AT_MOST_EVERY_MS = 10_000;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { log, stateFile } = options;
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = placeOnScreen(readWindowState(stateFile), workAreas);
  const win = new BrowserWindow(windowOptions(options, state));

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    writeWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });

  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('console page process gone', { reason: details.reason });
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    // One reload brings the page back after a one-off crash; a page that keeps crashing
    // is left for IT staff (see the log) rather than reloaded in a tight loop.
    if (Date.now() - lastReload < RELOAD_AT_MOST_EVERY_MS) return;
    lastReload = Date.now();
    win.webContents.reload();
  });

  void win.loadURL(APP_START_URL);
  return win;
}
