/**
 * Playwright for the desktop app (tests/electron) under Playwright's `_electron`. Separate
 * from playwright.config.ts, whose tests/e2e run in Chromium against the browser host. On a
 * machine without an Electron binary these tests report themselves skipped, with the reason.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Each test runs a hub and an Electron app; two cores.
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
  outputDir: 'test-results/electron',
});
