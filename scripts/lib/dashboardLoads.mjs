// Timing the dashboard's first render in the benchmarks: loads of dashboard.html, each timed by
// the page itself, from navigation start to the performance mark it sets when the scores are shown.
// The pages come from scripts/lib/quietChromium.mjs, which leaves them uninstrumented.
import { setTimeout as sleep } from 'node:timers/promises';

/** Set by entrypoints/dashboard/App.tsx (SCORES_SHOWN_MARK). */
export const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';

/**
 * The time of the scores mark in the page's document, once a document other than `previous` (a
 * `performance.timeOrigin`) set it. It is asked for only once the page had time to set it: polling
 * from inside the page would run the poll on the page's main thread while it loads.
 * @param {{ evaluate: (fn: Function, arg?: unknown) => Promise<any> }} page
 */
export async function scoresShownAt(page, previous = null, timeoutMs = 60_000) {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    await sleep(waited === 0 ? 750 : 250);
    const { origin, at } = await page.evaluate(
      (mark) => ({ origin: performance.timeOrigin, at: performance.getEntriesByName(mark)[0]?.startTime }),
      SCORES_SHOWN_MARK,
    );
    if (origin !== previous && at !== undefined) return at;
  }
  throw new Error(`the dashboard showed no scores within ${timeoutMs} ms`);
}

/**
 * Loads `url` in `page` again and returns when the new document showed the scores.
 * @param {{ evaluate: (fn: Function, arg?: unknown) => Promise<any>, goto: (url: string) => Promise<unknown> }} page
 */
export async function loadDashboard(page, url) {
  const previous = await page.evaluate(() => performance.timeOrigin);
  await page.goto(url);
  return scoresShownAt(page, previous);
}

/**
 * Loads the dashboard `loads + 1` times in `page` and returns, per load, when the scores were shown,
 * when DOMContentLoaded ended and when the browser presented the first frame with text in it
 * (first-contentful-paint: after the page committed the scores, the browser still paints,
 * rasterizes and presents the frame, in software in headless Chromium). The first load warms the
 * browser's caches of the extension's files and is not counted.
 * @param {{ evaluate: (fn: Function, arg?: unknown) => Promise<any>, goto: (url: string) => Promise<unknown> }} page
 * @param {string} url the dashboard's address
 */
export async function timeDashboardLoads(page, url, { loads, label }) {
  const times = [];
  for (let i = 0; i < loads + 1; i++) {
    process.stdout.write(`  ${label}: dashboard render ${i + 1}/${loads + 1}…\r`);
    const shown = await loadDashboard(page, url);
    const { domContentLoaded, firstContentfulPaint } = await page.evaluate(() => ({
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    if (i > 0) times.push({ shown, domContentLoaded, firstContentfulPaint });
  }
  return times;
}
