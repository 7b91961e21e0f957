/**
 * Builds the console UI (and the desktop shell's bundles) and the OPD inbox page the hub
 * serves when the sources are newer than the last build, so `npm start` on a fresh
 * checkout just works.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

const SOURCES = [
  'renderer',
  'shared',
  'electron/main',
  'electron/preload',
  // Bundled into the desktop app's main process too.
  'electron/core',
  'electron/launch/desktop-handshake.ts',
  'electron.vite.config.ts',
  'hub/inbox',
  'inbox.vite.config.ts',
  'package.json',
];
export const BUILD_STAMP = path.join(repoRoot, 'out', 'renderer', 'index.html');
const INBOX_STAMP = path.join(repoRoot, 'out', 'inbox', 'index.html');

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_STAMP) || !fs.existsSync(INBOX_STAMP)) return true;
  const built = Math.min(fs.statSync(BUILD_STAMP).mtimeMs, fs.statSync(INBOX_STAMP).mtimeMs);
  return SOURCES.some((s) => newestMtime(path.join(repoRoot, s)) > built);
}

export function build(): void {
  const cli = path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the console failed (see above)');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const inbox = spawnSync(process.execPath, [vite, 'build', '-c', 'inbox.vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (inbox.status !== 0) throw new Error('building the OPD inbox page failed (see above)');
}
