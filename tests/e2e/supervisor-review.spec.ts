/**
 * The supervisor's review, keyboard only, in Chromium against a real hub: a call desk 3
 * screened out as a prank shows in the review (F9) of desk 1's supervisor, who finds it by
 * its number and reopens it as a case; the case's timeline names the original call, its
 * disposition and who screened it. Operators have no review.
 */
import { expect, test } from './support/test';
import { v7 as uuidv7 } from 'uuid';
import type { Proc } from '../support/processes';
import { deskSocket, startCenter, startDesk } from './support/center';
import { field, signInAs } from './support/operator';

const procs: Proc[] = [];
const closers: Array<() => void> = [];
test.afterEach(async () => {
  for (const c of closers.splice(0)) c();
  for (const p of procs.splice(0).reverse()) await p.stop();
});

test('a supervisor reopens a screened call as a case, by keyboard', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-3' },
  ]);
  const desk1 = await startDesk(center, 'desk-1');

  // Desk 3 screened two calls out: a prank from the number, and a misdial from another.
  const desk3 = deskSocket(center, 'desk-3', closers);
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
  await signInAs(operatorPage, desk1, 'operator');
  await expect(operatorPage.getByRole('button', { name: /Tinjauan supervisor/ })).toHaveCount(0);
  await operatorPage.keyboard.press('F9');
  await expect(
    operatorPage.getByRole('dialog', { name: 'Tinjauan panggilan tersaring' }),
  ).toHaveCount(0);

  await signInAs(page, desk1, 'supervisor');
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
  // F4 puts the cursor on the queue's first row; Enter opens the row under it.
  const queue = page.getByRole('region', { name: 'Tabel antrean' });
  await expect(queue).toBeFocused();
  await expect(queue.getByRole('row', { selected: true })).toContainText(
    'Penelepon ternyata melapor sampah',
  );
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
