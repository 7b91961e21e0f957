/**
 * "Telepon OPD" is not hidden in a dialog. Two desks on one hub, in Chromium, with the
 * consoles' clock moved forward by the test (SIGAP_TEST_CLOCK_FILE, honoured only with
 * SIGAP_TEST=1): an emergency left unaccepted for eight minutes turns its queue row red on
 * both desks, is counted in both status bars, is one key (Alt+T) away with the OPD's duty
 * number, and the desk holding it hears one alarm per red episode — not one per refresh.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from './support/test';
import {
  randomToken,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type Proc,
} from '../support/processes';
import { field, queueRow, signInOperator } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const MIN = 60_000;

/**
 * Counts what the page asks of the real Notification and Web Audio APIs (each call goes
 * on to the real one), so the test can tell how often the desk was alerted. Plain script
 * text: it runs in the page, before the console's own code.
 */
const COUNT_ALERTS = `
  const spy = { notifications: [], oscillators: 0 };
  window.alarmSpy = spy;
  const Real = window.Notification;
  class Counted extends Real {
    constructor(title, options) {
      spy.notifications.push(title);
      super(title, options);
    }
    static get permission() { return Real.permission; }
    static requestPermission(...args) { return Real.requestPermission(...args); }
  }
  window.Notification = Counted;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    spy.oscillators += 1;
    return create.call(this);
  };
`;

const alerts = (page: Page) =>
  page.evaluate('window.alarmSpy') as Promise<{ notifications: string[]; oscillators: number }>;

async function deskPage(browser: Browser, host: { origin: string; key: string }, dataDir: string) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' });
  await context.grantPermissions(['notifications'], { origin: host.origin });
  await context.addInitScript({ content: COUNT_ALERTS });
  const page = await context.newPage();
  await signInOperator(page, { consoleUrl: `${host.origin}/#key=${host.key}`, dataDir });
  return page;
}

const alarmCount = (page: Page) => page.getByRole('status', { name: 'Perlu telepon OPD' });

test('an emergency unaccepted for 8 minutes is red on every desk, counted, and one key away', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = tempDir('sigap-e2e-');
  const clock = path.join(dir, 'clock-offset-ms');
  fs.writeFileSync(clock, '0');
  const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken() };
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
  ]);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile);
  procs.push(hub);
  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const dataDir = path.join(dir, deskId);
    const host = await startHost({
      dataDir,
      deskId,
      hubUrl: hub.url,
      hubToken: tokens[deskId],
      extra: { SIGAP_TEST: '1', SIGAP_TEST_CLOCK_FILE: clock },
    });
    procs.push(host);
    return deskPage(browser, host, dataDir);
  };
  const desk1 = await desk('desk-1');
  const desk2 = await desk('desk-2');

  // Desk 1 records a fallen tree and sends it to DLH and Dishub with Alt+K.
  await desk1.keyboard.press('F2');
  await field(desk1, 'Nomor penelepon').fill('081234567890');
  await field(desk1, 'Kategori').fill('Pohon tumbang');
  await field(desk1, 'Uraian').fill('Pohon tumbang menutup Jl. Pahlawan');
  await field(desk1, 'Kelurahan').fill('Kejuron');
  await field(desk1, 'Kelurahan').press('Tab');
  await field(desk1, 'Uraian').focus();
  await desk1.keyboard.press('Alt+K');
  await expect(desk1.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  const row1 = queueRow(desk1, 'Pohon tumbang menutup Jl. Pahlawan');
  const row2 = queueRow(desk2, 'Pohon tumbang menutup Jl. Pahlawan');
  await expect(row1).toContainText('Terkirim ke OPD');
  await expect(row2).toContainText('Terkirim ke OPD'); // the replica, dispatches included
  // Within the 5-minute accept target nothing is red, nowhere.
  for (const row of [row1, row2]) {
    await expect(row).not.toHaveClass(/call-alarm/);
    await expect(row).not.toContainText('Telepon OPD');
  }
  await expect(alarmCount(desk1)).toHaveText('');

  // Eight minutes later, still unaccepted.
  fs.writeFileSync(clock, String(8 * MIN));
  for (const [page, row] of [
    [desk1, row1],
    [desk2, row2],
  ] as const) {
    await expect(row).toHaveClass(/call-alarm/, { timeout: 20_000 });
    await expect(row).toContainText('☎ Telepon OPD');
    await expect(alarmCount(page)).toContainText('2 perlu telepon OPD');
    await expect(alarmCount(page)).toContainText('Alt+T');
  }

  // The desk holding the case heard it and got a notification per dispatch; desk 2 did not.
  await expect
    .poll(async () => (await alerts(desk1)).notifications.sort())
    .toEqual(['Telepon DLH', 'Telepon Dishub']);
  const firstTones = (await alerts(desk1)).oscillators;
  expect(firstTones).toBeGreaterThan(0);
  expect(await alerts(desk2)).toEqual({ notifications: [], oscillators: 0 });

  // One key from anywhere on desk 2 opens the case, with the OPD's duty number.
  await desk2.keyboard.press('Alt+T');
  const dialog = desk2.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Pohon tumbang menutup Jl. Pahlawan');
  const dlh = dialog
    .getByRole('region', { name: 'Disposisi' })
    .getByRole('listitem')
    .filter({ hasText: 'DLH' });
  await expect(dlh).toContainText('Telepon OPD');
  await expect(dlh).toContainText('DLH (0351) 462 003');

  // Desk 2 phones DLH: every desk counts one call left; Dishub stays red.
  await dlh.getByRole('button', { name: 'DLH sudah ditelepon' }).click();
  await expect(dlh).not.toContainText('Telepon OPD');
  await expect(alarmCount(desk2)).toContainText('1 perlu telepon OPD');
  await expect(alarmCount(desk1)).toContainText('1 perlu telepon OPD', { timeout: 20_000 });
  await expect(row1).toHaveClass(/call-alarm/);

  // Several checks later no alarm was repeated.
  await desk1.waitForTimeout(12_000);
  expect((await alerts(desk1)).notifications).toHaveLength(2);
  expect((await alerts(desk1)).oscillators).toBe(firstTones);

  // Five minutes after the call DLH has still not accepted: a new red episode, a new alarm.
  fs.writeFileSync(clock, String(13 * MIN + 30_000));
  await expect(alarmCount(desk1)).toContainText('2 perlu telepon OPD', { timeout: 20_000 });
  await expect.poll(async () => (await alerts(desk1)).notifications).toHaveLength(3);
  expect((await alerts(desk1)).notifications[2]).toBe('Telepon DLH');
  expect((await alerts(desk1)).oscillators).toBeGreaterThan(firstTones);
});
