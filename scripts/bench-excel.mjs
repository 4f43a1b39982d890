#!/usr/bin/env node
// Excel benchmark: export and import of a full 127-indicator period in each workbook layout
// (lib/interchange/excel.ts), in Node on the same code the pages load. Every indicator answered,
// with a narrative of a few paragraphs and two evidence links, as a unit submits them.
// Prints medians beside the 1 s target and never fails on them.
//
//   node scripts/bench-excel.mjs    (npm run bench:excel)
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './lib/recognition.mjs';
import { table } from './lib/table.mjs';
import { loadTypeScript } from './lib/typescript.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = 15;
const TARGET_MS = 1_000;

const [{ exportWorkbook, importWorkbook }, { LKE }] = await loadTypeScript(root, ['/lib/interchange/excel.ts', '/lib/lke/template.ts']);

/** Every option question answered (cycling through the options), counts and indices filled. */
function fullPeriod() {
  const states = new Map();
  LKE.answerable.forEach((indicator, i) => {
    let answer;
    if (indicator.answerType === 'count') answer = String(8 + (i % 5));
    else if (indicator.answerType === 'score_0_4') answer = '3,4';
    else answer = indicator.options[i % indicator.options.length].key;
    const paragraph = `Kegiatan ${indicator.code} dilaksanakan pada tahun 2026 oleh tim kerja Zona Integritas sesuai SK Kepala Kantor, dengan laporan pemantauan setiap triwulan kepada pimpinan.`;
    states.set(indicator.code, {
      code: indicator.code,
      answer,
      narrative: Array(6).fill(paragraph).join('\n\n'),
      evidence: [{ url: `https://drive.example.id/bukti/${indicator.code}` }, { url: `https://drive.example.id/foto/${i}` }],
    });
  });
  return states;
}

const states = fullPeriod();
const META = { unit: 'Kantor Contoh', year: 2026 };

async function timed(work) {
  for (let i = 0; i < 3; i++) await work(); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => `${(value / TARGET_MS).toFixed(3)} × target`;
const rows = [];
const medians = [];
for (const layout of ['portalrb', 'lampiran3']) {
  const { bytes, problems } = await exportWorkbook(states, layout, META);
  const check = await importWorkbook(bytes);
  if (problems.length > 0 || check.problems.length > 0 || check.values.size !== LKE.answerable.length) {
    throw new Error(`${layout}: the round trip is not clean (${JSON.stringify([...problems, ...check.problems].slice(0, 3))})`);
  }
  const exportMs = await timed(() => exportWorkbook(states, layout, META));
  const importMs = await timed(() => importWorkbook(bytes));
  medians.push(exportMs, importMs);
  rows.push([`${layout} export (${(bytes.length / 1024).toFixed(0)} KiB)`, ms(exportMs), `< ${TARGET_MS} ms`, ratio(exportMs)]);
  rows.push([`${layout} import`, ms(importMs), `< ${TARGET_MS} ms`, ratio(importMs)]);
}

console.log(`\nExcel workbooks (${LKE.answerable.length} indicators, ${RUNS} runs each, Node; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)\n`);
console.log(table(['measure', 'median', 'target', 'ratio'], rows));
const slowest = Math.max(...medians);
console.log(`\nSlowest median ${ms(slowest)} (${ratio(slowest)}); target ${slowest < TARGET_MS ? 'met' : 'not met'}.`);
