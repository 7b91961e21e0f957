/**
 * Soft blocks on screen, keyboard only, two desks on one hub in Chromium: a burst of
 * silent calls from the number blocks it on every desk, and the intake shows the banner
 * "Panggilan kosong berulang" with its expiry as soon as the number is typed — while the
 * call is recorded with the same keystrokes as any other.
 */
import { expect, test, type Page } from './support/test';
import { v7 as uuidv7 } from 'uuid';
import type { Proc } from '../support/processes';
import { deskPage, deskSocket, openDesk, startCenter, startDesk } from './support/center';
import { field } from './support/operator';

const procs: Proc[] = [];
const closers: Array<() => void> = [];
test.afterEach(async () => {
  for (const c of closers.splice(0)) c();
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const banner = (page: Page) => page.getByRole('status', { name: 'Blokir nomor' });

test('a burst of silent calls puts the block banner on desk 2, and the call is still recorded', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
    { kind: 'desk', id: 'desk-3' },
  ]);
  const desk1 = await openDesk(browser, center, 'desk-1');
  const desk2 = await openDesk(browser, center, 'desk-2');

  // Desk 3 logs three silent calls from one number within minutes.
  const desk3 = deskSocket(center, 'desk-3', closers);
  const start = Date.now() - 5 * 60_000;
  for (let i = 0; i < 3; i++) {
    const ack = (await desk3.timeout(5000).emitWithAck('call.log', {
      callId: uuidv7(),
      at: start + i * 60_000,
      disposition: 'silent',
      callerNumber: '+6281355577799',
      actor: { id: 'desk-3', role: 'desk', person: 'Operator Tiga' },
    })) as { ok: boolean };
    expect(ack.ok).toBe(true);
  }

  // The number, as desk 2's operator types it.
  await desk2.keyboard.press('F2');
  await desk2.keyboard.type('0813-5557-7799');
  await expect(banner(desk2)).toContainText('Panggilan kosong berulang');
  await expect(banner(desk2)).toContainText(
    /Berlaku sampai \d\d\/\d\d\/\d{4} \d\d\.\d\d\.\d\d WIB/,
  );
  await expect(banner(desk2)).toContainText('Panggilan tetap dijawab dan dicatat.');
  await expect(banner(desk2)).not.toContainText(/iseng/i);

  // Another number shows no banner; the blocked one is recorded like any call.
  await desk1.keyboard.press('F2');
  await desk1.keyboard.type('081234567890');
  await desk1.waitForTimeout(500);
  await expect(banner(desk1)).toHaveCount(0);

  await desk2.keyboard.press('Enter');
  await field(desk2, 'Kategori').focus();
  await desk2.keyboard.type('Sampah');
  await field(desk2, 'Uraian').focus();
  await desk2.keyboard.type('Ada yang menangis, lalu menyebut alamat');
  await field(desk2, 'Kelurahan').focus();
  await desk2.keyboard.type('Kejuron');
  await desk2.keyboard.press('Tab');
  await desk2.keyboard.press('Control+Enter');
  await expect(desk2.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
});

test("a supervisor's block (Alt+B) shows on desk 2 with its reason, and goes when lifted", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
  ]);
  const one = await startDesk(center, 'desk-1');
  const desk2 = await openDesk(browser, center, 'desk-2');

  // Desk 1's supervisor signs in and opens the review.
  const spv = await deskPage(browser, one, 'supervisor');
  await expect(spv.getByRole('button', { name: /Tinjauan supervisor/ })).toBeVisible();
  await spv.keyboard.press('F9');
  const review = spv.getByRole('dialog', { name: 'Tinjauan panggilan tersaring' });
  await expect(review).toBeVisible();
  await review.getByLabel('Nomor yang diblokir', { exact: true }).focus();
  await spv.keyboard.type('0813 5557 7799');
  await spv.keyboard.press('Tab');
  await spv.keyboard.type('Mengancam petugas');
  await spv.keyboard.press('Alt+B');
  await expect(review.getByRole('status').filter({ hasText: 'Blokir terpasang.' })).toBeVisible();

  await desk2.keyboard.press('F2');
  await desk2.keyboard.type('081355577799');
  await expect(banner(desk2)).toContainText(
    'Diblokir supervisor: Mengancam petugas (Supervisor Demo)',
  );

  // Lifted from the review: the banner goes on desk 2 while the number is on screen.
  const lift = review.getByRole('button', { name: 'Cabut blokir 081355577799' });
  await lift.focus();
  await spv.keyboard.press('Enter');
  await expect(review.getByRole('status').filter({ hasText: 'Blokir dicabut.' })).toBeVisible();
  await expect(banner(desk2)).toHaveCount(0);
});
