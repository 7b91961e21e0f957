/**
 * The caller's history and prank likelihood on the intake screen, in Chromium against the
 * console as `npm start` runs it: shown as soon as a valid number is typed, with its reasons
 * in plain Indonesian, reachable by keyboard, in English on Alt+L — and a flagged caller's
 * case is saved with the same keystrokes as any other.
 */
import path from 'node:path';
import { expect, test, type Page } from './support/test';
import Database from 'better-sqlite3';
import { startLauncher, tempDir, type LauncherProc, type Proc } from '../support/processes';
import { openDesk, startCenter } from './support/center';
import { signInOperator } from './support/operator';

let launcher: LauncherProc;
test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-screening-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Riwayat penelepon' });

const signIn = (page: Page) => signInOperator(page, launcher);

/** Earlier calls of a number, as other desks' screened calls reach this desk's store. */
function storeEarlierCalls(number: string, dispositions: string[]) {
  const db = new Database(path.join(launcher.dataDir, 'console', 'console.db'));
  try {
    const now = Date.now();
    db.prepare(
      'INSERT INTO callers (number, first_seen, last_seen, calls) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(number, now - 86_400_000, now, dispositions.length);
    const insert = db.prepare(
      `INSERT INTO calls (id, started_at, ended_at, caller_number, withheld, caller_name, desk_id, operator_name, disposition)
       VALUES (?, ?, ?, ?, 0, '', 'desk-2', 'Operator Desk 2', ?)`,
    );
    dispositions.forEach((d, i) => {
      const at = now - (dispositions.length - i) * 3 * 3_600_000;
      insert.run(
        `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        at,
        at + 20_000,
        number,
        d,
      );
    });
  } finally {
    db.close();
  }
}

test('a prankster is flagged with its reasons as the number is typed, and the case still saves', async ({
  page,
}) => {
  storeEarlierCalls('+6281234567890', ['prank', 'prank', 'silent', 'prank', 'prank']);
  await signIn(page);
  await page.keyboard.press('F2');
  await expect(panel(page)).toHaveCount(0); // nothing before a valid number
  await page.keyboard.type('0812-3456-7890');

  // One glance, no key: the level, the reasons in plain words, the history.
  await expect(panel(page)).toContainText('Kemungkinan iseng');
  await expect(panel(page)).toContainText('4 dari 5 panggilan sebelumnya iseng');
  await expect(panel(page)).toContainText('iseng 4, kosong 1');
  await expect(panel(page)).toContainText('Iseng terakhir');
  await expect(field(page, 'Nomor penelepon')).toBeFocused(); // the cursor stays put

  // Keyboard-reachable: Tab through the caller's fields reaches the panel after them.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab'); // withheld, name, anonim, rahasia, panel
  await expect(panel(page)).toBeFocused();

  // Same keystrokes as any call: Enter walks the fields and Ctrl+Enter saves.
  await field(page, 'Nomor penelepon').focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Nama penelepon (opsional)')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('pohon');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pohon tumbang di depan rumah');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kejur');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Jl. Pahlawan 3');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();

  // The next call from that number: its report now weighs against the flag.
  await page.keyboard.press('F2');
  await page.keyboard.type('081234567890');
  await expect(panel(page)).toContainText('1 panggilan sebelumnya menjadi laporan');
  await expect(panel(page)).toContainText('ada 1 laporan terbuka dari nomor ini');
});

test('a first-time caller, ticks, a withheld number, and the panel in English', async ({
  page,
}) => {
  await signIn(page);
  await page.keyboard.press('F2');
  await page.keyboard.type('0813 1111 2222');
  await expect(panel(page)).toContainText('Tidak ada tanda iseng');
  await expect(panel(page)).toContainText('belum pernah menelepon');

  // What the operator ticks during the call updates it; no voice is not a prank sign.
  await page.keyboard.press('Alt+h');
  await expect(panel(page)).toContainText('Perhatikan');
  await expect(panel(page)).toContainText('terdengar tertawa');
  await page.keyboard.press('Alt+c');
  await expect(panel(page)).toContainText('terdengar suara anak-anak');
  await page.keyboard.press('Alt+v');
  await expect(panel(page)).toContainText('Kemungkinan iseng');
  await page.keyboard.press('Alt+h');
  await page.keyboard.press('Alt+c');
  await page.keyboard.press('Alt+v');
  await page.keyboard.press('Alt+q');
  await expect(panel(page)).toContainText('Tidak ada tanda iseng');
  await expect(panel(page)).toContainText('tidak ada suara');
  await page.keyboard.press('Alt+q');

  await page.keyboard.press('Alt+w');
  await expect(panel(page)).toContainText('nomor disembunyikan');
  await page.keyboard.press('Alt+w'); // back to the number, cleared
  await page.keyboard.type('0813 1111 2222');

  await page.keyboard.press('Alt+l');
  const english = page.getByRole('region', { name: 'Caller history' });
  await expect(english).toContainText('No sign of a prank');
  await expect(english).toContainText('never called before');
});

test('a prank disposed of with one key on desk 1 shows in the history and flag on desk 2', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const procs: Proc[] = [];
  try {
    const center = await startCenter(
      procs,
      [
        { kind: 'desk', id: 'desk-1' },
        { kind: 'desk', id: 'desk-2' },
      ],
      'sigap-e2e-screening-',
    );
    const desk1 = await openDesk(browser, center, 'desk-1', { locale: 'id-ID' });
    const desk2 = await openDesk(browser, center, 'desk-2', { locale: 'id-ID' });

    await desk1.keyboard.press('F2');
    await desk1.keyboard.type('0857 1234 5678');
    await expect(panel(desk1)).toContainText('belum pernah menelepon');
    await desk1.keyboard.press('Alt+h');
    await desk1.keyboard.press('Alt+i'); // iseng: one key, no case

    await desk2.keyboard.press('F2');
    await desk2.keyboard.type('+62 857-1234-5678');
    await expect(panel(desk2)).toContainText('Kemungkinan iseng', { timeout: 20_000 });
    await expect(panel(desk2)).toContainText('1 dari 1 panggilan sebelumnya iseng');
    await expect(panel(desk2)).toContainText('iseng 1');
  } finally {
    for (const p of procs.reverse()) await p.stop();
  }
});
