/**
 * dashboard.update_ms: p95 from the hub's emit of a dashboard update to the first frame
 * Chromium paints with it, on a supervisor's desk (hub → desk core → console host →
 * renderer), with 100,000 cases and 1,000,000 calls in the hub's store and 10 lightweight
 * desk clients (their own process) producing 50 hub events a second for 60 s. In the page,
 * each change of the figures' tag (data-seq) is timed once the frame that shows it has been
 * painted (the task after its requestAnimationFrame) against the hub's `emittedAt` (same
 * machine, same clock). `--quick`: a small store and 10 s, to show it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import {
  randomToken,
  runTs,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  until,
  type Proc,
} from '../tests/support/processes';
import { writeDemoAccounts } from '../electron/core/auth/demo-accounts';
import { percentile, round, type Figure } from './lib/figures';
import { seedHubStore } from './lib/hub-seed';

const FULL = { cases: 100_000, calls: 1_000_000, days: 365, seconds: 60 };
const QUICK = { cases: 2_000, calls: 20_000, days: 30, seconds: 10 };
const DESKS = 10;
const EVENTS_PER_SECOND = 50;

export async function dashboardBench(quick = false): Promise<Figure[]> {
  const size = quick ? QUICK : FULL;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH or install chromium)');
  const dir = tempDir('sigap-bench-dashboard-');
  const desks = Array.from({ length: DESKS }, (_, i) => ({
    id: `desk-${i + 1}`,
    token: randomToken(),
  }));
  const supervisorDesk = { id: 'desk-spv', token: randomToken() };
  const tokensFile = writeTokens(dir, [
    ...[...desks, supervisorDesk].map((d) => ({ ...d, kind: 'desk' as const })),
  ]);
  const desksFile = path.join(dir, 'desks.json');
  fs.writeFileSync(desksFile, JSON.stringify(desks));
  // The hub knows the desk's supervisor: it checks the person's token on subscribing.
  const demoFile = path.join(dir, 'desk-spv', 'demo-accounts.json');
  const accounts = writeDemoAccounts(demoFile);
  const seeding = Date.now();
  const { events } = seedHubStore(path.join(dir, 'hub'), {
    cases: size.cases,
    calls: size.calls,
    days: size.days,
    now: Date.now(),
    desks: desks.map((d) => d.id),
  });
  const said = (what: string, since: number) =>
    process.stderr.write(
      `bench: dashboard: ${what} in ${round((Date.now() - since) / 1000, 1)} s\n`,
    );
  said(`seeded ${size.cases} cases, ${size.calls} calls (${events} events)`, seeding);

  const procs: Proc[] = [];
  const browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
    ],
  });
  try {
    const hub = await startHub(path.join(dir, 'hub'), tokensFile, 0, ['--demo-accounts', demoFile]);
    procs.push(hub);
    const host = await startHost({
      dataDir: path.join(dir, 'desk-spv'),
      deskId: supervisorDesk.id,
      hubUrl: hub.url,
      hubToken: supervisorDesk.token,
    });
    procs.push(host);
    // The desk catches up with the hub's history first, as a desk on duty already has; signing
    // in meanwhile could outwait the hub's answer and leave the supervisor without a hub token.
    const catchingUp = Date.now();
    await caughtUp(path.join(dir, 'hub', 'hub.db'), path.join(dir, 'desk-spv'));
    said('the desk caught up with the hub', catchingUp);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // When each update reached the page (its console event), to tell transport from drawing.
    await page.addInitScript(`(() => {
      window.arrivals_ = new Map();
      const receive = (e) => {
        if (typeof e.data !== 'string' || !e.data.startsWith('{"event":"dashboard.changed"')) return;
        const m = /"emittedAt":(\\d+)/.exec(e.data);
        if (m) window.arrivals_.set(Number(m[1]), Date.now());
      };
      const Socket = window.WebSocket;
      window.WebSocket = class extends Socket {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', receive);
        }
      };
    })()`);
    await page.goto(`${host.origin}/#key=${host.key}`);
    await page.getByLabel('Nama pengguna', { exact: true }).fill('supervisor');
    await page
      .getByLabel('Kata sandi', { exact: true })
      .fill(accounts.find((a) => a.username === 'supervisor')!.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Panggilan baru/ }).waitFor();
    await page.getByText('Hub terhubung').waitFor({ timeout: 60_000 });
    await page.keyboard.press('F6');
    const dialog = page.getByRole('dialog', { name: 'Dasbor supervisor' });
    // Partial figures mean the hub refused or never answered: nothing live to measure.
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Langsung dari hub' })
      .waitFor({ timeout: 60_000 });

    // In-page code as text: it runs in Chromium, not in this (Node) program.
    await page.evaluate(`(() => {
      window.paints_ = [];
      const seen = new Set();
      new MutationObserver(() => {
        const body = document.querySelector('.dashboard-body');
        const emitted = Number(body && body.getAttribute('data-emitted-at'));
        const tag = body && body.getAttribute('data-seq') + '@' + emitted;
        if (!emitted || seen.has(tag)) return;
        seen.add(tag);
        // rAF runs before the frame is painted; a task posted from it runs after.
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => {
            const arrived = window.arrivals_.get(emitted);
            window.paints_.push([Date.now() - emitted, arrived ? arrived - emitted : NaN]);
          };
          after.port2.postMessage(null);
        });
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-seq', 'data-emitted-at'] });
    })()`);

    const load = runTs('bench/lib/dashboard-desks.ts', [
      hub.url,
      desksFile,
      String(EVENTS_PER_SECOND),
      String(size.seconds),
    ]);
    procs.push(load);
    await load.waitFor(/done \d+/, (size.seconds + 60) * 1000);
    const paints = (await page.evaluate('window.paints_')) as Array<[number, number]>;
    const sorted = paints.map(([painted]) => painted).sort((a, b) => a - b);
    if (sorted.length === 0) throw new Error('no dashboard update was painted');
    const arrived = paints.map(([, a]) => a).filter((a) => Number.isFinite(a));
    arrived.sort((a, b) => a - b);
    process.stderr.write(
      `bench: dashboard: reached the page p50 ${percentile(arrived, 50)} ms, p95 ${percentile(arrived, 95)} ms (of ${arrived.length})\n`,
    );
    return [
      {
        name: quick ? 'dashboard.update_ms_quick' : 'dashboard.update_ms',
        value: round(percentile(sorted, 95)),
        unit: `ms p95 (${sorted.length} updates, p50 ${round(percentile(sorted, 50))}, max ${round(sorted.at(-1)!)})`,
        target: '≤ 100',
      },
    ];
  } finally {
    await browser.close();
    for (const p of procs.reverse()) await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until the desk's replica holds every event the hub has stored before the load. The
 * hub's own events count too: at start it closes the cases resolved 10 working days ago
 * (tens of thousands in a year's history), after the first look would have read its last seq.
 */
async function caughtUp(hubDb: string, deskDir: string): Promise<void> {
  const hub = new Database(hubDb, { readonly: true });
  const lastSeq = hub.prepare<[], { seq: number }>('SELECT max(seq) AS seq FROM events');
  const file = path.join(deskDir, 'console', 'console.db');
  try {
    await until(
      () => {
        if (!fs.existsSync(file)) return false;
        const last = lastSeq.get()!.seq;
        const desk = new Database(file, { readonly: true, fileMustExist: true });
        try {
          const row = desk.prepare('SELECT last_seq FROM sync_state WHERE id = 1').get() as
            { last_seq: number } | undefined;
          return (row?.last_seq ?? 0) >= last;
        } finally {
          desk.close();
        }
      },
      1_800_000,
      1000,
    );
  } finally {
    hub.close();
  }
}
