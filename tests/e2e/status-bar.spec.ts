/**
 * The console as `npm start` runs it, in Chromium: the status bar follows the hub going
 * away and coming back, and the language switch sticks.
 */
import { expect, test } from './support/test';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';

let launcher: LauncherProc;

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  await launcher?.stop();
});

test('status bar shows the hub going offline when it dies and online when it is back', async ({
  page,
}) => {
  await page.goto(launcher.consoleUrl);
  const hub = page.getByRole('status', { name: 'Koneksi hub' });
  await expect(hub).toHaveText(/Hub terhubung/);
  // The session key left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('key=');

  const firstPid = launcher.hubPid();
  process.kill(firstPid, 'SIGKILL');
  await expect(hub).toHaveText(/Hub terputus/, { timeout: 5_000 });

  // The launcher restarts its hub on the same port; the desk reconnects by itself.
  await expect(hub).toHaveText(/Hub terhubung/, { timeout: 20_000 });
  expect(launcher.hubPid()).not.toBe(firstPid);
});

test('language switches by keyboard and is remembered across reloads', async ({ page }) => {
  await page.goto(launcher.consoleUrl);
  await expect(page.getByRole('status', { name: 'Koneksi hub' })).toHaveText(/Hub terhubung/);
  await expect(page.getByRole('button', { name: 'Ganti bahasa ke English' })).toContainText(
    'Alt+L',
  );

  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('status', { name: 'Hub connection' })).toHaveText(/Hub online/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('status', { name: 'Hub connection' })).toHaveText(/Hub online/);
});

test('a page opened without the session key gets nothing from the console', async ({ page }) => {
  const bare = launcher.consoleUrl.replace(/#key=.*/, '');
  await page.goto(bare);
  await expect(page.getByRole('alert')).toContainText('Sesi konsol tidak ditemukan');
  const status = await page.evaluate(
    async () => (await fetch('/api/call/app.status', { method: 'POST', body: '{}' })).status,
  );
  expect(status).toBe(401);
});
