/**
 * The Electron binary of this checkout: where it is, which version, and one attempt to
 * fetch it with Electron's own installer (package.json's allowScripts keeps that from
 * running at `npm install`, so machines that reach only the npm registry install cleanly).
 */
import fs from 'node:fs';
import path from 'node:path';
import { runTool, type ToolRun } from './run-tool';

export interface ElectronPackage {
  dir: string;
  version: string;
  /** The Node ABI of this Electron (its native-module version), e.g. "145". */
  abi: string;
}

export function electronPackage(root: string): ElectronPackage | undefined {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
    return { dir, version, abi };
  } catch {
    return undefined;
  }
}

/**
 * The executable, found the way the electron package finds it (dist/ + path.txt), without
 * requiring the package: its index.js throws when the binary is missing.
 */
export function electronBinary(pkg: ElectronPackage): string | undefined {
  try {
    const relative = fs.readFileSync(path.join(pkg.dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(pkg.dir, 'dist', relative);
    return relative && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Electron's zip is about 100 MB; offline machines fail within a second. */
export const ELECTRON_DOWNLOAD_TIMEOUT_MS = 120_000;

export function downloadElectron(
  pkg: ElectronPackage,
  timeoutMs = ELECTRON_DOWNLOAD_TIMEOUT_MS,
): Promise<ToolRun> {
  return runTool(process.execPath, [path.join(pkg.dir, 'install.js')], {
    cwd: pkg.dir,
    timeoutMs,
    // npm skips the script; running it by hand must not be skipped by an inherited flag.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
}
