/**
 * The routing table edited on screen, two desks on one hub in Chromium, keys only: the
 * supervisor on desk 1 opens the routing table (Shift+F10), sends fallen trees to DPUPR
 * instead of DLH and Dishub, and publishes it with a reason; the operator on desk 2 —
 * whose screen was open all along — records a fallen tree and Sigap suggests DPUPR. The
 * operator sees the same table but cannot edit it.
 */
import { expect, test } from './support/test';
import type { Proc } from '../support/processes';
import { deskPage, startCenter, startDesk } from './support/center';
import { field } from './support/operator';

const procs: Proc[] = [];
test.afterEach(async () => {
  for (const p of procs.splice(0).reverse()) await p.stop();
});

test('a supervisor changes the OPD for a category and another desk suggests it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const center = await startCenter(procs, [
    { kind: 'desk', id: 'desk-1' },
    { kind: 'desk', id: 'desk-2' },
  ]);
  const supervisor = await deskPage(browser, await startDesk(center, 'desk-1'), 'supervisor');
  const operator = await deskPage(browser, await startDesk(center, 'desk-2'), 'operator');
  await supervisor.setViewportSize({ width: 1366, height: 768 });

  // Before: the files' routing, DLH and Dishub for a fallen tree.
  const suggestion = operator.getByRole('group', { name: 'Kirim ke OPD' });
  await operator.keyboard.press('F2');
  await field(operator, 'Kategori').fill('Pohon tumbang');
  await field(operator, 'Kategori').press('Tab');
  await expect(suggestion.getByRole('checkbox', { name: /DLH/ })).toBeChecked();

  await supervisor.keyboard.press('Shift+F10');
  const screen = supervisor.getByRole('dialog', { name: 'Tabel rute & target kategori' });
  await expect(screen).toContainText('Versi 0 — bawaan dari berkas data');
  const opds = screen.getByLabel('OPD untuk Pohon tumbang', { exact: true });
  await expect(opds).toHaveValue('dlh, dishub');
  await opds.focus();
  await supervisor.keyboard.press('Control+A');
  await supervisor.keyboard.type('dpupr');
  await screen.getByLabel('Alasan perubahan').focus();
  await supervisor.keyboard.type('Pohon tumbang di jalan kini ditangani DPUPR');
  await supervisor.keyboard.press('Enter');
  await expect(screen).toContainText('Versi 1 — diterbitkan Supervisor Demo');
  await expect(screen).toContainText('Pohon tumbang di jalan kini ditangani DPUPR');
  await expect(screen.getByLabel('OPD untuk Pohon tumbang', { exact: true })).toHaveValue('dpupr');
  await supervisor.screenshot({ path: test.info().outputPath('routing-1366x768.png') });
  // Publish stays reachable on a 1366×768 screen.
  await expect(screen.getByRole('button', { name: /Terbitkan/ })).toBeInViewport();

  // The targets tab (Alt+2): each category's numbers, editable.
  await supervisor.keyboard.press('Alt+2');
  await expect(screen.getByLabel('Selesai (mnt) — Pohon tumbang', { exact: true })).toHaveValue(
    '20',
  );
  await supervisor.screenshot({ path: test.info().outputPath('targets-1366x768.png') });
  await expect(screen.getByRole('button', { name: /Terbitkan/ })).toBeInViewport();

  // The history tab (Alt+3) lists who published it and why.
  await supervisor.keyboard.press('Alt+3');
  const history = screen.getByRole('table', { name: 'Riwayat' });
  await expect(history).toContainText('Supervisor Demo');
  await expect(history).toContainText('desk-1');
  await supervisor.keyboard.press('Escape');
  await expect(screen).toBeHidden();

  // Desk 2's open intake now suggests DPUPR, and DLH no longer.
  await expect(suggestion.getByRole('checkbox', { name: /DPUPR/ })).toBeChecked();
  await expect(suggestion.getByRole('checkbox', { name: /DLH/ })).toHaveCount(0);

  // The operator can read the table, not edit it.
  await operator.keyboard.press('Escape');
  await operator.keyboard.press('Shift+F10');
  const seen = operator.getByRole('dialog', { name: 'Tabel rute & target kategori' });
  await expect(seen).toContainText('Hanya supervisor yang dapat mengubah tabel ini.');
  await expect(seen.getByRole('row').filter({ hasText: 'Pohon tumbang' })).toContainText('DPUPR');
  await expect(seen.getByRole('textbox')).toHaveCount(0);
  await expect(seen.getByRole('button', { name: /Terbitkan/ })).toHaveCount(0);
});
