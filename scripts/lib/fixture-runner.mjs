// Opens a fixture page in a browser with the extension, walks through its states (expected.json)
// and checks the extension's marks against the ground truth in each. Shared by the end-to-end
// suite and the recognition benchmark.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkConformance } from './conformance.mjs';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../test/fixtures/portals');

/** @returns {{ layout: string, expected: any }[]} every fixture folder with a ground truth */
export function listFixtures() {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => existsSync(join(FIXTURES_DIR, name, 'expected.json')))
    .sort()
    .map((layout) => ({ layout, expected: JSON.parse(readFileSync(join(FIXTURES_DIR, layout, 'expected.json'), 'utf8')) }));
}

/** The states of a fixture: its load state, then each listed state. */
export function statesOf(expected) {
  return [{ name: 'load', actions: [], rows: expected.rows }, ...(expected.states ?? [])];
}

/**
 * Waits until the page and the recognition have settled: no DOM change and no new recognition
 * stats for a while. Pages that render late keep changing (spinners, "Memuat…") until they are done.
 * @param {import('playwright-core').Page | import('playwright-core').Frame} target
 */
export async function settle(target, quietMs = 400, timeoutMs = 15_000) {
  await target.evaluate(() => {
    if (window.__lkeQuiet) return;
    window.__lkeQuiet = { last: performance.now() };
    new MutationObserver(() => {
      window.__lkeQuiet.last = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    await new Promise((done) => setTimeout(done, 50));
    const quietFor = await target.evaluate(() => performance.now() - window.__lkeQuiet.last);
    if (quietFor >= quietMs) return;
  }
}

/** @param {import('playwright-core').Page} page */
async function perform(page, action) {
  if (action.click) await page.locator(action.click).first().click();
  if (action.eval) await page.evaluate(action.eval);
  if (action.wait) await page.waitForTimeout(action.wait);
  if (action.goto) await page.goto(new URL(action.goto, page.url()).href);
}

const sum = (reports, key) => reports.reduce((total, report) => total + report[key], 0);

/**
 * Checks one state of a page: rows in the main document and in frames.
 * @param {import('playwright-core').Page} page
 */
export async function checkState(page, expected, rows) {
  const byFrame = new Map();
  for (const row of rows) {
    const key = row.frame ?? '';
    if (!byFrame.has(key)) byFrame.set(key, []);
    byFrame.get(key).push(row);
  }
  if (!byFrame.has('')) byFrame.set('', []);
  const reports = [];
  for (const [frameSelector, frameRows] of byFrame) {
    const target = frameSelector ? await (await page.$(frameSelector))?.contentFrame() : page;
    if (!target) {
      reports.push({ expectedRows: frameRows.length, recognizedRows: 0, correctRows: 0, expectedFields: 0, correctFields: 0, falsePositives: 0, problems: [`frame ${frameSelector} not found`] });
      continue;
    }
    if (frameSelector) await settle(target);
    const ground = { ...expected, rows: frameRows };
    reports.push(await target.evaluate(`(${checkConformance.toString()})(document, ${JSON.stringify(ground)})`));
  }
  const expectedRows = sum(reports, 'expectedRows');
  const correctRows = sum(reports, 'correctRows');
  const falsePositives = sum(reports, 'falsePositives');
  const recognized = correctRows + falsePositives;
  return {
    expectedRows,
    correctRows,
    falsePositives,
    expectedFields: sum(reports, 'expectedFields'),
    correctFields: sum(reports, 'correctFields'),
    precision: recognized === 0 ? (expectedRows === 0 ? 1 : 0) : correctRows / recognized,
    recall: expectedRows === 0 ? 1 : correctRows / expectedRows,
    problems: reports.flatMap((report) => report.problems),
  };
}

/**
 * Opens a fixture and checks every state in order.
 * @param {import('playwright-core').BrowserContext} context
 * @param {(path: string) => string} url
 * @returns {Promise<{ state: string, report: Awaited<ReturnType<typeof checkState>> }[]>}
 */
export async function runFixture(context, url, layout, expected) {
  const page = await context.newPage();
  const results = [];
  try {
    await page.goto(url(`${layout}/${expected.entry ?? 'index.html'}`));
    for (const state of statesOf(expected)) {
      for (const action of state.actions ?? []) await perform(page, action);
      await settle(page);
      results.push({ state: state.name, report: await checkState(page, expected, state.rows) });
    }
  } finally {
    await page.close();
  }
  return results;
}
