/**
 * Dispatch in Chromium against the console as `npm start` runs it: the operator opens a
 * saved case, confirms the routing table's suggestion with one key, and watches the OPD's
 * statuses arrive live (the OPD here is a real socket.io client on the embedded hub).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { TokensFile } from '../../shared/hub/protocol';
import { connectOpd } from '../support/opd-client';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field, signInOperator } from './support/operator';

let launcher: LauncherProc;
const sockets: Socket[] = [];

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await launcher?.stop();
});

async function opdInbox(dataDir: string, opdId: string) {
  const { tokens } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'hub', 'tokens.json'), 'utf8'),
  ) as TokensFile;
  const port = fs.readFileSync(path.join(dataDir, 'hub', 'port'), 'utf8').trim();
  const opd = await connectOpd(
    `http://127.0.0.1:${port}`,
    tokens.find((t) => t.id === opdId)!.token,
  );
  sockets.push(opd.socket);
  return opd;
}

test('an operator dispatches a case with one key and sees the OPD accept it', async ({ page }) => {
  const dlh = await opdInbox(launcher.dataDir, 'dlh');
  await signInOperator(page, launcher);

  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Pohon tumbang');
  await field(page, 'Uraian').fill('Pohon tumbang menutup Jl. Pahlawan');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  await page.keyboard.press('F4');
  await expect(page.getByRole('region', { name: 'Tabel antrean' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Saran tujuan: DLH, Dishub');
  const dispatchOf = (opd: string) =>
    dialog
      .getByRole('region', { name: 'Disposisi' })
      .getByRole('listitem')
      .filter({ hasText: opd });
  await page.keyboard.press('Alt+K');

  await expect.poll(() => dlh.inbox.length).toBe(1);
  await expect(dispatchOf('Dishub')).toBeVisible(); // both suggested agencies got it
  expect(dlh.inbox[0]!.case).toMatchObject({ description: 'Pohon tumbang menutup Jl. Pahlawan' });
  await expect(dispatchOf('DLH')).toContainText('dilihat OPD');

  const ack = await dlh.socket.timeout(5000).emitWithAck('transition', {
    transitionId: uuidv7(),
    dispatchId: dlh.inbox[0]!.dispatchId,
    to: 'accepted',
    note: '',
    actor: { id: 'dlh', role: 'opd', person: 'Petugas DLH' },
  });
  expect(ack).toMatchObject({ ok: true });
  await expect(dispatchOf('DLH')).toContainText('diterima');
  await expect(dialog).toContainText('diterima OPD'); // on the timeline, with who accepted
  await expect(dialog).toContainText('Petugas DLH');
});

test('an operator edits a case and cancels it by keyboard; its dispatch is withdrawn at the OPD', async ({
  page,
}) => {
  const dlh = await opdInbox(launcher.dataDir, 'dlh');
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Pohon tumbang');
  await field(page, 'Uraian').fill('Pohon tumbang di Jl. Salak');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Saran tujuan: DLH, Dishub');
  await page.keyboard.press('Alt+K');
  await expect.poll(() => dlh.inbox.length).toBe(1);

  await page.keyboard.press('Alt+E');
  const edit = dialog.getByRole('form', { name: 'Ubah laporan' });
  await edit.getByLabel('Patokan').fill('depan <b>SDN 1</b>');
  await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'diubah' })).toContainText(
    'Patokan: “depan <b>SDN 1</b>”', // caller text stays text
  );

  await dialog.getByRole('button', { name: 'Batalkan laporan' }).click();
  const cancel = dialog.getByRole('form', { name: 'Batalkan laporan' });
  await cancel.getByRole('button', { name: 'Batalkan dan tarik disposisi' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Tulis alasannya');
  await cancel.getByLabel('Alasan pembatalan').fill('Laporan ganda');
  await cancel.getByRole('button', { name: 'Batalkan dan tarik disposisi' }).click();
  await expect(dialog).toContainText('Dibatalkan');
  const dispatches = dialog.getByRole('region', { name: 'Disposisi' });
  await expect(dispatches.getByRole('listitem').filter({ hasText: 'ditarik' })).toHaveCount(2);
  // A cancelled case is not sent anywhere again.
  await expect(dispatches.getByRole('button', { name: 'Kirim ke OPD' })).toBeHidden();
  const inbox = async () =>
    ((await dlh.socket.timeout(5000).emitWithAck('inbox')) as { dispatches: unknown[] }).dispatches;
  await expect.poll(inbox).toEqual([]);
  // Both agencies' dispatches (DLH and Dishub) are withdrawn, with the reason.
  const withdrawn = dialog.getByRole('listitem').filter({ hasText: 'disposisi ditarik' });
  await expect(withdrawn).toHaveCount(2);
  await expect(withdrawn.first()).toContainText('Laporan ganda');
});

test('the intake suggests the OPDs and Alt+K saves and sends to the ticked ones', async ({
  page,
}) => {
  const dlh = await opdInbox(launcher.dataDir, 'dlh');
  const dishub = await opdInbox(launcher.dataDir, 'dishub');
  await signInOperator(page, launcher);
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Pohon tumbang');
  await field(page, 'Uraian').fill('Dahan besar patah di Jl. Kalimantan');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');

  const routing = page.getByRole('group', { name: 'Kirim ke OPD' });
  await expect(routing.getByRole('checkbox', { name: /DLH/ })).toBeChecked();
  await expect(routing.getByRole('checkbox', { name: /Dishub/ })).toBeChecked();
  await routing.getByRole('checkbox', { name: /Dishub/ }).uncheck();
  await field(page, 'Uraian').focus();
  await page.keyboard.press('Alt+K');

  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toContainText(
    'Dikirim ke DLH',
  );
  await expect.poll(() => dlh.inbox.length).toBe(1);
  expect(dlh.inbox[0]!.case).toMatchObject({ description: 'Dahan besar patah di Jl. Kalimantan' });
  // Dishub was unticked: nothing reaches it (DLH's arrival shows the dispatch went out).
  expect(dishub.inbox).toEqual([]);
});
