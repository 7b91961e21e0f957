/**
 * The shift report (F7) in Chromium against real processes: with the hub stopped, the
 * supervisor prints the current shift's report, which says up to when its data reached the
 * desk; the incoming supervisor signs it on the same screen with their password; a reprint
 * carries the same content hash, marked "cetak ulang". Operators have no report screen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from './support/test';
import {
  freePort,
  randomToken,
  startHub,
  startLauncher,
  tempDir,
  writeTokens,
  type HubProc,
  type LauncherProc,
} from '../support/processes';
import { field, signInAs } from './support/operator';

let launcher: LauncherProc | undefined;
const hubs: HubProc[] = [];

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
  for (const h of hubs.splice(0)) await h.stop();
});

async function pdfText(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

test('print the shift report with the hub down, sign it, reprint it with the same hash', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = tempDir('sigap-e2e-report-');
  const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
  const tokensFile = writeTokens(dir, [desk]);
  const port = await freePort();
  hubs.push(await startHub(path.join(dir, 'hub-data'), tokensFile, port));
  launcher = await startLauncher(path.join(dir, 'console'), {
    url: `http://127.0.0.1:${port}`,
    token: desk.token,
  });

  // An operator has no report screen.
  const operatorPage = await (
    await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' })
  ).newPage();
  await signInAs(operatorPage, launcher, 'operator');
  await expect(operatorPage.getByRole('button', { name: /Laporan shift/ })).toHaveCount(0);
  await operatorPage.keyboard.press('F7');
  await expect(operatorPage.getByRole('dialog', { name: /Laporan serah terima/ })).toHaveCount(0);

  await signInAs(page, launcher, 'supervisor');
  const hubLink = page.getByRole('status', { name: 'Koneksi hub' });
  await expect(hubLink).toHaveText(/Hub terhubung/);
  await hubs.pop()!.stop();
  await expect(hubLink).toHaveText(/Hub terputus/, { timeout: 20_000 });

  // A case recorded and sent while the hub is away: its dispatch waits in the outbox.
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Sampah');
  await field(page, 'Uraian').fill('Sampah <b>menutup</b> saluran air');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await field(page, 'Uraian').focus();
  await page.keyboard.press('Alt+K');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toContainText(
    'Menunggu dikirim ke DLH',
  );

  await expect(page.getByRole('button', { name: /Laporan shift/ })).toContainText('F7');
  await page.keyboard.press('F7');
  const dialog = page.getByRole('dialog', { name: 'Laporan serah terima shift dan harian' });
  await expect(dialog.getByRole('combobox', { name: 'Jenis laporan' })).toBeFocused();
  const figures = dialog.getByRole('region', { name: 'Ringkasan' });
  await expect(figures).toContainText(/Hub tidak terjangkau: data sampai \d\d\.\d\d WIB/);
  await expect(figures).toContainText('Kasus baru: 1');
  await expect(figures).toContainText('Disposisi menunggu dikirim: 1');
  await dialog.getByLabel('Catatan kejadian penting').fill('Hub mati sejak sore, <i>dicek</i> IT.');

  const printed = await pdfText(
    await downloadFrom(page, () => dialog.getByRole('button', { name: 'Unduh PDF' }).click()),
    dir,
  );
  expect(printed).toContain('Laporan Serah Terima Shift');
  expect(printed).toMatch(/Hub tidak terjangkau: data sampai \d\d\.\d\d WIB/);
  expect(printed).toContain('Belum ditandatangani');
  expect(printed).toContain('Hub mati sejak sore, <i>dicek</i> IT.');
  expect(printed).toContain('0812•••••890');
  expect(printed).not.toContain('081234567890');

  // The incoming supervisor signs here, with their own password; a wrong one signs nothing.
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(launcher.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  const password = accounts.find((a) => a.username === 'supervisor2')!.password;
  const signForm = dialog.getByRole('form', { name: 'Tanda tangan supervisor yang menerima' });
  await signForm.getByLabel('Nama pengguna supervisor yang menerima').fill('supervisor2');
  await signForm.getByLabel('Kata sandi supervisor yang menerima').fill('salah');
  await signForm.getByRole('button', { name: 'Tandatangani' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Nama pengguna atau kata sandi supervisor penerima salah.',
  );
  await expect(dialog).toContainText('Belum ada laporan yang ditandatangani di desk ini.');
  await signForm.getByLabel('Kata sandi supervisor yang menerima').fill(password);
  await signForm.getByRole('button', { name: 'Tandatangani' }).click();
  await expect(dialog.getByRole('status')).toContainText(/saat hub tidak terjangkau/);

  const signed = dialog.getByRole('table', { name: 'Laporan yang sudah ditandatangani' });
  await expect(signed.getByRole('row')).toHaveCount(2);
  await expect(signed).toContainText('Tanpa hub');
  const reprintButton = signed.getByRole('button', { name: /Cetak ulang laporan/ });
  const first = await pdfText(await downloadFrom(page, () => reprintButton.click()), dir);
  const hash = /SHA-256 ([0-9a-f]{64})/.exec(first)![1]!;
  await expect(signed).toContainText(hash.slice(0, 16));
  expect(first).toMatch(/cetak ulang \d\d\/\d\d\/\d{4} \d\d\.\d\d\.\d\d WIB/);
  expect(first).toContain('(ditandatangani saat hub tidak terjangkau)');

  // Later, with more calls in the store, a reprint is still the signed content.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081298765432');
  await page.keyboard.press('Alt+I');
  await expect(page.getByRole('status').filter({ hasText: 'Panggilan dicatat' })).toBeVisible();
  await page.keyboard.press('F7');
  const again = await pdfText(
    await downloadFrom(page, () =>
      page
        .getByRole('table', { name: 'Laporan yang sudah ditandatangani' })
        .getByRole('button', { name: /Cetak ulang laporan/ })
        .click(),
    ),
    dir,
  );
  expect(/SHA-256 ([0-9a-f]{64})/.exec(again)![1]).toBe(hash);
  const strip = (t: string) => t.replace(/cetak ulang [^\n]*/, '');
  expect(strip(again)).toBe(strip(first));
});
