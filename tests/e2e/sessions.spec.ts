/**
 * A sign-in belongs to one tab: two tabs of one console with two people on them, a tab
 * duplicated from a signed-in one, a reloaded tab, and the keyboard path through the
 * sign-in form. Chromium against the console as `npm start` runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './support/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { closeCase, field, openCase, recordCase } from './support/operator';

let launcher: LauncherProc;

/** A tab's sessionStorage, as much of it as this file uses (it does not load the DOM types). */
type PageStorage = { length: number; setItem(key: string, value: string): void };

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

function password(username: string): string {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(launcher.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  return accounts.find((a) => a.username === username)!.password;
}

const signInForm = (page: Page) => page.getByRole('form', { name: 'Masuk' });
const signOutButton = (page: Page) => page.getByRole('button', { name: 'Keluar' });
/** The person the tab's top bar shows as signed in. */
const shownPerson = (page: Page) => page.getByRole('banner');

async function signIn(page: Page, username: string): Promise<void> {
  await expect(field(page, 'Nama pengguna')).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password(username));
  await page.keyboard.press('Enter');
  await expect(signOutButton(page)).toBeVisible();
}

async function openConsole(page: Page): Promise<void> {
  await page.goto(launcher.consoleUrl);
  await expect(signInForm(page)).toBeVisible();
}

test('two tabs with two people: each call is recorded under the person on its tab', async ({
  context,
}) => {
  const tabA = await context.newPage();
  await openConsole(tabA);
  await signIn(tabA, 'operator');
  const tabB = await context.newPage();
  await openConsole(tabB);
  // A new tab is nobody until someone signs in on it.
  await expect(signOutButton(tabB)).toBeHidden();
  await signIn(tabB, 'supervisor');
  await expect(shownPerson(tabB)).toContainText('Supervisor Demo');
  await expect(shownPerson(tabA)).toContainText('Operator Demo');

  await recordCase(tabA, { description: 'Pohon tumbang di depan SDN Kejuron' });
  // Whoever looks at the case sees it recorded under the operator who took the call.
  for (const tab of [tabA, tabB]) {
    await tab.bringToFront();
    const dialog = await openCase(tab, 'Pohon tumbang di depan SDN Kejuron');
    await expect(dialog.getByRole('listitem').filter({ hasText: 'desk-1' })).toContainText(
      'Operator Demo',
    );
    await expect(dialog.getByRole('listitem').filter({ hasText: 'laporan dibuat' })).toContainText(
      'Operator Demo',
    );
    await expect(dialog).not.toContainText('Supervisor Demo');
    await closeCase(tab);
  }

  // Signing out on tab B leaves tab A signed in, and A's next call is still A's.
  await tabB.bringToFront();
  await signOutButton(tabB).click();
  await expect(signInForm(tabB)).toBeVisible();
  await tabA.bringToFront();
  await expect(shownPerson(tabA)).toContainText('Operator Demo');
  await recordCase(tabA, { description: 'Sampah menumpuk di Jl. Salak' });
  const dialog = await openCase(tabA, 'Sampah menumpuk di Jl. Salak');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'desk-1' })).toContainText(
    'Operator Demo',
  );
});

test('a duplicated tab shows the sign-in, not the person of the tab it came from', async ({
  context,
}) => {
  const original = await context.newPage();
  await openConsole(original);
  await signIn(original, 'operator');

  // Chrome's "Duplicate" copies the tab's address and its sessionStorage into a new tab.
  const storage = await original.evaluate(() =>
    Object.entries(
      (globalThis as unknown as { sessionStorage: Record<string, string> }).sessionStorage,
    ),
  );
  expect(storage.length).toBeGreaterThan(0);
  const duplicate = await context.newPage();
  await duplicate.addInitScript((entries) => {
    const tabStorage = (globalThis as unknown as { sessionStorage: PageStorage }).sessionStorage;
    if (tabStorage.length === 0) for (const [k, v] of entries) tabStorage.setItem(k, v);
  }, storage);
  await duplicate.goto(original.url());
  await expect(signInForm(duplicate)).toContainText('Berlaku untuk tab ini saja');
  await expect(shownPerson(duplicate)).not.toContainText('Operator Demo');
  await expect(signOutButton(duplicate)).toBeHidden();

  // Someone else signs in on the duplicate; the original keeps its own person.
  await signIn(duplicate, 'supervisor');
  await original.bringToFront();
  await expect(shownPerson(original)).toContainText('Operator Demo');
  await recordCase(original, { description: 'Lampu jalan mati di Jl. Pahlawan' });
  const dialog = await openCase(original, 'Lampu jalan mati di Jl. Pahlawan');
  await expect(dialog).not.toContainText('Supervisor Demo');
  await closeCase(original);

  // A reload starts the tab signed out too (the console key stays, the person does not).
  await original.reload();
  await expect(signInForm(original)).toBeVisible();
  await expect(shownPerson(duplicate)).toContainText('Supervisor Demo');
});

test('Enter in the user name moves to the password', async ({ page }) => {
  await openConsole(page);
  await field(page, 'Nama pengguna').fill('operator');
  await field(page, 'Nama pengguna').press('Enter');
  await expect(field(page, 'Kata sandi')).toBeFocused();
  await expect(page.getByRole('alert')).toBeHidden();
  await page.keyboard.type(password('operator'));
  await page.keyboard.press('Enter');
  await expect(shownPerson(page)).toContainText('Operator Demo');
});
