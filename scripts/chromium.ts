/**
 * Finds a Chromium for the browser tests: CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own download. As root on Debian with none of them, installs the
 * `chromium` package; otherwise says in one line what to install.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.CHROMIUM_PATH) list.push(process.env.CHROMIUM_PATH);
  list.push('/usr/bin/chromium');
  try {
    list.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return list;
}

export function findChromium(): string | undefined {
  return candidates().find((p) => fs.existsSync(p));
}

const isDebianRoot = () => process.getuid?.() === 0 && fs.existsSync('/etc/debian_version');

export function provisionChromium(say: (line: string) => void): string {
  const found = findChromium();
  if (found) return found;
  if (!isDebianRoot()) {
    throw new Error(
      'No Chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  say('No Chromium found; installing Debian package "chromium"…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed; install chromium or set CHROMIUM_PATH.`);
  }
  const installed = findChromium();
  if (!installed) throw new Error('chromium was installed but /usr/bin/chromium is missing.');
  return installed;
}
