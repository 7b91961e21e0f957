/**
 * Where the desktop app finds its parts and its data: the console settings from the
 * environment (as the browser host reads them), plus the built bundles, the default
 * reference data and the Electron build of better-sqlite3: in a developer run the one
 * `npm start` prepared (SIGAP_NATIVE_BINDING), when installed the one the installer put in
 * resources/native (the checkout's own build is Node's and is left out of the package).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSettings, type ConsoleSettings } from '../core/config';
import { NATIVE_BINDING_ENV } from '../launch/desktop-handshake';

export interface DesktopSettings extends ConsoleSettings {
  rendererDir: string;
  preloadPath: string;
  resourcesDir: string;
  icon: string | undefined;
  /** Electron-ABI better_sqlite3.node; undefined means the package's own build. */
  nativeBinding: string | undefined;
}

export interface AppLocation {
  /** app.getAppPath(): the checkout in a developer run, app.asar when installed. */
  appPath: string;
  /** process.resourcesPath: beside app.asar when installed. */
  resourcesPath: string;
  isPackaged: boolean;
}

export function readDesktopSettings(
  where: AppLocation,
  env: NodeJS.ProcessEnv = process.env,
): DesktopSettings {
  const base = readSettings(env);
  const fromEnv = env[NATIVE_BINDING_ENV] || undefined;
  if (fromEnv !== undefined && (!path.isAbsolute(fromEnv) || !fs.existsSync(fromEnv))) {
    throw new Error(`${NATIVE_BINDING_ENV}: ${fromEnv} is not an existing absolute path`);
  }
  const installed = path.join(where.resourcesPath, 'native', 'better_sqlite3.node');
  if (where.isPackaged && fromEnv === undefined && !fs.existsSync(installed)) {
    throw new Error(`this installation is incomplete: ${installed} is missing; reinstall Sigap`);
  }
  const binding = fromEnv ?? (where.isPackaged ? installed : undefined);
  const devIcon = path.join(where.appPath, 'resources', 'icons', '512x512.png');
  return {
    ...base,
    rendererDir: path.join(where.appPath, 'out', 'renderer'),
    preloadPath: path.join(where.appPath, 'out', 'preload', 'index.cjs'),
    // Installed: electron-builder copies resources/data beside app.asar (extraResources).
    resourcesDir: where.isPackaged
      ? path.join(where.resourcesPath, 'data')
      : path.join(where.appPath, 'resources', 'data'),
    // Installed builds carry their icon in the executable and desktop entry.
    icon: !where.isPackaged && fs.existsSync(devIcon) ? devIcon : undefined,
    nativeBinding: binding,
  };
}
