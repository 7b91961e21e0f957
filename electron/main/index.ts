/**
 * Electron main process entry (the desktop shell). It stays thin: what must happen before
 * `ready` (scheme privileges, sandbox, profile folder, single-instance lock) and then
 * hands over to startDesktop.
 *
 * Core (store, hub link, API handlers) runs here in the main process rather than in a
 * utility process: its calls are short synchronous SQLite transactions (a save takes a few
 * milliseconds) and the page renders in its own process, so the window stays responsive,
 * while a second process would add a message hop to every save, a second supervisor and a
 * second place for the store to be left half-closed. Core's interface (call /
 * subscribe / close) does not care where it runs; work that can take long (PDF reports,
 * bulk imports) goes to a worker when it lands.
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import { startDesktop } from './desktop';
import { openDesktopLog } from './log';
import { registerAppScheme } from './protocol';
import { readDesktopSettings, type DesktopSettings } from './settings';

/** Settings from the environment, or undefined after telling the operator what is wrong. */
function loadSettings(): DesktopSettings | undefined {
  try {
    return readDesktopSettings({
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      isPackaged: app.isPackaged,
    });
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`sigap desktop: ${message}\n`);
    // An installed app has no terminal: say it on screen (allowed before `ready`).
    dialog.showErrorBox('Sigap', `Sigap tidak dapat dimulai / Sigap could not start:\n${message}`);
    app.exit(2);
    return undefined;
  }
}

registerAppScheme();
app.enableSandbox();

const settings = loadSettings();
if (settings) {
  // Chromium's profile, and with it the single-instance lock, lives in this desk's data dir.
  app.setPath('userData', path.join(settings.dataDir, 'desktop', 'chromium'));
  if (!app.requestSingleInstanceLock()) {
    // Sigap is already open on this data dir: that window comes to the front instead.
    process.stderr.write('sigap desktop: already running; focusing the open window\n');
    app.quit();
  } else {
    const log = openDesktopLog(settings.dataDir, !app.isPackaged);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
    app.on('window-all-closed', () => app.quit());
    app
      .whenReady()
      .then(() => startDesktop(settings, log))
      .catch((error: unknown) => {
        const message = (error as Error).message;
        log.error('desktop failed to start', { error: String(error) });
        process.stderr.write(`sigap desktop: ${message}\n`);
        dialog.showErrorBox(
          'Sigap',
          `Sigap tidak dapat dimulai / Sigap could not start:\n${message}`,
        );
        app.exit(1);
      });
  }
}
