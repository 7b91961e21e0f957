/**
 * Exports in the center audit log, on screen: a supervisor on a desk joined to a hub exports
 * calls (F8) with numbers in full, then finds that export in F10's audit log, filtered to
 * exports: who, which desk, the range, and that the numbers were in full.
 */
import { expect, test } from './support/test';
import { formatWibDay } from '../../shared/time';
import { deskPage, startCenter, startDesk } from './support/center';
import { field } from './support/operator';
import type { Proc } from '../support/processes';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

test("a supervisor's export stands in the center audit log, found by its filter", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [{ kind: 'desk', id: 'desk-1' }]);
  const desk = await startDesk(center, 'desk-1');
  const page = await deskPage(browser, desk, 'supervisor');

  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog', { name: 'Ekspor laporan dan panggilan' });
  await expect(dialog.getByRole('combobox', { name: 'Data' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Data' }).selectOption({ label: 'Panggilan' });
  const today = formatWibDay(Date.now());
  await field(page, 'Dari tanggal (dd/mm/yyyy)').fill(today);
  await field(page, 'Sampai tanggal (dd/mm/yyyy)').fill(today);
  await dialog.getByRole('checkbox', { name: /nomor penelepon lengkap/ }).check();
  await field(page, 'Sampai tanggal (dd/mm/yyyy)').press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Selesai', { timeout: 60_000 });
  await page.keyboard.press('Escape');

  await page.keyboard.press('F10');
  const admin = page.getByRole('dialog', { name: 'Akun dan log audit pusat' });
  await admin.getByRole('tab', { name: 'Log audit' }).click();
  const log = admin.getByRole('table', { name: 'Log audit' });
  const iso = today.split('/').reverse().join('-');
  await expect(async () => {
    await admin
      .getByRole('combobox', { name: 'Tindakan' })
      .selectOption({ label: 'data diekspor' });
    await expect(log.getByRole('row').filter({ hasText: 'data diekspor' })).toHaveCount(1, {
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  const row = log.getByRole('row').filter({ hasText: 'data diekspor' });
  await expect(row).toContainText('Supervisor Demo');
  await expect(row).toContainText('desk-1');
  await expect(row).toContainText(`from: ${iso}`);
  await expect(row).toContainText('kind: calls');
  await expect(row).toContainText('unmasked: true');
  await expect(log.getByRole('row').filter({ hasText: 'akun dibuat' })).toHaveCount(0);
});
