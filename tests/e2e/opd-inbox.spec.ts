/**
 * The OPD inbox page served by the hub, in Chromium, beside the console as `npm start`
 * runs it: two browser contexts, the call-taker and the OPD clerk, against real processes
 * (launcher, console host, hub, SQLite). A dispatch shows up in the inbox live; every
 * action of the clerk shows in the console; a returned case waits to be re-routed; a
 * cancelled case is withdrawn from the inbox.
 */
import { expect, test } from './support/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { inboxItem, openInbox, opdToken, printedInboxUrl } from './support/inbox';
import {
  closeCase,
  dlhDispatch,
  field,
  openCase,
  queueCell,
  queueRow,
  recordCase,
  signInOperator,
} from './support/operator';

let launcher: LauncherProc | undefined;

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
});

test('a dispatch reaches the clerk live; accept, in progress and resolve show in the console', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const { context, clerk } = await openInbox(
    browser,
    await printedInboxUrl(launcher),
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Kotak masuk OPD DLH');
  await expect(clerk.getByText('Dinas Lingkungan Hidup')).toBeVisible();
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  // The token lives in this tab's sessionStorage only.
  expect(await clerk.evaluate('localStorage.length')).toBe(0);

  await signInOperator(page, launcher);
  const description = 'Sampah menumpuk di depan pasar';
  await recordCase(page, { description, callerName: 'Budi Santoso' });
  const dialog = await openCase(page, description);
  await expect(dialog).toContainText('Saran tujuan: DLH');
  await page.keyboard.press('Alt+K');

  // Live, without a reload: the clerk sees the case with what the OPD needs to act.
  const item = inboxItem(clerk, description);
  await expect(item).toBeVisible();
  await expect(item).toContainText('Sampah');
  await expect(item).toContainText('Kejuron, Kec. Taman');
  await expect(item).toContainText('Budi Santoso');
  await expect(item).toContainText(/Masuk\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}\.\d{2} WIB/);
  await expect(item).toContainText('menunggu 0 mnt');
  // Only the legal actions: a new dispatch can be accepted or returned, not resolved.
  await expect(item.getByRole('button', { name: /Sedang dikerjakan/ })).toBeDisabled();
  await expect(item.getByRole('button', { name: /Selesai/ })).toBeDisabled();
  await expect(dlhDispatch(dialog)).toContainText('dilihat OPD'); // the inbox acknowledged it

  // Accept by keyboard: select the dispatch, T.
  await item.focus();
  await clerk.keyboard.press('t');
  await expect(item).toContainText('Diterima');
  await expect(dlhDispatch(dialog)).toContainText('diterima');
  await expect(dialog).toContainText('Sari Wulandari'); // who accepted, on the timeline
  await closeCase(page);
  await expect(queueRow(page, description)).toContainText('Diterima OPD');

  await item.getByRole('button', { name: /Sedang dikerjakan/ }).click();
  await expect(item.getByText('Sedang dikerjakan', { exact: true })).toBeVisible();
  await expect(queueRow(page, description)).toContainText('Ditangani');

  // Resolving needs a note; an empty one is refused on the page, nothing is sent.
  await item.getByRole('button', { name: /Selesai/ }).click();
  await clerk.keyboard.press('Control+Enter');
  await expect(item.getByRole('alert')).toHaveText('Tulis catatan penyelesaian (minimal 3 huruf).');
  await expect(queueRow(page, description)).toContainText('Ditangani');
  await field(clerk, 'Catatan penyelesaian').fill('Sampah sudah diangkut truk DLH');
  await clerk.keyboard.press('Control+Enter');

  await expect(item).toBeHidden(); // it left the open queue…
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText('Selesai · Sampah sudah diangkut truk DLH'); // …for the closed list
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  await expect(queueRow(page, description)).toContainText('Selesai');

  const reopened = await openCase(page, description);
  await expect(dlhDispatch(reopened)).toContainText('selesai');
  await expect(reopened).toContainText('diterima OPD');
  await expect(reopened).toContainText('ditangani OPD');
  await expect(reopened).toContainText(
    'diselesaikan OPD · Sari Wulandari: Sampah sudah diangkut truk DLH',
  );
  await context.close();
});

