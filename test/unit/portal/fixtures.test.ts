import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateRecognizer } from '@/lib/portal/engine';
import { markRows } from '@/lib/portal/mark';
import { checkConformance } from '../../../scripts/lib/conformance.mjs';

// Every static portal layout in test/fixtures/portals/ with a ground truth: the engine must find
// each row, bind each field, and mark nothing else. Pages that build their rows with script are
// checked in Chromium only (test/e2e/recognition.test.ts), where every layout runs.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/portals');
const layouts = readdirSync(FIXTURES).filter((name) => {
  const file = join(FIXTURES, name, 'expected.json');
  return existsSync(file) && !JSON.parse(readFileSync(file, 'utf8')).states;
});

describe.each(layouts)('fixture %s', (layout) => {
  it('is recognised completely and precisely', { timeout: 60_000 }, () => {
    const html = readFileSync(join(FIXTURES, layout, 'index.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, layout, 'expected.json'), 'utf8'));
    document.documentElement.innerHTML = html.replace(/<link[^>]*>/g, "").replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
    const rows = createTemplateRecognizer().recognize(document.body);
    markRows(document, rows);
    const report = checkConformance(document, expected);
    expect(report.problems).toEqual([]);
    expect(report.recall).toBe(1);
    expect(report.precision).toBe(1);
    expect(report.correctFields).toBe(report.expectedFields);
  });
});
