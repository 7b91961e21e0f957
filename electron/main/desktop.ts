/**
 * The desktop app once Electron is ready: security baseline and app:// first, then core,
 * the IPC binding, the window and the menu, and the shutdown that undoes them in order.
 * A failure to open core (a store from a newer Sigap, a native module built for the wrong
 * runtime) rejects, and the entry reports it and exits.
 */
import { demoMode } from '../core/config';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { AppStatus, type Language } from '../../shared/api/contract';
import type { Logger } from '../../shared/log';
import { openCore, type Core } from '../core/core';
import { DESKTOP_READY_LINE } from '../launch/desktop-handshake';
import { openExternalVetted } from './external-links';
import { bindConsoleApi, forwardEvents } from './ipc';
import { handlePrintReport, printPdf } from './print';
import { installMenu } from './menu';
import { desktopNotifier } from './notifications';
import { MENU_TEXT } from './menu-text';
import { serveAppProtocol } from './protocol';
import { hardenApp } from './security';
import type { DesktopSettings } from './settings';
import { shutdownOnce } from './shutdown';
import { createMainWindow } from './window';
import { windowStateFile } from './window-state';

export async function startDesktop(settings: DesktopSettings, log: Logger): Promise<void> {
  hardenApp(log);
  serveAppProtocol(settings.rendererDir);

  const core = openCore({
    dataDir: settings.dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    log,
    hubUrl: settings.hubUrl,
    hubToken: settings.hubToken,
    hubCa: settings.hubCa,
    deskId: settings.deskId,
    resourcesDir: settings.resourcesDir,
    nativeBinding: settings.nativeBinding,
    desktopNotify: desktopNotifier(log),
  });
  // From here on core is open: every way out must close it — a normal quit through
  // will-quit, a failure below (the caller then exits without will-quit) right here.
  const steps: Array<readonly [string, () => void]> = [];
  const shutdown = shutdownOnce(steps, log);
  app.on('will-quit', shutdown);
  steps.push(['core', () => core.close()]);
  try {
    if (demoMode()) await core.ensureDemoAccounts();
    const printLog = log.child('print');
    steps.unshift([
      'ipc',
      bindConsoleApi(core, log.child('ipc'), (frame, args, session) =>
        handlePrintReport(frame, args, session, printPdf, printLog),
      ),
    ]);
    openWindow(core, settings, steps, log);
  } catch (error) {
    shutdown();
    throw error;
  }
}

function openWindow(
  core: Core,
  settings: DesktopSettings,
  steps: Array<readonly [string, () => void]>,
  log: Logger,
): void {
  const devTools = !app.isPackaged;
  const win = createMainWindow({
    preloadPath: settings.preloadPath,
    stateFile: windowStateFile(settings.dataDir),
    title: 'Sigap',
    icon: settings.icon,
    devTools,
    log,
  });
  // `npm start` waits for this line before it says the desktop app is running.
  win.once('ready-to-show', () => process.stdout.write(`${DESKTOP_READY_LINE}\n`));
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  steps.unshift(['events', forwardEvents(core, win.webContents)]);
  steps.unshift(['menu', keepMenuInLanguage(core, win, settings, devTools, log)]);
}

/** Installs the menu now and again whenever the console's language changes. */
function keepMenuInLanguage(
  core: Core,
  win: BrowserWindow,
  settings: DesktopSettings,
  devTools: boolean,
  log: Logger,
): () => void {
  let language: Language = 'id';
  const install = (lang: Language): void => {
    language = lang;
    installMenu(lang, devTools, {
      reload: () => win.webContents.reload(),
      openExternal: (url) => openExternalVetted(url, (u) => shell.openExternal(u), log),
      showAbout: () => {
        const t = MENU_TEXT[lang];
        void dialog.showMessageBox(win, {
          type: 'info',
          title: t.about,
          message: `Sigap ${app.getVersion()}`,
          detail: t.aboutDetail.replace('{dataDir}', settings.dataDir),
        });
      },
    });
  };
  install(language);
  // Main's own reader, not a screen: it never signs in.
  const reader = core.openSession();
  void reader.call('app.status', {}).then((result) => {
    reader.close();
    const status = result.ok ? AppStatus.safeParse(result.value) : undefined;
    if (status?.success && status.data.language !== language) install(status.data.language);
  });
  return core.subscribe((event) => {
    if (event.event === 'app.status' && event.payload.language !== language) {
      install(event.payload.language);
    }
  });
}
