/**
 * The desktop app for real, under Playwright's `_electron`: it starts on app://sigap with
 * only the console API exposed, the status bar shows the hub online, and the page cannot
 * navigate away, open windows or reach the network (proved against a page served on
 * loopback, which would load if nothing stopped it). Skipped, with the reason, where no
 * Electron binary exists.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * A page this test serves on loopback: the app's window would load it (or fetch it) if
 * nothing stopped it, whether or not this machine reaches the internet. It records every
 * request it gets.
 */
async function serveBait(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>bait</title><p>not Sigap</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bait.html`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('the page cannot navigate away, open windows or reach the network', async () => {
  const { app } = desktop!;
  const bait = await serveBait();
  try {
    // The bait is up and answers: anything the app let through would reach it.
    expect(await (await fetch(bait.url)).text()).toContain('not Sigap');
    bait.requests.length = 0;

    const page = await app.firstWindow();
    await expect(page.getByRole('status', { name: 'Koneksi hub' })).toBeVisible();
    await page.evaluate((url) => {
      (globalThis as unknown as PageGlobals).location.href = url;
    }, bait.url);
    // An allowed navigation to loopback would have loaded within this wait.
    await expect(page.waitForURL(bait.url, { timeout: 3000 })).rejects.toThrow();
    expect(page.url()).toBe('app://sigap/index.html');
    await expect(page.getByRole('status', { name: 'Koneksi hub' })).toBeVisible();

    const refused = await page.evaluate(
      (url) => (globalThis as unknown as PageGlobals).open(url) === null,
      bait.url,
    );
    expect(refused).toBe(true);
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);

    const fetched = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'reached',
          () => 'blocked',
        ),
      bait.url,
    );
    expect(fetched).toBe('blocked');

    // Not one of the three got as far as the bait.
    expect(bait.requests).toEqual([]);
  } finally {
    await bait.close();
  }
});
