/**
 * The operator's queue in Chromium against the console as `npm start` runs it: how it
 * looks on a 1366×768 screen with a seeded store, ages that move with the clock, date
 * filters read day first whatever the browser's locale, and an OPD list that starts empty.
 */
import { expect, test, type Page } from './support/test';
import { formatWibDay, nextWibDay, parseWibDay } from '../../shared/time';
import { runTs, startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { openCase, queueCell, queueRow, recordCase, signInOperator } from './support/operator';

let launcher: LauncherProc | undefined;

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
});

/** A desk whose store already holds `cases` synthetic cases (npm run seed). */
async function seededLauncher(cases: number): Promise<LauncherProc> {
  const dataDir = tempDir('sigap-e2e-');
  const seed = runTs('scripts/seed.ts', ['--cases', String(cases), '--seed', '7', '--days', '3'], {
    SIGAP_DATA_DIR: dataDir,
  });
  expect(await seed.exited()).toBe(0);
  return startLauncher(dataDir);
}

const table = (page: Page) => page.getByRole('region', { name: 'Tabel antrean' });

test('at 1366×768 the queue rows sit edge to edge and the description column is in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  launcher = await seededLauncher(300);
  await signInOperator(page, launcher);
  const rows = table(page).getByRole('row');
  await expect(rows.nth(12)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('queue-1366x768.png') });

  // Each data row starts where the one above it ends: no blank band between them.
  const boxes = await rows.evaluateAll((trs) =>
    trs.slice(1, 12).map((tr) => {
      const r = tr.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    }),
  );
  for (let i = 1; i < boxes.length; i++)
    expect(Math.abs(boxes[i]!.top - boxes[i - 1]!.bottom)).toBeLessThanOrEqual(1);

  // The description column, header and cells, is inside the window without scrolling.
  const header = table(page).getByRole('columnheader', { name: 'Uraian' });
  await expect(header).toBeInViewport({ ratio: 1 });
  const cell = rows.nth(1).getByRole('cell').last();
  await expect(cell).toBeInViewport({ ratio: 1 });
  const { width } = (await cell.boundingBox())!;
  expect(width).toBeGreaterThan(120); // wide enough to read a few words

  // Still so while a call is being typed beside the queue.
  await page.keyboard.press('F2');
  await expect(page.getByLabel('Nomor penelepon', { exact: true })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('queue-1366x768-intake.png') });
  await expect(header).toBeInViewport({ ratio: 1 });
  await expect(cell).toBeInViewport({ ratio: 1 });
});

test('the age column moves with the clock', async ({ page }) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  // The page's clock is under the test's hand; it starts at the real time, like core's.
  await page.clock.install({ time: Date.now() });
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Sampah menumpuk di Jl. Cokroaminoto' });
  const age = await queueCell(page, 'Sampah menumpuk di Jl. Cokroaminoto', 'Umur');
  await expect(age).toHaveText('0 mnt');

  await page.clock.fastForward('06:30');
  await expect(age).toHaveText('6 mnt');
  await page.clock.fastForward('01:00:00');
  await expect(age).toHaveText('1 jam');
});

test('the OPD list of an open case starts on no OPD, and sending asks for one', async ({
  page,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Sampah di selokan depan pasar' });
  const dialog = await openCase(page, 'Sampah di selokan depan pasar');
  const picker = dialog.getByLabel('OPD tujuan');
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option:checked')).toHaveText('— pilih OPD —');

  await dialog.getByRole('button', { name: 'Kirim ke OPD' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Pilih OPD tujuan dulu.');
  await expect(dialog.getByRole('region', { name: 'Disposisi' })).toContainText(
    'Belum ada disposisi.',
  );

  // Chosen by hand, it goes there and the list is empty again.
  await picker.selectOption('dishub');
  await dialog.getByRole('button', { name: 'Kirim ke OPD' }).click();
  await expect(
    dialog.getByRole('region', { name: 'Disposisi' }).getByRole('listitem'),
  ).toContainText(['Dishub']);
  await expect(picker).toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('date filters read dd/mm/yyyy (WIB days) in an en-US browser', async ({ browser }) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Pohon tumbang di Jl. Diponegoro' });
  const row = queueRow(page, 'Pohon tumbang di Jl. Diponegoro');
  await expect(row).toHaveCount(1);

  const today = formatWibDay(Date.now());
  const tomorrow = formatWibDay(nextWibDay(parseWibDay(today)!));
  const from = page.getByLabel('Dari tanggal');
  const to = page.getByLabel('Sampai tanggal');

  await from.fill(tomorrow);
  await expect(row).toHaveCount(0);
  await expect(from).toHaveValue(tomorrow);
  await from.fill(today);
  await to.fill(today);
  await expect(row).toHaveCount(1);
  await expect(to).toHaveValue(today);
  await expect(to).toHaveAttribute('placeholder', 'hh/bb/tttt');

  // Day first, always: a month-first date is refused by name and filters nothing.
  await to.fill('12/31/2026');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Tanggal tidak valid');
  await expect(row).toHaveCount(1);
  // A day typed short reads back in full once the operator moves on.
  const [d, m, y] = today.split('/').map(Number);
  await to.fill(`${d}/${m}/${y}`);
  await to.press('Tab');
  await expect(to).toHaveValue(today);
  await context.close();
});
