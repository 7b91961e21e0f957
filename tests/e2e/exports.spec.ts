/**
 * Exports (F8) in Chromium against the console as the browser host runs it: an operator
 * exports cases to CSV with numbers masked and caller text kept as text, and cannot ask
 * for numbers in full (the box is off for them, and core refuses the request); a
 * supervisor exports to XLSX with numbers in full.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from './support/test';
import { formatWibDay } from '../../shared/time';
import { callHost } from '../support/host-api';
import { startHost, tempDir, type HostProc } from '../support/processes';
import { field, recordCase, signInAs } from './support/operator';

const PAYLOAD = '=HYPERLINK("http://x","klik")';
let host: HostProc;
let desk: { consoleUrl: string; dataDir: string };

test.beforeEach(async () => {
  const dataDir = tempDir('sigap-e2e-exports-');
  host = await startHost({ dataDir });
  desk = { consoleUrl: `${host.origin}/#key=${host.key}`, dataDir };
});
test.afterEach(async () => {
  await host?.stop();
});

const DAY = 86_400_000;

/** F8, the form by keyboard, Enter; answers the finished export's downloaded bytes. */
async function exportFile(
  page: Page,
  o: { format: 'CSV (Excel, UTF-8)' | 'XLSX (Excel)'; unmask?: boolean },
): Promise<Buffer> {
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog', { name: 'Ekspor laporan dan panggilan' });
  await expect(dialog.getByRole('combobox', { name: 'Data' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: o.format });
  // Yesterday to tomorrow (WIB): the case is in range whenever the test runs.
  await field(page, 'Dari tanggal (dd/mm/yyyy)').fill(formatWibDay(Date.now() - DAY));
  await field(page, 'Sampai tanggal (dd/mm/yyyy)').fill(formatWibDay(Date.now() + DAY));
  if (o.unmask) await dialog.getByRole('checkbox', { name: /nomor penelepon lengkap/ }).check();
  await field(page, 'Sampai tanggal (dd/mm/yyyy)').press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Selesai: 1 baris', { timeout: 60_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Kemajuan ekspor' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Unduh sigap-laporan-/ }).click();
  const download = await downloading;
  return fs.readFileSync((await download.path())!);
}

test('an operator exports masked CSV and cannot unmask; a supervisor exports XLSX in full', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, desk, 'operator');
  await recordCase(page, { description: PAYLOAD, number: '081234567890', callerName: 'Budi' });

  // The operator: the box for full numbers is there but off, and says why.
  await page.keyboard.press('F8');
  const dialog = page.getByRole('dialog', { name: 'Ekspor laporan dan panggilan' });
  const unmask = dialog.getByRole('checkbox', { name: /nomor penelepon lengkap/ });
  await expect(unmask).toBeDisabled();
  await expect(dialog).toContainText('Hanya supervisor yang boleh mengekspor nomor lengkap.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const csv = await exportFile(page, { format: 'CSV (Excel, UTF-8)' });
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain('\r\n');
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
  expect(text).toContain('"0812•••••890"');
  expect(text).not.toContain('081234567890');

  // Asked directly, core refuses an operator full numbers and writes nothing.
  const exportsDir = path.join(desk.dataDir, 'exports');
  const before = fs.readdirSync(exportsDir);
  const password = (
    JSON.parse(fs.readFileSync(path.join(desk.dataDir, 'demo-accounts.json'), 'utf8')) as {
      accounts: Array<{ username: string; password: string }>;
    }
  ).accounts.find((a) => a.username === 'operator')!.password;
  expect((await callHost(host, 'auth.signIn', { username: 'operator', password })).ok).toBe(true);
  const refused = await callHost(host, 'export.start', {
    kind: 'cases',
    format: 'csv',
    from: formatWibDay(Date.now() - DAY),
    to: formatWibDay(Date.now() + DAY),
    unmask: true,
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
  expect(fs.readdirSync(exportsDir)).toEqual(before);

  // The supervisor, on another tab: XLSX with the number in full, the payload a string cell.
  const supervisorPage = await (
    await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC', acceptDownloads: true })
  ).newPage();
  await signInAs(supervisorPage, desk, 'supervisor');
  const xlsx = await exportFile(supervisorPage, { format: 'XLSX (Excel)', unmask: true });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const description = sheet.getRow(2).getCell(headers.indexOf('Uraian') + 1);
  expect(description.type).toBe(ExcelJS.ValueType.String);
  expect(description.value).toBe(PAYLOAD);
  expect(sheet.getRow(2).getCell(headers.indexOf('Nomor pelapor') + 1).value).toBe('081234567890');
});
