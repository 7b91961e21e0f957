/**
 * queue.scroll_max_frame_ms: the longest frame while an operator scrolls the 100,000-case
 * queue in Chromium (wheel, PageDown, and jumps across the list), measured in the page
 * with requestAnimationFrame against the real console host and store.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import { startHost } from '../tests/support/processes';
import { round, type Figure } from './lib/figures';
import { seededDataDir } from './lib/stores';

export async function scrollBench(): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH or install chromium)');
  const { dataDir, accounts } = await seededDataDir(100_000);
  const host = await startHost({ dataDir });
  const browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${host.origin}/#key=${host.key}`);
    const op = accounts.find((a) => a.username === 'operator')!;
    await page.getByLabel('Nama pengguna', { exact: true }).fill(op.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(op.password);
    await page.keyboard.press('Enter');
    const table = page.getByRole('region', { name: 'Tabel antrean' });
    await table.locator('tbody tr:not([aria-hidden])').first().waitFor();
    await table.focus();

    // In-page code as text: it runs in Chromium, not in this (Node) program.
    await page.evaluate(`(() => {
      window.frames_ = [];
      window.running_ = true;
      let last = 0;
      const tick = (t) => {
        window.frames_.push(t - last);
        last = t;
        if (window.running_) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    })()`);
    const box = (await table.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A fast operator: wheel notches (100 px each) at 60 a second for three seconds, then
    // PageDown held down, then jumps across the list as when dragging the scroll bar.
    for (let i = 0; i < 180; i++) {
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(16);
    }
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(33);
    }
    for (const fraction of [0.25, 0.5, 0.9, 0.1, 0.75, 1, 0]) {
      await table.evaluate((el, f) => (el.scrollTop = f * el.scrollHeight), fraction);
      await page.waitForTimeout(120);
    }
    const frames = (await page.evaluate('window.running_ = false, window.frames_')) as number[];
    const rows = await table.locator('tbody tr:not([aria-hidden])').count();
    return [
      {
        name: 'queue.scroll_max_frame_ms',
        value: round(Math.max(...frames.slice(1)), 1),
        unit: 'ms',
        target: '≤ 50',
      },
      { name: 'queue.scroll_frames', value: frames.length, unit: 'frames' },
      { name: 'queue.dom_rows', value: rows, unit: 'rows' },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
