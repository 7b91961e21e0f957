/**
 * Failures reach the operator, in Indonesian, where they look: reference data that cannot
 * be loaded says so with a retry instead of "Memuat…" for ever, and a dispatch the hub
 * refuses says why in the console's words, never in the hub's English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import {
  randomToken,
  repoRoot,
  startHost,
  startHub,
  startLauncher,
  tempDir,
  writeTokens,
  type Proc,
} from '../support/processes';
import {
  dlhDispatch,
  field,
  openCase,
  queueRow,
  recordCase,
  signInOperator,
} from './support/operator';

const running: Proc[] = [];
test.afterEach(async () => {
  for (const p of running.splice(0).reverse()) await p.stop();
});

test('reference data that fails to load is shown as an error with a retry', async ({ page }) => {
  const launcher = await startLauncher(tempDir('sigap-e2e-'));
  running.push(launcher);
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(launcher.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  // The console cannot be reached for the reference data (the link drops mid-call).
  await page.route('**/api/call/reference.get', (route) => route.abort('connectionreset'));
  await page.goto(launcher.consoleUrl);
  await field(page, 'Nama pengguna').fill('operator');
  await field(page, 'Kata sandi').fill(accounts.find((a) => a.username === 'operator')!.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText(
    'Data rujukan (kategori, wilayah, OPD) gagal dimuat: Layanan konsol tidak dapat dihubungi.',
  );
  await expect(page.getByText('Memuat…')).toHaveCount(0);

  // Back online, one retry brings the desk up.
  await page.unroute('**/api/call/reference.get');
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a queue page, Alt+T or a draft that cannot be fetched or kept says so where the operator looks', async ({
  page,
}) => {
  const launcher = await startLauncher(tempDir('sigap-e2e-'));
  running.push(launcher);
  await signInOperator(page, launcher);
  const unreachable = 'Layanan konsol tidak dapat dihubungi.';

  // The queue: a failed page is an alert above the table, with a retry.
  await page.route('**/api/call/queue.list', (route) => route.abort('connectionreset'));
  await recordCase(page, { description: 'Lampu jalan padam di Jl. Salak' });
  const queueAlert = page.getByRole('alert').filter({ hasText: 'Antrean gagal dimuat' });
  await expect(queueAlert).toHaveText(`Antrean gagal dimuat: ${unreachable} Coba lagi`);
  await page.unroute('**/api/call/queue.list');
  await queueAlert.getByRole('button', { name: 'Coba lagi' }).focus();
  await page.keyboard.press('Enter');
  await expect(queueAlert).toHaveCount(0);
  await expect(queueRow(page, 'Lampu jalan padam di Jl. Salak')).toBeVisible();

  // Alt+T when the dispatches needing a call cannot be read: said, not ignored.
  await page.route('**/api/call/alarms.list', (route) => route.abort('connectionreset'));
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('alert').filter({ hasText: 'perlu ditelepon' })).toHaveText(
    `Disposisi yang perlu ditelepon tidak dapat dimuat: ${unreachable}`,
  );
  await page.unroute('**/api/call/alarms.list');

  // The draft of the call being typed: a failed autosave is an alert in the call panel.
  await page.route('**/api/call/draft.save', (route) => route.abort('connectionreset'));
  await page.keyboard.press('F2');
  await field(page, 'Uraian').fill('Pohon tumbang');
  const draftAlert = page.getByRole('alert').filter({ hasText: 'Draf panggilan' });
  await expect(draftAlert).toHaveText(`Draf panggilan ini belum tersimpan: ${unreachable}`);
  // Back online, the next keystroke's autosave clears it.
  await page.unroute('**/api/call/draft.save');
  await field(page, 'Uraian').pressSequentially(' di Jl. Salak');
  await expect(draftAlert).toHaveCount(0);
});

test("a dispatch the hub refuses says why in Indonesian, not in the hub's English", async ({
  page,
}) => {
  // A real hub whose roster lacks DLH (retired there, still in this desk's reference data).
  const dir = tempDir('sigap-e2e-');
  const roster = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources', 'data', 'opds.json'), 'utf8'),
  ) as { opds: Array<{ id: string }> };
  roster.opds = roster.opds.filter((o) => o.id !== 'dlh');
  const rosterFile = path.join(dir, 'opds.json');
  fs.writeFileSync(rosterFile, JSON.stringify(roster));
  const token = randomToken();
  const tokens = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
  const hub = await startHub(path.join(dir, 'hub'), tokens, 0, ['--opds', rosterFile]);
  running.push(hub);
  const dataDir = path.join(dir, 'desk');
  const host = await startHost({ dataDir, hubUrl: hub.url, hubToken: token, deskId: 'desk-1' });
  running.push(host);
  await signInOperator(page, { consoleUrl: `${host.origin}/#key=${host.key}`, dataDir });

  await recordCase(page, { description: 'Sampah menumpuk di Jl. Salak' });
  const dialog = await openCase(page, 'Sampah menumpuk di Jl. Salak');
  await dialog.getByLabel('OPD tujuan').selectOption('dlh');
  await dialog.getByRole('button', { name: 'Kirim ke OPD' }).click();

  await expect(dlhDispatch(dialog)).toContainText(
    /ditolak hub · [\d.:]+ WIB · OPD tujuan tidak terdaftar di hub\./,
  );
  // The hub's own words stay in the log.
  await expect(dlhDispatch(dialog)).not.toContainText('roster');
  await expect(dlhDispatch(dialog)).not.toContainText('opd.unknown');

  // Switched to English, the same refusal reads in English.
  await page.keyboard.press('Alt+L');
  const inEnglish = page
    .getByRole('dialog', { name: 'Case detail' })
    .getByRole('region', { name: 'Dispatch' })
    .getByRole('listitem')
    .filter({ hasText: 'DLH' });
  await expect(inEnglish).toContainText(
    /refused by the hub · [\d.:]+ WIB · The receiving OPD is not registered at the hub\./,
  );
});
