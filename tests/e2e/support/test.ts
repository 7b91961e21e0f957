/**
 * Playwright's `test`, with one addition for every e2e spec: the browser contexts a test
 * opens itself (a second desk, a clerk, a supervisor) are closed when it ends. Left open,
 * their pages keep polling consoles and hubs that are gone, and the shared browser slows
 * every test after them.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, Download, Page } from '@playwright/test';

export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const context of browser.contexts()) {
        if (!before.has(context)) await context.close();
      }
    },
    { auto: true },
  ],
});