test('the clerk returns a case as bukan wewenang; the console shows it returned with the reason', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const url = await printedInboxUrl(launcher);

  // A token the hub does not know is refused, in Indonesian, and kept nowhere.
  const stranger = await browser.newContext({ locale: 'id-ID' });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(url);
  await field(strangerPage, 'Token OPD').fill('bukan-token-yang-benar-123456');
  await strangerPage.keyboard.press('Enter');
  await expect(strangerPage.getByRole('alert')).toHaveText(
    'Token OPD tidak dikenal hub. Periksa token yang diberikan pusat 112.',
  );
  expect(await strangerPage.evaluate('sessionStorage.length')).toBe(0);
  await stranger.close();

  const { context, clerk } = await openInbox(
    browser,
    url,
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await signInOperator(page, launcher);
  // Caller text is text: markup in it is shown as typed, never run.
  const description = 'Kabel <b>menjuntai</b> di tumpukan sampah <img src=x onerror=alert(1)>';
  await recordCase(page, {
    description,
    callerName: 'Budi Santoso',
    number: '081298765432',
    anonim: true,
  });
  const dialog = await openCase(page, description);
  await page.keyboard.press('Alt+K');

  const item = inboxItem(clerk, 'Kabel <b>menjuntai</b>');
  await expect(item).toContainText(description);
  await expect(item.locator('b, img')).toHaveCount(0);
  // An anonim case reaches the OPD without who called.
  await expect(item).toContainText('PelaporAnonim');
  await expect(item).not.toContainText('Budi');
  await expect(item).not.toContainText('98765432');

  // Returning needs a reason.
  await item.focus();
  await clerk.keyboard.press('b');
  await field(clerk, 'Alasan bukan wewenang').fill('  ');
  await clerk.getByRole('button', { name: /Kirim/ }).click();
  await expect(item.getByRole('alert')).toHaveText('Tulis alasan pengembalian (minimal 3 huruf).');
  const reason = 'Kabel milik PLN, bukan wewenang DLH';
  await field(clerk, 'Alasan bukan wewenang').fill(reason);
  await clerk.getByRole('button', { name: /Kirim/ }).click();
  await expect(item).toBeHidden();
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText(`Dikembalikan (bukan wewenang) · ${reason}`);

  await expect(dlhDispatch(dialog)).toContainText(`dikembalikan`);
  await expect(dialog).toContainText(
    `dikembalikan OPD (bukan wewenang) · Sari Wulandari: ${reason}`,
  );
  await expect(dialog.getByRole('definition').first()).toHaveText('Dikembalikan'); // case status
  await closeCase(page);
  await expect(queueRow(page, 'Kabel')).toContainText('Dikembalikan');
  await expect(await queueCell(page, 'Kabel', 'OPD')).toHaveText('DLH'); // who returned it
  // It waits in the operators' triage list for re-routing.
  await expect(page.getByRole('button', { name: /Perlu dialihkan \(1\)/ })).toBeVisible();
  await page.keyboard.press('Alt+R');
  await expect(
    page
      .getByRole('region', { name: 'Tabel antrean' })
      .getByRole('row')
      .filter({ hasText: 'Kabel' }),
  ).toHaveCount(1);

  // Re-routing: DLH said it is not theirs, so it is not suggested again; send it to PLN.
  const again = await openCase(page, description);
  await expect(again).not.toContainText('Saran tujuan');
  await again.getByLabel('OPD tujuan').selectOption('pln');
  await again.getByRole('button', { name: 'Kirim ke OPD' }).click();
  await expect(
    again
      .getByRole('region', { name: 'Disposisi' })
      .getByRole('listitem')
      .filter({ hasText: /^PLN ·/ }),
  ).toContainText('di antrean OPD');
  await closeCase(page);
  await expect(page.getByRole('button', { name: /Perlu dialihkan \(0\)/ })).toBeVisible();
  // The queue names the OPD holding the case now, not the one that returned it.
  await page.getByLabel('Saring menurut Status').selectOption('');
  await expect(await queueCell(page, 'Kabel', 'OPD')).toHaveText('PLN');
  await context.close();
});

test('a case the desk cancels is withdrawn from the inbox, with the reason', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const { context, clerk } = await openInbox(
    browser,
    await printedInboxUrl(launcher),
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await signInOperator(page, launcher);
  const description = 'Sampah dibuang di taman kota';
  await recordCase(page, { description });
  const dialog = await openCase(page, description);
  await page.keyboard.press('Alt+K');
  const item = inboxItem(clerk, description);
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: /Terima/ }).click();
  await expect(dlhDispatch(dialog)).toContainText('diterima');

  const reason = 'Pelapor salah alamat, sudah dibersihkan warga';
  await dialog.getByRole('button', { name: 'Batalkan laporan' }).click();
  await field(page, 'Alasan pembatalan').fill(reason);
  await dialog.getByRole('button', { name: 'Batalkan dan tarik disposisi' }).click();

  // Live: it leaves the clerk's open queue and says who took it back and why.
  await expect(item).toBeHidden();
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText(`Ditarik pusat 112 · ${reason}`);
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  await context.close();
});
