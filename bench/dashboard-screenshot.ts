/**
 * Makes docs/dashboard.png: the supervisor's dashboard at 1366×768 over a realistic week
 * of a center (a seeded hub store), with desks signed in and some OPD inboxes open, in
 * Chromium. It is shot at 16.00 WIB of the latest afternoon (the hub, the desk and the page
 * all run on that clock), so "today by hour" has a day's worth of calls whenever it is run. Run again after changing the screen: `npx tsx bench/dashboard-screenshot.ts`.
 * Fails if the dashboard would scroll sideways at that size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { io } from 'socket.io-client';
import { seedHubStore } from './lib/hub-seed';
import {
  randomToken,
  repoRoot,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type Proc,
} from '../tests/support/processes';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import { writeDemoAccounts } from '../electron/core/auth/demo-accounts';

const OUT = path.join(repoRoot, 'docs', 'dashboard.png');
const DESKS = ['desk-1', 'desk-2', 'desk-3', 'desk-4'];
const WATCHED_OPDS = ['dishub', 'dpupr', 'damkar', 'dinkes'];
const HOUR_MS = 3_600_000;
const WIB_MS = 7 * HOUR_MS;

/** The latest 16.00 WIB not in the future. */
function latestAfternoon(now: number): number {
  const day = 24 * HOUR_MS;
  const at = Math.floor((now + WIB_MS) / day) * day - WIB_MS + 16 * HOUR_MS;
  return at <= now ? at : at - day;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH or install chromium)');
  const dir = tempDir('sigap-dashboard-shot-');
  const procs: Proc[] = [];
  const sockets: Array<{ close(): void }> = [];
  const tokens = Object.fromEntries([...DESKS, ...WATCHED_OPDS].map((id) => [id, randomToken()]));
  const tokensFile = writeTokens(dir, [
    ...DESKS.map((id) => ({ token: tokens[id]!, kind: 'desk' as const, id })),
    ...WATCHED_OPDS.map((id) => ({ token: tokens[id]!, kind: 'opd' as const, id })),
  ]);
  // The hub knows the desk's supervisor: it checks the person's token on subscribing.
  const demoFile = path.join(dir, 'desk-4', 'demo-accounts.json');
  const accounts = writeDemoAccounts(demoFile);
  const shotAt = latestAfternoon(Date.now());
  const offset = shotAt - Date.now();
  // The test clock of the hub and the desk: the offset from the real time, in a file.
  const clockFile = path.join(dir, 'clock-offset');
  fs.writeFileSync(clockFile, String(offset));
  const clockEnv = { SIGAP_TEST: '1', SIGAP_TEST_CLOCK_FILE: clockFile };
  seedHubStore(path.join(dir, 'hub'), {
    cases: 420,
    calls: 1400,
    days: 7,
    now: shotAt,
    desks: DESKS.slice(0, 3),
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const hub = await startHub(
      path.join(dir, 'hub'),
      tokensFile,
      0,
      ['--demo-accounts', demoFile],
      clockEnv,
    );
    procs.push(hub);
    // Two desks as lightweight peers, each with its operator signed in; one on a call.
    for (const [deskId, person, onCall] of [
      ['desk-2', 'Dewi Lestari', true],
      ['desk-3', 'Agus Salim', false],
    ] as const) {
      const s = io(`${hub.url}/desk`, {
        auth: { token: tokens[deskId] },
        transports: ['websocket'],
      });
      sockets.push(s);
      await s.timeout(5000).emitWithAck('desk.person', {
        people: [{ name: person, role: 'operator' }],
        onCall,
        actor: { id: deskId, role: 'desk', person },
      });
    }
    for (const opdId of WATCHED_OPDS) {
      const s = io(`${hub.url}/opd`, { auth: { token: tokens[opdId] }, transports: ['websocket'] });
      sockets.push(s);
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    }
    const host = await startHost({
      dataDir: path.join(dir, 'desk-4'),
      deskId: 'desk-4',
      hubUrl: hub.url,
      hubToken: tokens['desk-4'],
      extra: clockEnv,
    });
    procs.push(host);
    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    });
    // The page's own clock (the header's time) on the same afternoon, running on from there.
    await page.clock.install({ time: Date.now() + offset });
    await page.clock.resume();
    await page.goto(`${host.origin}/#key=${host.key}`);
    await page.getByLabel('Nama pengguna', { exact: true }).fill('supervisor');
    await page
      .getByLabel('Kata sandi', { exact: true })
      .fill(accounts.find((a) => a.username === 'supervisor')!.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Panggilan baru/ }).waitFor();
    // The desk first catches up with the hub's week of events, as a desk on duty already has.
    await page
      .getByRole('region', { name: 'Tabel antrean' })
      .locator('tbody tr:not([aria-hidden])')
      .first()
      .waitFor({ timeout: 120_000 });
    await page.keyboard.press('F6');
    const dialog = page.getByRole('dialog', { name: 'Dasbor supervisor' });
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Langsung dari hub' })
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: '/tmp/dash-fail.png' });
        throw e;
      });
    await dialog.getByRole('table', { name: 'OPD', exact: true }).waitFor();
    await page.waitForTimeout(500);
    const sideways = await dialog.evaluate(
      (d) => d.scrollWidth > d.clientWidth || d.ownerDocument.documentElement.scrollWidth > 1366,
    );
    if (sideways) throw new Error('the dashboard scrolls sideways at 1366×768');
    await page.screenshot({ path: OUT });
    process.stdout.write(`wrote ${path.relative(repoRoot, OUT)}\n`);
  } finally {
    for (const s of sockets) s.close();
    await browser.close();
    for (const p of procs.reverse()) await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dashboard screenshot: ${(error as Error).message}\n`);
  process.exit(1);
});
