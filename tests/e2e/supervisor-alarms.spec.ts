/**
 * Alarms that reach a person, in Chromium: an operator's desk and a supervisor's desk on
 * one hub, with the consoles' clock moved forward by the test (SIGAP_TEST_CLOCK_FILE, only
 * with SIGAP_TEST=1). An emergency nobody accepts within its 5 minutes turns red on the
 * operator's desk and raises a sounding alarm on the supervisor's; the supervisor
 * acknowledges it with Alt+A, re-routes the case by keyboard, and the new OPD's inbox page
 * shows it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from './support/test';
import { writeDemoAccounts } from '../../electron/core/auth/demo-accounts';
import {
  randomToken,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type Proc,
} from '../support/processes';
import { inboxItem, openInbox } from './support/inbox';
import { field, queueRow, signInAs } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const MIN = 60_000;

/** Counts the tones the page starts (each call goes on to the real Web Audio API). */
const COUNT_TONES = `
  window.tones = 0;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.tones += 1;
    return create.call(this);
  };
`;
const tones = (page: Page) => page.evaluate('window.tones') as Promise<number>;

/** Records each notification the page builds (then builds the real one). */
const RECORD_NOTIFICATIONS = `
  window.notes = [];
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      window.notes.push({ title, body: options && options.body });
      super(title, options);
    }
    static get permission() {
      return Real.permission;
    }
    static requestPermission() {
      return Real.requestPermission();
    }
  };
`;
const notes = (page: Page) =>
  page.evaluate('window.notes') as Promise<Array<{ title: string; body: string }>>;

async function deskPage(
  browser: Browser,
  host: { origin: string; key: string },
  dataDir: string,
  username: string,
) {
  // The browser's notifications are permitted: a new alarm shows as one.
  const context = await browser.newContext({
    locale: 'id-ID',
    timezoneId: 'UTC',
    permissions: ['notifications'],
  });
  await context.addInitScript({ content: COUNT_TONES });
  await context.addInitScript({ content: RECORD_NOTIFICATIONS });
  const page = await context.newPage();
  await signInAs(page, { consoleUrl: `${host.origin}/#key=${host.key}`, dataDir }, username);
  return page;
}

