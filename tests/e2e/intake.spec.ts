/**
 * An operator's core loop in Chromium against the console as `npm start` runs it:
 * record a call by keyboard only, find it, get a clear refusal for a bad number, see
 * caller text as text, and get a half-typed call back after the console crashed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './support/test';
import Database from 'better-sqlite3';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

function demoPassword(dataDir: string): string {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
  ) as {
    accounts: Array<{ username: string; password: string }>;
  };
  return accounts.find((a) => a.username === 'operator')!.password;
}

/** `afterRestart`: the console is a fresh process, as slow to come up as the machine is busy. */
async function signIn(page: Page, { afterRestart = false } = {}) {
  await expect(field(page, 'Nama pengguna')).toBeFocused({
    timeout: afterRestart ? 45_000 : undefined,
  });
  await field(page, 'Nama pengguna').fill('operator');
  await field(page, 'Kata sandi').fill(demoPassword(launcher.dataDir));
  await field(page, 'Kata sandi').press('Enter');
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
}

/** Form fields by their exact label, as a screen reader announces them. */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

const queueRows = (page: Page) =>
  page.getByRole('region', { name: 'Tabel antrean' }).locator('tbody tr:not([aria-hidden])');

test('an operator records a call by keyboard only and finds it in the queue', async ({ page }) => {
  await page.goto(launcher.consoleUrl);
  // Sign in without the mouse: the cursor waits in the username field.
  await expect(field(page, 'Nama pengguna')).toBeFocused();
  await page.keyboard.type('operator');
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword(launcher.dataDir));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toContainText('F2');

  await page.keyboard.press('F2');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await page.keyboard.type('0812-3456-7890');
  await page.keyboard.press('Enter'); // Enter skips the check boxes…
  await expect(field(page, 'Nama penelepon (opsional)')).toBeFocused();
  await page.keyboard.press('Enter'); // …and an optional name may stay empty
  await expect(field(page, 'Kategori')).toBeFocused();
  await page.keyboard.type('pohon');
  await page.keyboard.press('Enter'); // completes "Pohon tumbang", moves on
  await expect(field(page, 'Kategori')).toHaveValue('Pohon tumbang');
  await expect(field(page, 'Urgensi')).toHaveValue('darurat'); // from the category
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pohon tumbang menutup jalan dekat sekolah');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // kecamatan: the kelurahan will settle it
  await page.keyboard.type('kejur');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Kecamatan')).toHaveValue('Taman');
  await page.keyboard.type('Jl. Pahlawan 12');
  await page.keyboard.press('Enter');
  await page.keyboard.type('depan Bank Jatim');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
  const first = queueRows(page).first();
  await expect(first).toContainText('Pohon tumbang menutup jalan dekat sekolah');
  await expect(first).toContainText('0812•••••890');
  await expect(first).toContainText('Kejuron');
  await expect(first).toContainText('Darurat');

  // A second call, then search by a word of the first one's description.
  await page.keyboard.press('F2');
  await page.getByRole('checkbox', { name: 'Nomor disembunyikan' }).check();
  await field(page, 'Kategori').fill('Lampu jalan padam');
  await field(page, 'Uraian').fill('Lampu PJU mati di perempatan');
  await field(page, 'Kelurahan').fill('Klegen');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(queueRows(page)).toHaveCount(2);

  await page.keyboard.press('Control+f');
  await page.keyboard.type('sekolah');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('dekat sekolah');
});

test('an invalid number gets a clear message and nothing is saved', async ({ page }) => {
  await page.goto(launcher.consoleUrl);
  await signIn(page);
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('12345');
  await field(page, 'Kategori').fill('Sampah');
  await field(page, 'Uraian').fill('Sampah menumpuk');
  await field(page, 'Kelurahan').fill('Klegen');
  await field(page, 'Kelurahan').press('Tab');
  await page.getByRole('button', { name: /^Simpan Ctrl\+Enter/ }).click();

  await expect(page.getByText('Nomor telepon tidak valid')).toBeVisible();
  await expect(field(page, 'Nomor penelepon')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: /Antrean laporan/ })).toContainText('(0)');
  await expect(page.getByText('Tidak ada laporan yang cocok.')).toBeVisible();
});

test('HTML and script in a description are shown literally, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const payload = `<img src=x onerror="alert('img')"><script>alert('script')</script><b>tebal</b>`;
  await page.goto(launcher.consoleUrl);
  await signIn(page);
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Kebakaran');
  await field(page, 'Uraian').fill(payload);
  await field(page, 'Kelurahan').fill('Josenan');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');

  const row = queueRows(page).first();
  await expect(row).toContainText(payload);
  await expect(row.locator('img, script, b')).toHaveCount(0);

  await page.getByRole('region', { name: 'Tabel antrean' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog.getByText(payload, { exact: true })).toBeVisible();
  await expect(dialog.locator('img, script, b')).toHaveCount(0);
  await expect(dialog).toContainText('Operator Demo');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(dialogs).toEqual([]);
});

test('a half-typed call survives the console being killed and is offered back', async ({
  page,
}) => {
  await page.goto(launcher.consoleUrl);
  await signIn(page);
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('0351 462 000');
  await field(page, 'Uraian').fill('Banjir setinggi lutut di');
  // The draft is autosaved within a moment of typing.
  await expect
    .poll(() => readDraftDescription(launcher.dataDir), { timeout: 5000 })
    .toBe('Banjir setinggi lutut di');

  const pid = Number(fs.readFileSync(path.join(launcher.dataDir, 'run', 'console.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  // The page notices, the launcher restarts the console at the same address, and the
  // restarted console (which has no session) asks the operator to sign in again.
  await expect(page.getByRole('status', { name: 'Koneksi konsol' })).toHaveText(/terputus/);
  await signIn(page, { afterRestart: true });

  await expect(page.getByRole('alert')).toContainText('Ada panggilan yang belum disimpan');
  await page.getByRole('button', { name: 'Lanjutkan draf' }).click();
  await expect(field(page, 'Uraian')).toHaveValue('Banjir setinggi lutut di');
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0351 462 000');
});

function readDraftDescription(dataDir: string): string | undefined {
  // Read the store the way an investigator would: a separate read-only connection.
  const db = new Database(path.join(dataDir, 'console', 'console.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT form FROM drafts').get() as { form: string } | undefined;
    return row ? (JSON.parse(row.form) as { description?: string }).description : undefined;
  } finally {
    db.close();
  }
}
