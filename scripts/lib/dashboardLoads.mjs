// Timing the dashboard's first render in the benchmarks: reloads of dashboard.html, each timed by
// the page itself, from navigation start to the performance mark it sets when the scores are shown.
import { setTimeout as sleep } from 'node:timers/promises';

/** Set by entrypoints/dashboard/App.tsx (SCORES_SHOWN_MARK). */
export const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';

/**
 * The time of the scores mark of the page's current document, asked for only once the page had
 * time to set it: polling from inside the page (waitForFunction) would inject Playwright's script
 * into the page while it loads, and the page's main thread would pay for the measurement.
 * @param {import('playwright-core').Page} page
 */
export async function scoresShownAt(page, timeoutMs = 60_000) {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    await sleep(waited === 0 ? 750 : 250);
    const at = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, SCORES_SHOWN_MARK);
    if (at !== undefined) return at;
  }
  throw new Error(`the dashboard showed no scores within ${timeoutMs} ms`);
}

/**
 * Loads the dashboard `loads + 1` times in `page` and returns, per load, when the scores were shown
 * and when DOMContentLoaded ended; the first load warms the browser's caches of the extension's
 * files and is not counted.
 * @param {import('playwright-core').Page} page
 * @param {string} url the dashboard's address
 */
export async function timeDashboardLoads(page, url, { loads, label }) {
  const times = [];
  for (let i = 0; i < loads + 1; i++) {
    process.stdout.write(`  ${label}: dashboard render ${i + 1}/${loads + 1}…\r`);
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await scoresShownAt(page);
    const domContentLoaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    if (i > 0) times.push({ shown, domContentLoaded });
  }
  return times;
}
