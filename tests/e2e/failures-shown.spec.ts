/**
 * Failures reach the operator, in Indonesian, where they look: reference data that cannot
 * be loaded says so with a retry instead of "Memuat…" for ever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field } from './support/operator';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

test('reference data that fails to load is shown as an error with a retry', async ({ page }) => {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(launcher.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  // The console cannot be reached for the reference data (the link drops mid-call).
  await page.route('**/api/call/reference.get', (route) => route.abort('connectionreset'));
  await page.goto(launcher.consoleUrl);
  await field(page, 'Nama pengguna').fill('operator');
  await field(page, 'Kata sandi').fill(accounts.find((a) => a.username === 'operator')!.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText(
    'Data rujukan (kategori, wilayah, OPD) gagal dimuat: Layanan konsol tidak dapat dihubungi.',
  );
  await expect(page.getByText('Memuat…')).toHaveCount(0);

  // Back online, one retry brings the desk up.
  await page.unroute('**/api/call/reference.get');
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