test('an unaccepted emergency alarms the supervisor, who acknowledges and re-routes it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = tempDir('sigap-e2e-');
  const clock = path.join(dir, 'clock-offset-ms');
  fs.writeFileSync(clock, '0');
  const tokens = {
    'desk-1': randomToken(),
    'desk-2': randomToken(),
    damkar: randomToken(),
    bpbd: randomToken(),
  };
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
    { token: tokens.damkar, kind: 'opd', id: 'damkar' },
    { token: tokens.bpbd, kind: 'opd', id: 'bpbd' },
  ]);
  // One set of demo accounts for the hub and both desks: the hub checks the supervisor's token.
  const demo = path.join(dir, 'demo-accounts.json');
  writeDemoAccounts(demo);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile, 0, ['--demo-accounts', demo]);
  procs.push(hub);
  const desk = async (deskId: 'desk-1' | 'desk-2', username: string) => {
    const dataDir = path.join(dir, deskId);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.copyFileSync(demo, path.join(dataDir, 'demo-accounts.json'));
    const host = await startHost({
      dataDir,
      deskId,
      hubUrl: hub.url,
      hubToken: tokens[deskId],
      extra: { SIGAP_TEST: '1', SIGAP_TEST_CLOCK_FILE: clock },
    });
    procs.push(host);
    return deskPage(browser, host, dataDir, username);
  };
  const operator = await desk('desk-1', 'operator');
  const supervisor = await desk('desk-2', 'supervisor');
  const panel = supervisor.getByRole('region', { name: 'Alarm supervisor' });
  await expect(panel.getByRole('status')).toHaveText('Tidak ada alarm aktif.');
  // The operator has no alarm panel.
  await expect(operator.getByRole('region', { name: 'Alarm supervisor' })).toHaveCount(0);

  // The operator records a dangerous animal and sends it to Damkar with Alt+K.
  await operator.keyboard.press('F2');
  await field(operator, 'Nomor penelepon').fill('081234567890');
  await field(operator, 'Kategori').fill('Hewan berbahaya');
  await field(operator, 'Uraian').fill('Ular kobra masuk rumah warga');
  await field(operator, 'Kelurahan').fill('Kejuron');
  await field(operator, 'Kelurahan').press('Tab');
  await field(operator, 'Uraian').focus();
  await operator.keyboard.press('Alt+K');
  await expect(operator.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
  const row = queueRow(operator, 'Ular kobra masuk rumah warga');
  await expect(row).toContainText('Terkirim ke OPD');
  await expect(queueRow(supervisor, 'Ular kobra masuk rumah warga')).toContainText(
    'Terkirim ke OPD',
  );
  await expect(panel.getByRole('status')).toHaveText('Tidak ada alarm aktif.');

  // Eight minutes later nobody at Damkar has accepted it.
  const quietTones = await tones(supervisor);
  fs.writeFileSync(clock, String(8 * MIN));
  await expect(row).toHaveClass(/call-alarm/, { timeout: 20_000 });
  await expect(panel.getByRole('status')).toHaveText('1 alarm aktif · 1 belum diketahui', {
    timeout: 20_000,
  });
  const alarm = panel.getByRole('listitem').filter({ hasText: 'Damkar' });
  await expect(alarm).toContainText('Terlambat · Damkar · belum diterima OPD');
  await expect.poll(() => tones(supervisor)).toBeGreaterThan(quietTones);
  // Where the browser permits notifications, the alarm is also a desktop notification.
  await expect
    .poll(() => notes(supervisor))
    .toContainEqual({
      title: 'Alarm: Damkar Terlambat',
      body: expect.stringMatching(/^Disposisi belum diterima OPD sejak \d\d\.\d\d WIB$/),
    });

  // Alt+A on the focused alarm acknowledges it, for every supervisor, with who and when.
  await alarm.focus();
  await supervisor.keyboard.press('Alt+A');
  await expect(alarm).toContainText(/Diketahui Supervisor Demo \(desk-2\) pukul \d\d\.\d\d WIB/);
  await expect(panel.getByRole('status')).toHaveText('1 alarm aktif');
  const ackedTones = await tones(supervisor);
  await supervisor.waitForTimeout(4_000);
  expect(await tones(supervisor)).toBe(ackedTones);

  // The supervisor opens the case and re-routes it to BPBD, by keyboard.
  await alarm.getByRole('button', { name: 'Buka laporan' }).click();
  const dialog = supervisor.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Ular kobra masuk rumah warga');
  const actions = dialog.getByRole('region', { name: 'Tindakan supervisor' });
  await expect(actions.getByRole('button', { name: /Alihkan dari Damkar/ })).toContainText(
    'Alt+Shift+R',
  );
  await supervisor.keyboard.press('Alt+Shift+R');
  await actions.getByLabel('OPD tujuan baru').selectOption({ label: 'BPBD' });
  await actions.getByLabel('Alasan pengalihan').fill('Damkar tidak menjawab, BPBD siaga');
  await actions.getByLabel('Alasan pengalihan').press('Enter');
  await expect(actions.getByRole('status')).toHaveText('Dialihkan ke BPBD.');
  await expect(
    dialog
      .getByRole('region', { name: 'Disposisi' })
      .getByRole('listitem')
      .filter({
        hasText: /^BPBD · /,
      }),
  ).toBeVisible();
  await expect(
    dialog
      .getByRole('region', { name: 'Disposisi' })
      .getByRole('listitem')
      .filter({
        hasText: /^Damkar · ditarik/,
      }),
  ).toBeVisible();

  // BPBD's inbox page shows the case; the alarm on Damkar's withdrawn dispatch is gone.
  const { context, clerk } = await openInbox(browser, `${hub.url}/`, tokens.bpbd, 'Rina');
  await expect(inboxItem(clerk, 'Ular kobra masuk rumah warga')).toBeVisible();
  await context.close();
  await supervisor.keyboard.press('Escape');
  // (BPBD's new dispatch is stamped with the hub's clock, which the test does not move: only
  // Damkar's alarm is looked at here.)
  await expect(panel.getByRole('listitem').filter({ hasText: 'Damkar' })).toHaveCount(0, {
    timeout: 20_000,
  });
});
