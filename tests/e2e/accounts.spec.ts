/**
 * Center-wide accounts on screen, two desks on one hub in Chromium: the supervisor on
 * desk 1 opens the accounts screen (F10), adds an operator and, after that operator has
 * signed in on desk 2, disables the account; the operator's next action on desk 2 is
 * refused with "dinonaktifkan", and the audit log tab shows who disabled whom. A new
 * center (no account, no demo mode) asks for its first supervisor instead of a sign-in.
 */
import path from 'node:path';
import { expect, test } from './support/test';
import {
  randomToken,
  startHost,
  startHub,
  tempDir,
  writeTokens,
  type Proc,
} from '../support/processes';
import { deskPage, startCenter, startDesk } from './support/center';
import { field } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

test("a supervisor disables an operator, and that operator's next action is refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
  ]);
  const desk1 = await startDesk(center, 'desk-1');
  const desk2 = await startDesk(center, 'desk-2');
  const supervisor = await deskPage(browser, desk1, 'supervisor');

  await supervisor.keyboard.press('F10');
  const admin = supervisor.getByRole('dialog', { name: 'Akun dan log audit pusat' });
  await expect(admin.getByRole('table', { name: 'Daftar akun' })).toContainText('operator');
  const add = admin.getByRole('form', { name: 'Tambah akun' });
  await add.getByLabel('Nama pengguna').fill('rina');
  await add.getByLabel('Nama lengkap').fill('Rina Wulandari');
  await add.getByLabel('Kata sandi (min. 8 karakter)').fill('sandi-rina-123');
  await add.getByLabel('Kata sandi (min. 8 karakter)').press('Enter');
  await expect(admin.getByRole('status')).toHaveText('Akun Rina Wulandari dibuat.');

  // Rina signs in on desk 2 (the hub knows her at once) and works.
  const rina = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  await rina.goto(desk2.consoleUrl);
  await field(rina, 'Nama pengguna').fill('rina');
  await field(rina, 'Kata sandi').fill('sandi-rina-123');
  await rina.keyboard.press('Enter');
  await expect(rina.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();

  await admin.getByRole('button', { name: 'Nonaktifkan rina' }).click();
  await expect(admin.getByRole('status')).toHaveText('Akun Rina Wulandari dinonaktifkan.');
  await expect(admin.getByRole('row').filter({ hasText: 'rina' })).toContainText('Nonaktif');

  // Desk 2 learns it from the hub: Rina's next action (saving a call) is refused.
  await rina.keyboard.press('F2');
  await field(rina, 'Nomor penelepon').fill('081234567890');
  await field(rina, 'Kategori').fill('Sampah');
  await field(rina, 'Uraian').fill('Sampah menumpuk di depan pasar');
  await field(rina, 'Kelurahan').fill('Kejuron');
  await field(rina, 'Kelurahan').press('Tab');
  await expect(async () => {
    await rina.keyboard.press('Control+Enter');
    const refused = rina.getByRole('alert').filter({ hasText: /^Belum tersimpan/ });
    await expect(refused.filter({ hasText: 'dinonaktifkan' })).toBeVisible({
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(rina.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeHidden();

  await admin.getByRole('tab', { name: 'Log audit' }).click();
  const log = admin.getByRole('table', { name: 'Log audit' });
  await expect(log.getByRole('row').filter({ hasText: 'akun dinonaktifkan' })).toContainText(
    'Supervisor Demo',
  );
  await expect(log.getByRole('row').filter({ hasText: 'akun dinonaktifkan' })).toContainText(
    'desk-1',
  );
});

test('a new center asks for its first supervisor, who then signs in', async ({ browser }) => {
  test.setTimeout(120_000);
  // A hub and a desk with no account at all, and no demo mode.
  const dir = tempDir('sigap-e2e-first-');
  const token = randomToken();
  const hub = await startHub(
    path.join(dir, 'hub'),
    writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]),
  );
  procs.push(hub);
  const host = await startHost({
    dataDir: path.join(dir, 'desk-1'),
    deskId: 'desk-1',
    hubUrl: hub.url,
    hubToken: token,
    extra: { SIGAP_DEMO: '0' },
  });
  procs.push(host);
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
  await page.goto(`${host.origin}/#key=${host.key}`);

  const setup = page.getByRole('form', { name: 'Buat akun supervisor pertama' });
  await expect(setup).toBeVisible();
  await setup.getByLabel('Nama pengguna').fill('sari');
  await setup.getByLabel('Nama lengkap').fill('Sari Kepala Regu');
  await setup.getByLabel('Kata sandi (min. 8 karakter)').fill('sandi-sari-123');
  await setup.getByLabel('Ulangi kata sandi').fill('sandi-lain-123');
  await setup.getByLabel('Ulangi kata sandi').press('Enter');
  await expect(setup.getByRole('alert')).toHaveText('Kedua kata sandi tidak sama.');

  await setup.getByLabel('Ulangi kata sandi').fill('sandi-sari-123');
  await setup.getByLabel('Ulangi kata sandi').press('Enter');
  await expect(page.getByRole('button', { name: /Akun & audit/ })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sari Kepala Regu');

  // Signed out, the sign-in (not the setup) comes back, and her password works.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await field(page, 'Nama pengguna').fill('sari');
  await field(page, 'Kata sandi').fill('sandi-sari-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Akun & audit/ })).toBeVisible();
});
