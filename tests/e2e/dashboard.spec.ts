/**
 * The supervisor's dashboard (F6) against real processes: a hub, an operator's desk and a
 * supervisor's desk, each in its own browser context, and the DLH inbox page in a third.
 * Closing the inbox within its hours shows DLH unwatched; the charts' numbers are the
 * counts in the hub's store.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from './support/test';
import type { Proc } from '../support/processes';
import { deskPage, openDesk, startCenter, startDesk } from './support/center';
import { openInbox } from './support/inbox';
import { field, openCase, recordCase } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

const dashboard = (page: Page) => page.getByRole('dialog', { name: 'Dasbor supervisor' });
const opdRow = (page: Page, opd: string) =>
  dashboard(page)
    .getByRole('table', { name: 'OPD', exact: true })
    .getByRole('row')
    .filter({ hasText: opd });

test('closing the OPD inbox within its hours shows it unwatched; charts show the store', async ({
  browser,
}) => {
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
    { kind: 'opd', id: 'dlh', person: 'Petugas DLH' },
  ]);
  const operator = await openDesk(browser, center, 'desk-1');
  const supervisor = await deskPage(browser, await startDesk(center, 'desk-2'), 'supervisor');

  await supervisor.keyboard.press('F6');
  await expect(dashboard(supervisor)).toBeVisible();
  await expect(dashboard(supervisor).getByRole('status')).toContainText('Langsung dari hub');

  // DLH's clerk has the inbox open (DLH's inbox hours are all day).
  const { context: clerk } = await openInbox(
    browser,
    `${center.hub.url}/`,
    center.tokens.dlh!,
    'Sari Wulandari',
  );

  const description = 'Sampah menumpuk di depan pasar';
  await recordCase(operator, { description });
  await openCase(operator, description);
  await operator.keyboard.press('Alt+K');
  await operator.keyboard.press('Escape');
  // A prank call, ended with one key.
  await operator.keyboard.press('F2');
  await field(operator, 'Nomor penelepon').fill('085700011122');
  await operator.keyboard.press('Alt+I');
  await expect(operator.getByRole('status').filter({ hasText: 'Panggilan dicatat' })).toBeVisible();

  await expect(opdRow(supervisor, 'DLH')).toContainText('Dipantau (1)');
  await expect(opdRow(supervisor, 'DLH').getByRole('cell').first()).toHaveText('1');
  // The operator's desk, with who is signed in there.
  const desks = dashboard(supervisor).getByRole('table', { name: 'Desk', exact: true });
  await expect(desks.getByRole('row').filter({ hasText: 'desk-1' })).toContainText('Operator Demo');

  await clerk.close();
  await expect(opdRow(supervisor, 'DLH')).toContainText('TIDAK DIPANTAU');
  await expect(dashboard(supervisor).getByRole('region', { name: 'Peringatan OPD' })).toContainText(
    'DLH: 1 disposisi terbuka dan tidak ada yang membuka kotak masuknya',
  );

  // The chart of calls by disposition holds what the hub stored: one case, one prank.
  const hub = new Database(path.join(center.dir, 'hub', 'hub.db'), { readonly: true });
  const stored = {
    case: (hub.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n,
    prank: (
      hub.prepare("SELECT count(*) AS n FROM calls WHERE disposition = 'prank'").get() as {
        n: number;
      }
    ).n,
  };
  hub.close();
  expect(stored).toEqual({ case: 1, prank: 1 });
  const chart = dashboard(supervisor).getByRole('table', {
    name: 'Panggilan hari ini per jam menurut disposisi',
  });
  const headers = await chart.getByRole('columnheader').allInnerTexts();
  const totals = async (column: string) => {
    const i = headers.indexOf(column);
    const cells = await chart
      .getByRole('row')
      .locator(`td:nth-child(${i + 1})`)
      .allInnerTexts();
    return cells.reduce((sum, c) => sum + Number(c), 0);
  };
  await expect.poll(() => totals('Laporan')).toBe(stored.case);
  expect(await totals('Iseng')).toBe(stored.prank);
  await expect(
    dashboard(supervisor).getByRole('img', {
      name: 'Panggilan hari ini per jam menurut disposisi',
    }),
  ).toBeVisible();
});
