#!/usr/bin/env node
// Recognition benchmark: the e2e build in headless Chromium over every portal fixture (rows
// expected and recognised, bindings, false positives, precision, recall, median recognition
// time), then a scale run on synthetic pages of 127, 500 and 1,000 rows. Prints figures; the
// pass/fail bar for correctness lives in the e2e suite.
//
//   npm run bench:recognition            (add -- --no-build to reuse the last e2e build)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { FIXTURES_DIR, listFixtures, runFixture, settle } from './lib/fixture-runner.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { median, readStats, timeRecognitionRuns, waitForRecognition } from './lib/recognition.mjs';
import { syntheticPage } from './lib/synthetic-page.mjs';
import { table } from './lib/table.mjs';

const root = resolve(import.meta.dirname, '..');
const TIMED_RUNS = 21;
const SCALES = [127, 500, 1000];

if (!process.argv.includes('--no-build')) {
  console.log('Building the e2e extension…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const percent = (value) => `${(value * 100).toFixed(1)}%`;
const ms = (value) => (value === null ? '—' : `${value.toFixed(2)} ms`);

const server = await startFixtureServer(FIXTURES_DIR);
const syntheticDir = mkdtempSync(join(tmpdir(), 'asisten-lke-bench-'));
for (const size of SCALES) writeFileSync(join(syntheticDir, `rows-${size}.html`), syntheticPage(size));
const syntheticServer = await startFixtureServer(syntheticDir);
const browser = await launchWithExtension();

try {
  const fixtureRows = [];
  for (const { layout, expected } of listFixtures()) {
    process.stdout.write(`  ${layout}…\r`);
    const results = await runFixture(browser.context, server.url, layout, expected);
    const total = (key) => results.reduce((sum, { report }) => sum + report[key], 0);
    const recognised = total('correctRows') + total('falsePositives');
    const page = await browser.context.newPage();
    await page.goto(server.url(`${layout}/${expected.entry ?? 'index.html'}`));
    await settle(page);
    const timed = (await readStats(page)) ? median(await timeRecognitionRuns(page, TIMED_RUNS)) : null;
    await page.close();
    fixtureRows.push([
      layout,
      results.length,
      total('expectedRows'),
      recognised,
      `${total('correctRows')}/${total('expectedRows')}`,
      `${total('correctFields')}/${total('expectedFields')}`,
      total('falsePositives'),
      percent(recognised === 0 ? (total('expectedRows') === 0 ? 1 : 0) : total('correctRows') / recognised),
      percent(total('expectedRows') === 0 ? 1 : total('correctRows') / total('expectedRows')),
      ms(timed),
    ]);
  }
  console.log('\nRecognition on the portal fixtures (all states summed; time = median of re-runs on the loaded page)\n');
  console.log(
    table(
      ['fixture', 'states', 'expected', 'recognised', 'rows ok', 'fields ok', 'false +', 'precision', 'recall', 'median time'],
      fixtureRows,
    ),
  );

  const scaleRows = [];
  for (const size of SCALES) {
    const page = await browser.context.newPage();
    await page.goto(syntheticServer.url(`rows-${size}.html`));
    const first = await waitForRecognition(page, size);
    const times = await timeRecognitionRuns(page, TIMED_RUNS);
    scaleRows.push([size, first.rows, ms(first.elapsedMs), ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times))]);
    await page.close();
  }
  console.log(`\nScale run on synthetic pages (${TIMED_RUNS} full re-recognitions each)\n`);
  console.log(table(['rows', 'recognised', 'first run', 'median', 'min', 'max'], scaleRows));
} finally {
  await browser.close();
  await server.close();
  await syntheticServer.close();
  rmSync(syntheticDir, { recursive: true, force: true });
}
