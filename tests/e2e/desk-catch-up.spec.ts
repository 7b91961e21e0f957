/**
 * A desk catching up after the hub was away: thousands of events arrive at once (a busy
 * center's hours, the hub's own closing of resolved cases), each a change the screens hear
 * of. The supervisor's console stays usable meanwhile: the dashboard opens live from the
 * hub, and the queue refreshes a few times for the burst, not once per event — one read per
 * event filled the browser's connections to the console, and the dashboard's own call
 * waited behind them or failed. Real hub, real desk host, real Chromium.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/test';
import { seedHubStore } from '../../bench/lib/hub-seed';
import { startHub, until, type Proc } from '../support/processes';
import { deskPage, startCenter, startDesk } from './support/center';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const lastSeq = (file: string, sql: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { seq: number | null } | undefined)?.seq ?? 0;
  } finally {
    db.close();
  }
};

test('a desk catching up thousands of events: the dashboard opens live, the queue reads a few times', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [{ kind: 'desk', id: 'desk-spv' }]);
  const desk = await startDesk(center, 'desk-spv');
  const page = await deskPage(browser, desk, 'supervisor');
  await expect(page.getByText('Hub terhubung')).toBeVisible({ timeout: 30_000 });

  // The hub goes away; meanwhile the center's month happens (written into its store as the
  // hub would have); then it comes back on the same address and the desk catches up.
  await center.hub.stop();
  procs.splice(procs.indexOf(center.hub), 1);
  const hubDir = path.join(center.dir, 'hub');
  seedHubStore(hubDir, { cases: 3_000, calls: 0, days: 30, now: Date.now(), desks: ['desk-1'] });
  const hubFile = path.join(hubDir, 'hub.db');
  const before = lastSeq(
    path.join(desk.dataDir, 'console', 'console.db'),
    'SELECT last_seq AS seq FROM sync_state WHERE id = 1',
  );

  const reads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/call/queue.list') reads.push(r.url());
  });
  procs.push(
    await startHub(hubDir, path.join(center.dir, 'tokens.json'), center.hub.port, [
      '--demo-accounts',
      path.join(center.dir, 'demo-accounts.json'),
    ]),
  );
  await expect(page.getByText('Hub terhubung')).toBeVisible({ timeout: 60_000 });

  // While the desk applies the month, the supervisor opens the dashboard: live figures.
  await page.keyboard.press('F6');
  const dialog = page.getByRole('dialog', { name: 'Dasbor supervisor' });
  await expect(dialog.getByRole('status')).toContainText('Langsung dari hub', { timeout: 30_000 });

  await until(
    () =>
      lastSeq(
        path.join(desk.dataDir, 'console', 'console.db'),
        'SELECT last_seq AS seq FROM sync_state WHERE id = 1',
      ) >= lastSeq(hubFile, 'SELECT max(seq) AS seq FROM events'),
    120_000,
    250,
  );
  const events = lastSeq(hubFile, 'SELECT max(seq) AS seq FROM events') - before;
  expect(events).toBeGreaterThan(10_000);
  // Each event of a case is a change; the queue on screen is refreshed for the burst, a
  // few times a second at most, not for each one.
  expect(reads.length).toBeLessThan(events / 20);

  // The queue shows what the desk holds once the burst is over.
  await page.keyboard.press('Escape');
  const stored = lastSeq(
    path.join(desk.dataDir, 'console', 'console.db'),
    'SELECT count(*) AS seq FROM cases',
  );
  await expect(page.getByRole('heading', { name: /Antrean laporan/ })).toContainText(`(${stored})`);
});
