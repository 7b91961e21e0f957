/**
 * Keyboard intake under real habits, in Chromium against the console as `npm start` runs
 * it: F2 over an open case and over an offered draft starts the new call at once and
 * keeps what was there aside, Alt+W moves the cursor on, a long paste is never cut, and a
 * save that fails says so beside the save buttons while the call stays a draft.
 */
import path from 'node:path';
import { expect, test, type Page } from './support/test';
import Database from 'better-sqlite3';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field, queueRow, recordCase, signInOperator } from './support/operator';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

const asideButton = (page: Page) => page.getByRole('button', { name: /^Draf tersimpan \(\d+\)/ });

/** What the store keeps as drafts: read on its own read-only connection. */
function storedDrafts(): Array<{ description?: string; callerNumber?: string }> {
  const db = new Database(path.join(launcher.dataDir, 'console', 'console.db'), {
    readonly: true,
  });
  try {
    return (db.prepare('SELECT form FROM drafts').all() as Array<{ form: string }>).map(
      (r) => JSON.parse(r.form) as { description?: string },
    );
  } finally {
    db.close();
  }
}

test('F2 over an open case starts the call at once; the case waits aside and comes back', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Sampah menumpuk di pasar', category: 'Sampah' });
  await expect(queueRow(page, 'Sampah menumpuk di pasar')).toBeVisible();
  await page.keyboard.press('F4');
  await expect(page.getByRole('region', { name: 'Tabel antrean' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Sampah menumpuk di pasar');

  await page.keyboard.press('F2');
  await expect(dialog).toBeHidden();
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await page.keyboard.type('0812-3456-7890');
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0812-3456-7890');
  await expect(page.getByRole('searchbox')).toHaveValue('');

  await expect(asideButton(page)).toHaveText(/Draf tersimpan \(1\)\s*Alt\+S/);
  await page.keyboard.press('Alt+S');
  const aside = page.getByRole('list', { name: 'Menunggu di samping' });
  await expect(aside).toContainText('Sampah menumpuk di pasar');
  await expect(aside.getByRole('button', { name: 'Buka lagi' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Sampah menumpuk di pasar');
  // The call being typed is still there behind it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0812-3456-7890');
});

test('F2 over an offered draft keeps the draft aside; it comes back with its text', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('0351 462 000');
  await field(page, 'Uraian').fill('Kebakaran rumah di Jl. Salak, api membesar');
  await expect
    .poll(() => storedDrafts().map((d) => d.description), { timeout: 5000 })
    .toEqual(['Kebakaran rumah di Jl. Salak, api membesar']);
  // Signed out and in again: the half-typed fire report is offered back.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signInOperator(page, launcher);
  await expect(page.getByRole('alert')).toContainText('Ada panggilan yang belum disimpan');

  // A new call rings: F2 answers it at once, the fire report waits aside.
  await page.keyboard.press('F2');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('');
  await page.keyboard.type('081234567890');
  await expect(asideButton(page)).toHaveText(/Draf tersimpan \(1\)/);
  expect(storedDrafts().map((d) => d.description)).toContain(
    'Kebakaran rumah di Jl. Salak, api membesar',
  );

  await page.keyboard.press('Alt+S');
  const aside = page.getByRole('list', { name: 'Menunggu di samping' });
  await expect(aside).toContainText('Kebakaran rumah di Jl. Salak, api membesar');
  await expect(aside.getByRole('button', { name: 'Lanjutkan draf' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Uraian')).toHaveValue('Kebakaran rumah di Jl. Salak, api membesar');
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0351 462 000');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  // The call that was on screen waits aside in its turn.
  await expect(asideButton(page)).toHaveText(/Draf tersimpan \(1\)/);
});

test('Alt+W withholds the number and moves the cursor to the next field', async ({ page }) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('0812');
  await page.keyboard.press('Alt+W');
  await expect(page.getByRole('checkbox', { name: 'Nomor disembunyikan' })).toBeChecked();
  await expect(field(page, 'Nomor penelepon')).toBeDisabled();
  await expect(field(page, 'Nama penelepon (opsional)')).toBeFocused();
  await page.keyboard.type('Bu Sri');
  await expect(field(page, 'Nama penelepon (opsional)')).toHaveValue('Bu Sri');
  await page.keyboard.press('Alt+W');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
});

test('a long paste is kept whole, counted and flagged, and refused by the save', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('081234567890');
  await field(page, 'Kategori').fill('Sampah');
  await field(page, 'Kelurahan').fill('Klegen');
  await field(page, 'Kelurahan').press('Tab');
  const description = field(page, 'Uraian');
  await description.focus();
  // Near the limit, a counter appears.
  await page.keyboard.insertText('a'.repeat(1_900));
  await expect(description).toHaveAccessibleDescription(/1\.900 \/ 2\.000 karakter/);
  // A 20,000-character paste stays whole: nothing is cut without a word.
  await description.fill('');
  const pasted = `Laporan panjang ${'b'.repeat(19_984)}`;
  await page.keyboard.insertText(pasted);
  await expect(description).toHaveValue(pasted);
  await expect(page.getByRole('alert').filter({ hasText: 'Terlalu panjang' })).toContainText(
    '20.000 karakter, maksimal 2.000',
  );
  await expect(description).toHaveAttribute('aria-describedby', /.+/);

  await page.keyboard.press('Control+Enter');
  const save = page.getByRole('button', { name: /^Simpan Ctrl\+Enter/ });
  await expect(save).toHaveAccessibleDescription('Belum tersimpan — periksa: Uraian.');
  await expect(page.getByText('Tidak ada laporan yang cocok.')).toBeVisible();
  // The draft keeps every character.
  await expect.poll(() => storedDrafts()[0]?.description?.length, { timeout: 5000 }).toBe(20_000);
});

test('a failed save is announced beside the save buttons and the call stays a draft', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('081234567890');
  await field(page, 'Kategori').fill('Pohon tumbang');
  await field(page, 'Uraian').fill('Pohon tumbang di Jl. Salak');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  // The console cannot be reached for this one save (the link drops mid-call).
  await page.route('**/api/call/intake.save', (route) => route.abort('connectionreset'));
  await page.keyboard.press('Alt+K');

  const reason =
    'Belum tersimpan: Layanan konsol tidak dapat dihubungi. Panggilan ini tetap sebagai draf.';
  await expect(page.getByRole('alert').filter({ hasText: 'Belum tersimpan' })).toHaveText(reason);
  await expect(
    page.getByRole('button', { name: /^Simpan Ctrl\+Enter/ }),
  ).toHaveAccessibleDescription(reason);
  await expect(page.getByRole('button', { name: /^Simpan & kirim/ })).toHaveAccessibleDescription(
    reason,
  );
  await expect(field(page, 'Uraian')).toHaveValue('Pohon tumbang di Jl. Salak');
  await expect
    .poll(() => storedDrafts().map((d) => d.description), { timeout: 5000 })
    .toEqual(['Pohon tumbang di Jl. Salak']);

  // Back online, the same keys save it (and send it) once.
  await page.unroute('**/api/call/intake.save');
  await page.keyboard.press('Alt+K');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toContainText(
    'Dikirim ke DLH, Dishub',
  );
  expect(storedDrafts()).toEqual([]);
});
