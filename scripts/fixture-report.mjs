#!/usr/bin/env node
// Prints every problem the extension has on the given fixtures (all when none is named):
// rows missed or mis-marked, fields bound wrongly, false positives. For working on recognition.
//
//   node scripts/fixture-report.mjs [layout …]    (needs `npm run build:e2e` first)
import { launchWithExtension } from './lib/browser.mjs';
import { FIXTURES_DIR, listFixtures, runFixture } from './lib/fixture-runner.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';

const wanted = process.argv.slice(2);
const server = await startFixtureServer(FIXTURES_DIR);
const browser = await launchWithExtension();
try {
  for (const { layout, expected } of listFixtures()) {
    if (wanted.length > 0 && !wanted.includes(layout)) continue;
    for (const { state, report } of await runFixture(browser.context, server.url, layout, expected)) {
      console.log(`${layout} / ${state}: rows ${report.correctRows}/${report.expectedRows}, fields ${report.correctFields}/${report.expectedFields}, false + ${report.falsePositives}`);
      for (const problem of report.problems) console.log(`    ${problem}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
