#!/usr/bin/env node
// `npm test`: the unit suite (happy-dom, fake-indexeddb), then the e2e build and the end-to-end
// suite (the built extension in headless Chromium on fixture pages served on 127.0.0.1).
// Both suites always run; the last line sums them up as "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const reports = resolve(root, 'artifacts/test-reports');
mkdirSync(reports, { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function suite(project) {
  const output = resolve(reports, `${project}.json`);
  rmSync(output, { force: true });
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    // A suite can fail with no failed test (a file that does not load): count it once.
    const failed = report.numFailedTests || (ok ? 0 : Math.max(1, report.numFailedTestSuites));
    return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
  } catch {
    // The runner died before writing its report: count the suite as one failure.
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (result) => {
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
};

add(suite('unit'));
if (run('npx', ['wxt', 'build', '--mode', 'e2e'])) add(suite('e2e'));
else add({ passed: 0, failed: 1, skipped: 0 });

console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
