/**
 * The desktop app for Playwright's `_electron`: is it runnable here (an Electron binary and
 * an Electron build of better-sqlite3 that loads), and launching it against a real hub in
 * its own data dir. Never downloads Electron: without a binary the tests skip and say why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';
import { NATIVE_BINDING_ENV } from '../../electron/launch/desktop-handshake';
import { electronBinary, electronPackage } from '../../electron/launch/electron-dist';
import { chooseShell } from '../../electron/launch/shell-choice';
import {
  randomToken,
  repoRoot,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

export type Readiness =
  { ok: true; electronBinary: string; nativeBinding: string } | { ok: false; reason: string };

let readiness: Promise<Readiness> | undefined;

/** Once per run: the binary must already be here; its better-sqlite3 build may be made. */
export function desktopReadiness(): Promise<Readiness> {
  readiness ??= (async (): Promise<Readiness> => {
    const pkg = electronPackage(repoRoot);
    if (!pkg || !electronBinary(pkg)) {
      return {
        ok: false,
        reason:
          'no Electron binary in node_modules/electron/dist (npm install does not fetch it); where the internet allows, `npm start` or `node node_modules/electron/install.js` fetches it',
      };
    }
    if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'))) {
      return { ok: false, reason: 'the app is not built: run `npm run build`' };
    }
    const choice = await chooseShell({
      root: repoRoot,
      dataDir: tempDir('sigap-electron-setup-'),
      forceBrowser: false,
      say: (line) => process.stdout.write(`${line}\n`),
    });
    return choice.kind === 'desktop'
      ? { ok: true, electronBinary: choice.electronBinary, nativeBinding: choice.nativeBinding }
      : { ok: false, reason: choice.reason };
  })();
  return readiness;
}

export interface RunningDesktop {
  app: ElectronApplication;
  hub: HubProc;
  dataDir: string;
  close(): Promise<void>;
}

export async function launchDesktop(
  ready: Extract<Readiness, { ok: true }>,
): Promise<RunningDesktop> {
  const dataDir = tempDir('sigap-electron-');
  const hubDir = path.join(dataDir, 'hub');
  fs.mkdirSync(hubDir, { recursive: true });
  const deskToken = randomToken();
  const hub = await startHub(
    hubDir,
    writeTokens(hubDir, [{ token: deskToken, kind: 'desk', id: 'desk-1' }]),
  );
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  const app = await _electron.launch({
    executablePath: ready.electronBinary,
    // Chromium will not start as root with its OS sandbox; the page is sandboxed regardless.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
    cwd: repoRoot,
    env: {
      ...env,
      SIGAP_DATA_DIR: dataDir,
      SIGAP_HUB_URL: hub.url,
      SIGAP_HUB_TOKEN: deskToken,
      // The tests sign in with the demo accounts.
      SIGAP_DEMO: '1',
      [NATIVE_BINDING_ENV]: ready.nativeBinding,
    },
  });
  return {
    app,
    hub,
    dataDir,
    close: async () => {
      await app.close();
      await hub.stop();
    },
  };
}
