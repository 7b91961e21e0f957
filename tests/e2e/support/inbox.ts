/**
 * The OPD clerk's side in e2e tests: the inbox page the hub serves, opened in its own
 * browser context with the OPD's token from the hub's tokens file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import type { TokensFile } from '../../../shared/hub/protocol';
import type { LauncherProc } from '../../support/processes';
import { field } from './operator';

export function opdToken(dataDir: string, opdId: string): string {
  const { tokens } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'hub', 'tokens.json'), 'utf8'),
  ) as TokensFile;
  return tokens.find((t) => t.kind === 'opd' && t.id === opdId)!.token;
}

/** The inbox address `npm start` prints next to the hub. */
export async function printedInboxUrl(l: LauncherProc): Promise<string> {
  const m = await l.waitFor(
    /Inbox:\s+(http:\/\/127\.0\.0\.1:\d+\/) \(OPD inbox; one OPD token per agency in (\S+)\)/,
  );
  expect(m[2]).toBe(path.join(l.dataDir, 'hub', 'tokens.json'));
  return m[1]!;
}

/** The clerk's own browser context (its own sessionStorage), signed in to the inbox. */
export async function openInbox(browser: Browser, url: string, token: string, person: string) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' });
  const clerk = await context.newPage();
  await clerk.goto(url);
  await field(clerk, 'Token OPD').fill(token);
  await field(clerk, 'Nama petugas').fill(person);
  await clerk.getByRole('button', { name: /Masuk/ }).click();
  await expect(clerk.getByRole('status', { name: 'Koneksi hub' })).toHaveText('Terhubung');
  return { context, clerk };
}

export const inboxList = (clerk: Page) => clerk.getByRole('list', { name: 'Antrean disposisi' });
export const inboxItem = (clerk: Page, text: string) =>
  inboxList(clerk).getByRole('listitem').filter({ hasText: text });
