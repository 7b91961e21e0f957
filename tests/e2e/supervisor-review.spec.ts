/**
 * The supervisor's review, keyboard only, in Chromium against a real hub: a call desk 3
 * screened out as a prank shows in the review (F9) of desk 1's supervisor, who finds it by
 * its number and reopens it as a case; the case's timeline names the original call, its
 * disposition and who screened it. Operators have no review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import {
  randomToken,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type Proc,
} from '../support/processes';
import { field } from './support/operator';

const procs: Proc[] = [];
const closers: Array<() => void> = [];
test.afterEach(async () => {
  for (const c of closers.splice(0)) c();
  for (const p of procs.splice(0).reverse()) await p.stop();
});

async function signIn(page: Page, url: string, dataDir: string, username: string) {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  await page.goto(url);
  await field(page, 'Nama pengguna').fill(username);
  await field(page, 'Kata sandi').fill(accounts.find((a) => a.username === username)!.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
}

test('a supervisor reopens a screened call as a case, by keyboard', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const dir = tempDir('sigap-e2e-');
  const tokens = { 'desk-1': randomToken(), 'desk-3': randomToken() };
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-3'], kind: 'desk', id: 'desk-3' },
  ]);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile);
  procs.push(hub);
  const dataDir = path.join(dir, 'desk-1');
  const host = await startHost({
    dataDir,
    deskId: 'desk-1',
    hubUrl: hub.url,
    hubToken: tokens['desk-1'],
  });
  procs.push(host);
  const url = `${host.origin}/#key=${host.key}`;

  // Desk 3 screened two calls out: a prank from the number, and a misdial from another.
  const desk3 = io(`${hub.url}/desk`, {
    auth: { token: tokens['desk-3'] },
    transports: ['websocket'],
  });
  closers.push(() => desk3.close());
  const at = Date.now() - 10 * 60_000;
  for (const [number, disposition] of [
    ['+6281355577799', 'prank'],
    ['+6285700011122', 'misdial'],
  ] as const) {
    const ack = (await desk3.timeout(5000).emitWithAck('call.log', {
      callId: uuidv7(),
      at,
      endedAt: at + 30_000,
      disposition,
      callerNumber: number,
      actor: { id: 'desk-3', role: 'desk', person: 'Operator Tiga' },
    })) as { ok: boolean };
    expect(ack.ok).toBe(true);
  }

  // An operator has no review.
  const operatorPage = await (
    await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' })
  ).newPage();
  await signIn(operatorPage, url, dataDir, 'operator');
  await expect(operatorPage.getByRole('button', { name: /Tinjauan supervisor/ })).toHaveCount(0);
  await operatorPage.keyboard.press('F9');
  await expect(
    operatorPage.getByRole('dialog', { name: 'Tinjauan panggilan tersaring' }),
  ).toHaveCount(0);

  await signIn(page, url, dataDir, 'supervisor');
  await expect(page.getByRole('button', { name: /Tinjauan supervisor/ })).toContainText('F9');
  await page.keyboard.press('F9');
  const review = page.getByRole('dialog', { name: 'Tinjauan panggilan tersaring' });
  const calls = review.getByRole('table', { name: 'Panggilan tersaring' });
  await expect(calls.getByRole('row')).toHaveCount(3);
  await expect(review).toContainText(
    'Retensi nomor: nomor panggilan tanpa laporan diganti dengan hash setelah 12 bulan.',
  );

  // Disposition, desk, operator, then the number: Tab walks the filters.
  await expect(review.getByRole('combobox', { name: 'Disposisi' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(review.getByLabel('Nomor', { exact: true })).toBeFocused();
  await page.keyboard.type('0813-5557-7799');
  await expect(calls.getByRole('row')).toHaveCount(2);
  const row = calls.getByRole('row').nth(1);
  await expect(row).toContainText('Iseng');
  await expect(row).toContainText('desk-3');
  await expect(row).toContainText('Operator Tiga');
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: /Buka panggilan .* jadi laporan/ })).toBeFocused();
  await page.keyboard.press('Enter');

  // The intake opens with the caller's number; the case is recorded as any other.
  await expect(review).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Membuka ulang panggilan tersaring' }),
  ).toBeVisible();
  await expect(field(page, 'Nomor penelepon')).toHaveValue('081355577799');
  await expect(field(page, 'Nomor penelepon')).toBeFocused();
  await page.keyboard.press('Enter');
  await field(page, 'Kategori').focus();
  await page.keyboard.type('Sampah');
  await field(page, 'Uraian').focus();
  await page.keyboard.type('Penelepon ternyata melapor sampah menutup saluran');
  await field(page, 'Kelurahan').focus();
  await page.keyboard.type('Kejuron');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  // The case's timeline carries the original call and who screened it.
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText('Penelepon ternyata melapor sampah');
  await expect(
    dialog.getByRole('listitem').filter({ hasText: 'dibuka ulang dari panggilan tersaring' }),
  ).toContainText(
    /panggilan \d\d\.\d\d WIB dari desk-3, disaring sebagai "Iseng" oleh Operator Tiga/,
  );
  await page.keyboard.press('Escape');

  // The review shows the call as a case now.
  await page.keyboard.press('F9');
  await expect(review.getByRole('row').filter({ hasText: 'Operator Tiga' }).first()).toBeVisible();
  await expect(review.getByRole('row').filter({ hasText: 'Iseng' })).toContainText(
    'sudah jadi laporan',
  );
});
