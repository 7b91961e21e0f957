/**
 * Electron main process entry (the desktop shell). It stays thin: windows, menus,
 * printing and IPC binding only; the console backend lives in electron/core.
 * Until the desktop window lands, `npm start` serves the browser host instead.
 */
import { app } from 'electron';

void app.whenReady().then(() => {
  process.stderr.write(
    'The Sigap desktop window is not available in this build; run `npm start`.\n',
  );
  app.quit();
});
