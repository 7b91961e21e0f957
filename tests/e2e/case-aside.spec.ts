/**
 * A case put aside by a ringing call keeps what was typed in its dialog, by keyboard only:
 * a half-typed note or a half-done edit waits while the new call is taken (none of it
 * leaks into the call's fields) and comes back with the same form open, the same text and
 * the cursor in it.
 */
import { expect, test, type Page } from './support/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field, queueRow, recordCase, signInOperator } from './support/operator';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Detail laporan' });

/** F4 to the queue, Enter on the (only) case. */
async function openByKeyboard(page: Page, description: string) {
  await expect(queueRow(page, description)).toBeVisible();
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');
  await expect(dialogOf(page)).toContainText(description);
}

/** F2 answers a new call: the dialog steps aside, the number field has the cursor. */
async function takeNewCall(page: Page, number: string) {
  await page.keyboard.press('F2');
  await expect(dialogOf(page)).toBeHidden();
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await page.keyboard.type(number);
  await expect(field(page, 'Nomor penelepon')).toHaveValue(number);
}

/** Alt+S, Enter on "Buka lagi": the case comes back. */
async function bringBack(page: Page) {
  await page.keyboard.press('Alt+S');
  const aside = page.getByRole('list', { name: 'Menunggu di samping' });
  await expect(aside.getByRole('button', { name: 'Buka lagi' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialogOf(page)).toBeVisible();
}

test('a note half-typed in a case survives F2 and comes back with the cursor in it', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Sampah menumpuk di pasar', category: 'Sampah' });
  await openByKeyboard(page, 'Sampah menumpuk di pasar');

  const note = dialogOf(page).getByLabel('Catatan baru');
  await page.keyboard.press('Alt+N');
  await expect(note).toBeFocused();
  await page.keyboard.type('Penelepon kedua: bau sampai');

  await takeNewCall(page, '0812-3456-7890');
  // Nothing of the note went into the new call.
  await expect(field(page, 'Uraian')).toHaveValue('');
  await expect(field(page, 'Nama penelepon (opsional)')).toHaveValue('');

  await bringBack(page);
  await expect(note).toHaveValue('Penelepon kedua: bau sampai');
  await expect(note).toBeFocused();
  // The cursor is where it was left: typing carries on at the end of the note.
  await page.keyboard.type(' sekolah');
  await expect(note).toHaveValue('Penelepon kedua: bau sampai sekolah');
  await page.keyboard.press('Enter');
  await expect(dialogOf(page).getByRole('list').last()).toContainText(
    'Penelepon kedua: bau sampai sekolah',
  );

  // The call being typed is still there behind it.
  await page.keyboard.press('Escape');
  await expect(dialogOf(page)).toBeHidden();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('0812-3456-7890');
});

test('an edit half-done in a case survives F2: same form, same text, cursor in it', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Lampu jalan mati', category: 'Sampah' });
  await openByKeyboard(page, 'Lampu jalan mati');

  await page.keyboard.press('Alt+E');
  const form = dialogOf(page).getByRole('form', { name: 'Ubah laporan' });
  const description = form.getByLabel('Uraian');
  await expect(description).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' sejak kemarin');
  await page.keyboard.press('Tab'); // urgency
  await page.keyboard.press('Tab'); // address
  await expect(form.getByLabel('Alamat')).toBeFocused();
  await page.keyboard.type('Jl. Pahlawan 1');

  await takeNewCall(page, '0813-1111-2222');
  await expect(field(page, 'Uraian')).toHaveValue('');

  await bringBack(page);
  await expect(form).toBeVisible();
  await expect(description).toHaveValue('Lampu jalan mati sejak kemarin');
  await expect(form.getByLabel('Alamat')).toHaveValue('Jl. Pahlawan 1');
  await expect(form.getByLabel('Alamat')).toBeFocused();
  // Nothing was saved behind the operator's back: the case still reads as before.
  await expect(dialogOf(page).getByRole('region', { name: 'Uraian' })).toHaveText(
    /^Uraian\s*Lampu jalan mati$/,
  );
});

/** Tab through the dialog until `target` has the cursor, as an operator would. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>) {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a cancel reason and an OPD picked survive F2; a case the operator closes forgets them', async ({
  page,
}) => {
  await signInOperator(page, launcher);
  await recordCase(page, { description: 'Pohon tumbang di jalan', category: 'Sampah' });
  await openByKeyboard(page, 'Pohon tumbang di jalan');
  const dialog = dialogOf(page);

  const picker = dialog.getByLabel('OPD tujuan');
  await tabTo(page, picker);
  await page.keyboard.type('Dishub');
  await expect(picker).toHaveValue('dishub');
  await tabTo(page, dialog.getByRole('button', { name: 'Batalkan laporan' }));
  await page.keyboard.press('Enter');
  const reason = dialog.getByLabel('Alasan pembatalan');
  await expect(reason).toBeFocused();
  await page.keyboard.type('Laporan ganda');

  await takeNewCall(page, '0814-3333-4444');
  await expect(field(page, 'Uraian')).toHaveValue('');

  await bringBack(page);
  await expect(reason).toHaveValue('Laporan ganda');
  await expect(reason).toBeFocused();
  await expect(picker).toHaveValue('dishub');
  // Nothing was cancelled or sent behind the operator's back.
  await expect(dialog.getByRole('region', { name: 'Disposisi' })).toContainText(
    'Belum ada disposisi.',
  );

  // Closed by the operator, the case is done with: opened again, it starts clean.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await openByKeyboard(page, 'Pohon tumbang di jalan');
  await expect(dialog.getByLabel('Alasan pembatalan')).toHaveCount(0);
  await expect(picker).toHaveValue('');
});
