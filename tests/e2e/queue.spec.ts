/**
 * The operator's queue in Chromium against the console as `npm start` runs it: how it
 * looks on a 1366×768 screen with a seeded store, ages that move with the clock, date
 * filters read day first whatever the browser's locale, and an OPD list that starts empty.
 */
import { expect, test, type Page } from '@playwright/test';
import { runTs, startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { signInOperator } from './support/operator';

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
