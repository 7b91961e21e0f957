/**
 * Screening a call out by keyboard alone, in Chromium against the console as `npm start`
 * runs it: a prank ends in one key (Enter never ends a call), Esc Esc on a call with a
 * number asks for its disposition instead of dropping it, and a silent call's callback is
 * recorded — a genuine caller's case then starts linked to the silent call.
 */
import path from 'node:path';
import { expect, test, type Page } from './support/test';
import Database from 'better-sqlite3';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field, signInOperator } from './support/operator';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

interface StoredCall {
  disposition: string;
  caller_number: string | null;
  ticks: string;
  note: string;
  callback: string | null;
  callback_of: string | null;
  case_id: string | null;
}

/** The calls the desk's store holds, read on their own read-only connection. */
function storedCalls(): StoredCall[] {
  const db = new Database(path.join(launcher.dataDir, 'console', 'console.db'), {
    readonly: true,
  });
  try {
    return db
      .prepare(
        'SELECT disposition, caller_number, ticks, note, callback, callback_of, case_id FROM calls ORDER BY started_at',
      )
      .all() as StoredCall[];
  } finally {
    db.close();
  }
}

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });
const tick = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const newCallButton = (page: Page) => page.getByRole('button', { name: /Panggilan baru/ });

test('a prank ends in one key, with what was heard; Enter never ends a call', async ({ page }) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('0812-5555-6666');
  // Every disposition and tick shows its key; none is chosen.
  const bar = page.getByRole('region', { name: 'Akhiri tanpa laporan' });
  for (const [name, key] of [
    ['Iseng', 'Alt+I'],
    ['Panggilan kosong', 'Alt+O'],
    ['Salah sambung', 'Alt+M'],
    ['Kasar', 'Alt+X'],
    ['Informasi', 'Alt+J'],
    ['Uji', 'Alt+U'],
  ] as const) {
    await expect(bar.getByRole('button', { name: new RegExp(`^${name}`) })).toContainText(key);
  }
  await expect(bar.getByText('Alt+H')).toBeVisible();
  await expect(bar.getByRole('checkbox', { checked: true })).toHaveCount(0);

  // Enter walks on; it does not screen the call out, not even on a disposition's button
  // (out of the Tab order, but a click would leave the focus there).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await bar.getByRole('button', { name: /^Uji/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(field(page, 'Nomor penelepon')).toBeVisible();
  expect(storedCalls()).toEqual([]);
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0812-5555-6666');

  await page.keyboard.press('Alt+H');
  await page.keyboard.press('Alt+C');
  await expect(tick(page, 'Tertawa')).toBeChecked();
  await expect(tick(page, 'Suara anak')).toBeChecked();
  await page.keyboard.press('Alt+I');

  await expect(status(page, 'Panggilan dicatat: iseng')).toBeVisible();
  // The form is clear and ready for the next call.
  await expect(field(page, 'Nomor penelepon')).toHaveCount(0);
  await expect(newCallButton(page)).toBeVisible();
  expect(storedCalls()).toEqual([
    expect.objectContaining({
      disposition: 'prank',
      caller_number: '+6281255556666',
      ticks: '["laughter","children"]',
      case_id: null,
    }),
  ]);
  await page.keyboard.press('F2');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('');
  await expect(tick(page, 'Tertawa')).not.toBeChecked();
});

test('Esc Esc drops an untouched call, and asks the disposition of one with a number', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(status(page, 'Panggilan dibatalkan')).toBeVisible();
  expect(storedCalls()).toEqual([]);

  await page.keyboard.press('F2');
  await page.keyboard.type('0813 7777 8888');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: 'pilih disposisinya' })).toBeVisible();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0813 7777 8888');
  await page.keyboard.press('Enter');
  expect(storedCalls()).toEqual([]);

  await page.keyboard.press('Alt+M');
  await expect(status(page, 'Panggilan dicatat: salah sambung')).toBeVisible();
  expect(storedCalls()).toEqual([
    expect.objectContaining({ disposition: 'misdial', caller_number: '+6281377778888' }),
  ]);
});

test('a silent call is called back; a genuine caller’s case is linked to it', async ({ page }) => {
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await page.keyboard.type('0812 1212 3434');
  await page.keyboard.press('Alt+Q');
  await page.keyboard.press('Alt+O');
  await expect(status(page, 'Panggilan dicatat: panggilan kosong')).toBeVisible();
  const offer = page.getByRole('region', { name: 'Telepon balik +6281212123434' });
  await expect(offer.getByRole('button', { name: /Tidak diangkat/ })).toContainText('Alt+Y');
  await page.keyboard.press('Alt+Y');
  await expect(status(page, 'tidak diangkat')).toBeVisible();
  await expect(offer).toBeHidden();
  expect(storedCalls()).toEqual([
    expect.objectContaining({
      disposition: 'silent',
      ticks: '["no_voice"]',
      callback: 'no_answer',
    }),
  ]);

  // Another silent call; called back, the caller can speak now.
  await page.keyboard.press('F2');
  await page.keyboard.type('0812 9090 8080');
  await page.keyboard.press('Alt+O');
  await expect(page.getByRole('region', { name: /Telepon balik/ })).toBeVisible();
  await page.keyboard.press('Alt+P');
  await expect(field(page, 'Nomor penelepon')).toHaveValue('+6281290908080');
  await expect(field(page, 'Nama penelepon (opsional)')).toBeFocused();
  await field(page, 'Kategori').fill('Sampah');
  await field(page, 'Uraian').fill('Ibu tadi tidak bisa bicara: sampah terbakar di belakang rumah');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(status(page, 'Tersimpan pukul')).toBeVisible();
  const [, silent, caseCall] = storedCalls();
  expect(silent).toMatchObject({ disposition: 'silent', callback: 'genuine' });
  expect(caseCall).toMatchObject({ disposition: 'case', caller_number: '+6281290908080' });
  expect(caseCall!.callback_of).not.toBeNull();
});
