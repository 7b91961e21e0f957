/**
 * The desktop app for real, under Playwright's `_electron`: it starts on app://sigap with
 * only the console API exposed, the status bar shows the hub online, and the page cannot
 * navigate away, open windows or reach the network. Skipped, with the reason, where no
 * Electron binary exists.
 */
import { expect, test } from '@playwright/test';
import { channels } from '../../shared/api/contract';
import { desktopReadiness, launchDesktop, type RunningDesktop } from './desktop-app';

/** The page's globals as these tests touch them (this file compiles without DOM types). */
interface PageGlobals {
  sigap: Record<string, unknown> & {
    'app.status'(args: object): Promise<{ ok: boolean; value?: { mode: string } }>;
  };
  require?: unknown;
  process?: unknown;
  location: { href: string };
  open(url: string): unknown;
}

let desktop: RunningDesktop | undefined;

test.beforeEach(async () => {
  const ready = await desktopReadiness();
  test.skip(!ready.ok, ready.ok ? '' : ready.reason);
  if (ready.ok) desktop = await launchDesktop(ready);
});
test.afterEach(async () => {
  await desktop?.close();
  desktop = undefined;
});

test('starts on app://sigap with only the console API in the page', async () => {
  const page = await desktop!.app.firstWindow();
  await expect(page).toHaveURL('app://sigap/index.html');
  const shape = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return {
      api: Object.keys(g.sigap).sort(),
      require: typeof g.require,
      process: typeof g.process,
    };
  });
  expect(shape).toEqual({
    api: [...channels, 'onBackendLink', 'subscribe'].sort(),
    require: 'undefined',
    process: 'undefined',
  });
  const status = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).sigap['app.status']({}),
  );
  expect(status).toMatchObject({ ok: true, value: { mode: 'desktop' } });
});

test('status bar shows the hub online', async () => {
  const page = await desktop!.app.firstWindow();
  await expect(page.getByRole('status', { name: 'Koneksi hub' })).toHaveText(/Hub terhubung/);
});

test('the page cannot navigate away, open windows or reach the network', async () => {
  const { app } = desktop!;
  const page = await app.firstWindow();
  await expect(page.getByRole('status', { name: 'Koneksi hub' })).toBeVisible();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe('app://sigap/index.html');

  const refused = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).open('https://example.com/') === null,
  );
  expect(refused).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);

  const fetched = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
});
