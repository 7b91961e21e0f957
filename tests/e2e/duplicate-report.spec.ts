/**
 * Duplicate reports in Chromium, keyboard only: two desks on one hub and DLH's inbox page.
 * Desk 1 records a fallen tree and sends it (Alt+K); a second caller about the same tree
 * reaches desk 2, whose intake lists desk 1's case as it fills in category, kelurahan and
 * address; Alt+G joins it. Desk 1's case shows the co-reporter, and the OPD inbox shows one
 * case with two reporters — nothing was dispatched twice. Alt+↑/↓ choose among suggestions.
 */
import { expect, test, type Page } from './support/test';
import type { Proc } from '../support/processes';
import { openDesk, startCenter } from './support/center';
import { inboxItem, inboxList, openInbox } from './support/inbox';
import { field, queueRow } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const DESCRIPTION = 'Pohon beringin tumbang menutup jalan';
/** Caller text that must show as text, never as markup. */
const ADDRESS = 'Jl. Pahlawan 12 <i>pos ronda</i>';
const LANDMARK = '<b>depan</b> Bank Jatim';

/** Enter walks the fields, as operators move through the form; then the text is typed. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const target = field(page, label);
  for (
    let i = 0;
    i < 15 && !(await target.evaluate((el) => el === el.ownerDocument.activeElement));
    i++
  ) {
    await page.keyboard.press('Enter');
  }
  await expect(target).toBeFocused();
  await page.keyboard.type(text);
}

test('a second caller about the same fallen tree joins the first case; the OPD sees one case with two reporters', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
    { kind: 'opd', id: 'dlh', person: 'Sari' },
  ]);
  const { hub, tokens } = center;
  const desk1 = await openDesk(browser, center, 'desk-1');
  const desk2 = await openDesk(browser, center, 'desk-2');
  const { clerk } = await openInbox(browser, `${hub.url}/`, tokens['dlh']!, 'Sari');

  // Desk 1: the first caller, recorded and sent to the suggested OPDs in one key.
  await desk1.keyboard.press('F2');
  await desk1.keyboard.type('081234567890');
  await desk1.keyboard.press('Enter');
  await desk1.keyboard.type('Budi');
  await typeInto(desk1, 'Kategori', 'Pohon tumbang');
  await typeInto(desk1, 'Uraian', DESCRIPTION);
  await typeInto(desk1, 'Kelurahan', 'Kejuron');
  await typeInto(desk1, 'Alamat', ADDRESS);
  await typeInto(desk1, 'Patokan', LANDMARK);
  await desk1.keyboard.press('Alt+K');
  await expect(desk1.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  await expect(inboxItem(clerk, DESCRIPTION)).toContainText('1 pelapor');

  // Another fallen tree in the same kelurahan, elsewhere: also suggested, below the first.
  await desk1.keyboard.press('F2');
  await desk1.keyboard.type('081298765432');
  await typeInto(desk1, 'Kategori', 'Pohon tumbang');
  await typeInto(desk1, 'Uraian', 'Dahan patah di depan sekolah');
  await typeInto(desk1, 'Kelurahan', 'Kejuron');
  await typeInto(desk1, 'Alamat', 'Jl. Serayu 3');
  await desk1.keyboard.press('Control+Enter');
  await expect(desk1.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  // Desk 2: the second caller. The case is suggested while the place is typed.
  await desk2.keyboard.press('F2');
  await desk2.keyboard.type('0813 1111 2222');
  await desk2.keyboard.press('Enter');
  await desk2.keyboard.type('Siti');
  await typeInto(desk2, 'Kategori', 'Pohon tumbang');
  await typeInto(desk2, 'Kelurahan', 'Kejuron');
  await typeInto(desk2, 'Alamat', 'pahlawan');
  const suggestions = desk2.getByRole('list', { name: /Mungkin laporan yang sama/ });
  const first = suggestions.getByRole('listitem').first();
  await expect(first).toContainText('Pohon tumbang');
  await expect(first).toContainText('Kejuron');
  await expect(first).toContainText(ADDRESS);
  await expect(first.locator('i')).toHaveCount(0);
  await expect(first).toContainText('DLH, Dishub');
  await expect(first).toContainText('1 pelapor');
  await expect(first).toContainText(/\d+ mnt lalu/);
  await expect(first).toHaveAttribute('aria-current', 'true');
  const second = suggestions.getByRole('listitem').nth(1);
  await expect(second).toContainText('Jl. Serayu 3');
  await desk2.keyboard.press('Alt+ArrowDown');
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(first).not.toHaveAttribute('aria-current', 'true');
  await desk2.keyboard.press('Alt+ArrowUp');
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(field(desk2, 'Alamat')).toBeFocused(); // the cursor stayed where it was
  await expect(
    first.getByRole('button', { name: /Gabung sebagai pelapor tambahan/ }),
  ).toContainText('Alt+G');
  await desk2.keyboard.press('Alt+G');
  await expect(desk2.getByRole('status').filter({ hasText: 'Digabung ke laporan' })).toContainText(
    'kini 2 pelapor',
  );
  await expect(field(desk2, 'Nomor penelepon')).toBeHidden(); // the call has left the form

  // The OPD: still one case, now with two reporters.
  await expect(inboxItem(clerk, DESCRIPTION)).toContainText('2 pelapor');
  await expect(inboxList(clerk).getByRole('listitem')).toHaveCount(1);
  await expect(inboxItem(clerk, DESCRIPTION)).not.toContainText('Siti');

  // Desk 1: the case lists the co-reporter; the landmark is shown as typed.
  await expect(queueRow(desk1, DESCRIPTION)).toBeVisible();
  await desk1.keyboard.press('F4');
  await desk1.keyboard.press('ArrowDown'); // newest first: the fallen tree is second
  await desk1.keyboard.press('Enter');
  const dialog = desk1.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText(DESCRIPTION);
  await expect(dialog).toContainText('2 pelapor');
  await expect(dialog).toContainText('pelapor tambahan');
  await expect(dialog).toContainText('Siti, 0813•••••222');
  await expect(dialog).toContainText(LANDMARK);
  await expect(dialog.locator('b')).toHaveCount(0);
});
