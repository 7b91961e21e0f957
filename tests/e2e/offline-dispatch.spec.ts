/**
 * What the screen says about dispatches while the hub is unreachable, in Chromium against
 * real processes (a hub of the test's own, stopped and started again): a dispatch reads
 * "menunggu dikirim ke DLH" until the hub holds it, never "Dikirim", and the status bar
 * counts cases and dispatches waiting, not outbox messages.
 */
import path from 'node:path';
import { expect, test } from './support/test';
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
import { closeCase, dlhDispatch, field, openCase, signInOperator } from './support/operator';

let launcher: LauncherProc | undefined;
const hubs: HubProc[] = [];

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
  for (const h of hubs.splice(0)) await h.stop();
});

test('with the hub down, Alt+K reads "menunggu dikirim ke DLH" until the hub has it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = tempDir('sigap-e2e-');
  const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
  const tokensFile = writeTokens(dir, [desk]);
  const hubData = path.join(dir, 'hub-data');
  const port = await freePort();
  hubs.push(await startHub(hubData, tokensFile, port));
  launcher = await startLauncher(path.join(dir, 'console'), {
    url: `http://127.0.0.1:${port}`,
    token: desk.token,
  });
  await signInOperator(page, launcher);
  const hubLink = page.getByRole('status', { name: 'Koneksi hub' });
  await expect(hubLink).toHaveText(/Hub terhubung/);
  await hubs.pop()!.stop();
  await expect(hubLink).toHaveText(/Hub terputus/, { timeout: 20_000 });

  // Saved and sent with one key from the intake: saved, yes; sent, not yet.
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Sampah');
  await field(page, 'Uraian').fill('Sampah menutup saluran air');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await field(page, 'Uraian').focus();
  await page.keyboard.press('Alt+K');
  const notice = page.getByRole('status').filter({ hasText: 'Tersimpan pukul' });
  await expect(notice).toHaveText(/^Tersimpan pukul \d\d\.\d\d WIB\. Menunggu dikirim ke DLH\.$/);
  const outbox = page.getByRole('status', { name: 'Antrean kirim ke hub' });
  await expect(outbox).toHaveText('1 laporan, 1 disposisi menunggu dikirim');

  // In the case itself, the same.
  const dialog = await openCase(page, 'Sampah menutup saluran air');
  await expect(dlhDispatch(dialog)).toContainText('menunggu dikirim');
  await closeCase(page);

  // A note on the same case waits too, but it is still one case.
  const again = await openCase(page, 'Sampah menutup saluran air');
  await page.keyboard.press('Alt+N');
  await again.getByLabel('Catatan baru').fill('Warga menelepon lagi');
  await again.getByRole('button', { name: 'Tambah catatan' }).click();
  await expect(again).toContainText('Warga menelepon lagi');
  await closeCase(page);
  await expect(outbox).toHaveText('1 laporan, 1 disposisi menunggu dikirim');
  // Still waiting a few seconds on: nothing claims it was sent.
  await page.waitForTimeout(2_000);
  await expect(notice).toContainText('Menunggu dikirim ke DLH.');

  hubs.push(await startHub(hubData, tokensFile, port));
  await expect(hubLink).toHaveText(/Hub terhubung/, { timeout: 30_000 });
  await expect(notice).toHaveText(/^Tersimpan pukul \d\d\.\d\d WIB\. Dikirim ke DLH\.$/, {
    timeout: 30_000,
  });
  await expect(outbox).toHaveText('');
});
