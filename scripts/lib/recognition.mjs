// Reading the e2e build's recognition stats (html[data-lke-stats]) from a page: how many rows the
// content script recognised and how long each run took. Shared by the e2e tests, the demo and
// the benchmarks.

/**
 * @typedef {{ runs: number, rows: number, codes: string[], elapsedMs: number }} Stats
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Stats | null>}
 */
export async function readStats(page) {
  const raw = await page.evaluate(() => document.documentElement.dataset.lkeStats);
  return raw ? JSON.parse(raw) : null;
}

/**
 * Waits until the content script has recognised at least `minRows` rows.
 * @param {import('playwright-core').Page} page
 * @param {number} minRows
 * @returns {Promise<Stats>}
 */
export async function waitForRecognition(page, minRows, timeout = 20_000) {
  await page.waitForFunction(
    (min) => {
      const raw = document.documentElement.dataset.lkeStats;
      return raw !== undefined && JSON.parse(raw).rows >= min;
    },
    minRows,
    { timeout },
  );
  return /** @type {Stats} */ (await readStats(page));
}

/**
 * Times `count` further recognition runs, each triggered by a DOM change the page makes (a
 * paragraph with a question's wording added to the body and removed again: the content script
 * ignores changes that cannot hold a question), and returns the milliseconds of each full run.
 * @param {import('playwright-core').Page} page
 * @param {number} count
 * @returns {Promise<number[]>}
 */
export async function timeRecognitionRuns(page, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const before = (await readStats(page))?.runs ?? 0;
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas';
      document.body.append(probe);
      probe.remove();
    });
    await page.waitForFunction((runs) => JSON.parse(document.documentElement.dataset.lkeStats ?? '{}').runs > runs, before);
    times.push(/** @type {Stats} */ (await readStats(page)).elapsedMs);
  }
  return times;
}

/**
 * The indicator code the content script gave the row that holds an element.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @returns {Promise<string>}
 */
export async function indicatorOf(page, selector) {
  const code = await page.evaluate(
    (wanted) => /** @type {HTMLElement | null} */ (document.querySelector(wanted)?.closest('[data-lke-indicator]') ?? null)?.dataset.lkeIndicator,
    selector,
  );
  if (!code) throw new Error(`${selector} is in no recognised row`);
  return code;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
