/**
 * The operator's side of the console in e2e tests, driven as an operator drives it:
 * sign in, record a call by keyboard, find it in the queue, open it, close it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { LauncherProc } from '../../support/processes';

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Signs in with the demo account `username` (see demo-accounts.json in the data dir). */
export async function signInAs(
  page: Page,
  l: Pick<LauncherProc, 'consoleUrl' | 'dataDir'>,
  username: string,
): Promise<void> {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(l.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  await page.goto(l.consoleUrl);
  await field(page, 'Nama pengguna').fill(username);
  await field(page, 'Kata sandi').fill(accounts.find((a) => a.username === username)!.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
}

export const signInOperator = (page: Page, l: Pick<LauncherProc, 'consoleUrl' | 'dataDir'>) =>
  signInAs(page, l, 'operator');

export interface CallIn {
  description: string;
  category?: string;
  kelurahan?: string;
  number?: string;
  callerName?: string;
  anonim?: boolean;
}

/** F2, the fields, Ctrl+Enter: the way an operator records a call. */
export async function recordCase(page: Page, call: CallIn): Promise<void> {
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill(call.number ?? '081234567890');
  if (call.callerName) await field(page, 'Nama penelepon (opsional)').fill(call.callerName);
  if (call.anonim) await field(page, 'Anonim').check();
  await field(page, 'Kategori').fill(call.category ?? 'Sampah');
  await field(page, 'Uraian').fill(call.description);
  await field(page, 'Kelurahan').fill(call.kelurahan ?? 'Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
}

export const queueRow = (page: Page, description: string) =>
  page
    .getByRole('region', { name: 'Tabel antrean' })
    .getByRole('row')
    .filter({ hasText: description });

/** The cell of a case's queue row under the column headed `column` (e.g. 'OPD', 'Umur'). */
export async function queueCell(page: Page, description: string, column: string) {
  const headers = await page
    .getByRole('region', { name: 'Tabel antrean' })
    .getByRole('columnheader')
    .allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▼▲]/g, '').trim() === column);
  expect(index, `queue column ${column}`).toBeGreaterThanOrEqual(0);
  return queueRow(page, description).getByRole('cell').nth(index);
}

/** Opens the case from the queue; Alt+K sends it where the routing table suggests. */
export async function openCase(page: Page, description: string) {
  await queueRow(page, description).dblclick();
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText(description);
  return dialog;
}

export const dlhDispatch = (dialog: ReturnType<Page['getByRole']>) =>
  dialog
    .getByRole('region', { name: 'Disposisi' })
    .getByRole('listitem')
    .filter({ hasText: 'DLH' });

export async function closeCase(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Detail laporan' })).toBeHidden();
}
