/**
 * A reporter calls back to say a resolved case is not fixed: the operator records it from
 * the case's detail with the keyboard only (F4, Enter, Alt+Shift+P), and the OPD clerk's
 * inbox shows the case again, as a new dispatch. Real processes, as `npm start` runs them:
 * launcher, console host, hub, and the OPD inbox page in its own browser context.
 */
import { expect, test } from './support/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { inboxItem, openInbox, opdToken, printedInboxUrl } from './support/inbox';
import { closeCase, dlhDispatch, field, recordCase, signInOperator } from './support/operator';

let launcher: LauncherProc | undefined;

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
});

test('"belum selesai" on a resolved case puts it back in the OPD inbox', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const { context, clerk } = await openInbox(
    browser,
    await printedInboxUrl(launcher),
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await signInOperator(page, launcher);
  const description = 'Sampah menumpuk di depan pasar';
  await recordCase(page, { description, callerName: 'Budi Santoso' });

  // Keys only: the queue (F4), the case (Enter), send it as suggested (Alt+K).
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText(description);
  await page.keyboard.press('Alt+K');

  // DLH accepts and resolves it.
  const item = inboxItem(clerk, description);
  await expect(item).toBeVisible();
  await item.focus();
  await clerk.keyboard.press('t');
  await expect(item).toContainText('Diterima');
  await clerk.keyboard.press('s');
  await field(clerk, 'Catatan penyelesaian').fill('Sampah sudah diangkut');
  await clerk.keyboard.press('Control+Enter');
  await expect(item).toBeHidden();
  await expect(dlhDispatch(dialog)).toContainText('selesai');
  await expect(dialog.getByRole('definition').first()).toHaveText('Selesai');

  // The reporter calls back: still there. Alt+Shift+P, "belum selesai", their words, Enter.
  const section = dialog.getByRole('region', { name: 'Penutupan & telepon balik pelapor' });
  await expect(section.getByRole('button', { name: /Pelapor menelepon kembali/ })).toContainText(
    'Alt+Shift+P',
  );
  await page.keyboard.press('Alt+Shift+P');
  const form = dialog.getByRole('form', { name: 'Telepon balik pelapor' });
  await expect(form).toBeVisible();
  await page.keyboard.press('Space'); // the first choice has the cursor: belum selesai
  await expect(form.getByLabel('Belum selesai (buka kembali ke OPD)')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sampah masih menumpuk, belum diangkut semua');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toHaveText(
    'Laporan dibuka kembali: dikirim ulang ke DLH.',
  );

  // DLH's inbox has it again, live, and the timeline tells what happened.
  await expect(item).toBeVisible();
  await expect(item).toContainText(description);
  await expect(dialog).toContainText(
    'pelapor menelepon kembali · belum selesai: Sampah masih menumpuk, belum diangkut semua',
  );
  await expect(dialog).toContainText('dibuka kembali, dikirim ulang ke OPD');
  await expect(dialog.getByRole('definition').first()).not.toHaveText('Selesai');
  await closeCase(page);
  await context.close();
});
