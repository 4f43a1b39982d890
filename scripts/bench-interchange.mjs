#!/usr/bin/env node
// Interchange benchmark: export and import of a full 127-indicator period in every format the Data
// card offers — the backup file (lib/db/repositories/backup.ts over lib/interchange/backup.ts), the
// LKE workbook in both layouts (lib/interchange/excel.ts) and the PortalRB jawaban-unit payload
// (lib/interchange/portalrb.ts) — in Node on the same code the pages load. Every indicator
// answered, with a narrative of a few paragraphs and two evidence links, as a unit submits them.
// The backup runs over fake-indexeddb (slower than the browser's IndexedDB, so the figure errs on
// the safe side): export reads the period and writes the file's text; import checks the text,
// previews the merge and applies it to an empty database. The payload has no import into the
// database: its import is parsing and validating it against the contract schema.
// Prints medians beside the 1 s target and never fails on them.
//
//   node scripts/bench-interchange.mjs    (npm run bench:interchange)
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { median } from './lib/recognition.mjs';
import { table } from './lib/table.mjs';
import { loadTypeScript } from './lib/typescript.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = 15;
const TARGET_MS = 1_000;
/** Revisions per indicator in the backed-up period: a few weeks of typing. */
const REVISIONS = 5;

const [{ exportWorkbook, importWorkbook }, { LKE }, { buildJawabanUnit, JawabanUnitListSchema }, { EMPTY_UNIT_PROFILE }, { createDatabase }, backup] = await loadTypeScript(root, [
  '/lib/interchange/excel.ts',
  '/lib/lke/template.ts',
  '/lib/interchange/portalrb.ts',
  '/lib/db/schema.ts',
  '/lib/db/database.ts',
  '/lib/db/repositories/backup.ts',
]);

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
const newDatabase = () => createDatabase({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'bench' });

/** The period of `states` in a database: answers, page states, a draft and revisions, the library, a workflow state. */
async function seededDatabase() {
  const db = newDatabase();
  const at = Date.UTC(2026, 2, 1);
  const unitId = await db.units.add({ name: META.unit, agency: 'Kementerian Contoh', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: at });
  const periodId = await db.periods.add({ unitId, year: META.year, templateId: LKE.template.id, rolledFrom: null, createdAt: at });
  for (const { code, answer, narrative, evidence } of states.values()) {
    await db.answers.add({ periodId, code, value: answer, source: 'user', updatedAt: at });
    await db.pageStates.add({ periodId, code, answer, narrative, evidence: evidence.map((e) => e.url), origin: 'https://lke.example.go.id', observedAt: at });
    const draftId = await db.drafts.add({ periodId, code, name: 'final', text: narrative, createdAt: at, updatedAt: at });
    await db.revisions.bulkAdd(
      Array.from({ length: REVISIONS }, (_, r) => ({ periodId, code, field: 'narrative', draftId: r === 0 ? draftId : null, text: `${narrative} ${r}`, source: 'portal', createdAt: at + r })),
    );
    for (const { url } of evidence) {
      const evidenceId = await db.evidence.add({ periodId, title: url, url, documentDate: null, type: null, note: '', createdAt: at });
      await db.evidenceLinks.add({ evidenceId, periodId, code, createdAt: at });
    }
    await db.workflow.add({ periodId, code, status: 'draf', updatedAt: at, updatedBy: 'Budi' });
  }
  return { db, periodId };
}

async function timed(work, prepare = async () => undefined) {
  const times = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const input = await prepare();
    const start = performance.now();
    await work(input);
    // The first three runs warm the JIT and the caches; they are not counted.
    if (i >= 3) times.push(performance.now() - start);
  }
  return median(times);
}

const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => `${(value / TARGET_MS).toFixed(3)} × target`;
const kib = (length) => `${(length / 1024).toFixed(0)} KiB`;
const rows = [];
const medians = [];
const measure = (label, value) => {
  medians.push(value);
  rows.push([label, ms(value), `< ${TARGET_MS} ms`, ratio(value)]);
};

// Backup: one period's file.
{
  const { db, periodId } = await seededDatabase();
  const exportText = async () => JSON.stringify(await backup.exportBackup(db, { kind: 'period', periodId }, { appVersion: 'bench', exportedAt: Date.now() }));
  const text = await exportText();
  const importInto = async (target) => {
    const parsed = await backup.readBackup(target, text);
    if (!parsed.ok) throw new Error(`backup: the file is refused (${parsed.reason} ${parsed.path ?? ''})`);
    await backup.applyImport(target, await backup.planImport(target, parsed.backup));
  };
  const check = newDatabase();
  await importInto(check);
  if ((await check.revisions.count()) !== states.size * REVISIONS) throw new Error('backup: the round trip lost revisions');
  measure(`backup JSON export (${kib(text.length)})`, await timed(exportText));
  measure('backup JSON import (check, preview, apply)', await timed(importInto, async () => {
    const target = newDatabase();
    await target.open();
    return target;
  }));
}

// Workbooks in both layouts.
for (const layout of ['portalrb', 'lampiran3']) {
  const { bytes, problems } = await exportWorkbook(states, layout, META);
  const check = await importWorkbook(bytes);
  if (problems.length > 0 || check.problems.length > 0 || check.values.size !== LKE.answerable.length) {
    throw new Error(`${layout}: the round trip is not clean (${JSON.stringify([...problems, ...check.problems].slice(0, 3))})`);
  }
  measure(`Excel ${layout} export (${kib(bytes.length)})`, await timed(() => exportWorkbook(states, layout, META)));
  measure(`Excel ${layout} import`, await timed(() => importWorkbook(bytes)));
}

// The PortalRB payload.
{
  const payload = JSON.stringify(buildJawabanUnit(states));
  measure(`PortalRB jawaban-unit export (${kib(payload.length)})`, await timed(async () => JSON.stringify(buildJawabanUnit(states))));
  measure('PortalRB jawaban-unit import (parse, validate)', await timed(async () => JawabanUnitListSchema.parse(JSON.parse(payload))));
}

console.log(`\nInterchange formats (${LKE.answerable.length} indicators, ${RUNS} runs each, Node; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)\n`);
console.log(table(['measure', 'median', 'target', 'ratio'], rows));
const slowest = Math.max(...medians);
console.log(`\nSlowest median ${ms(slowest)} (${ratio(slowest)}); target ${slowest < TARGET_MS ? 'met' : 'not met'}.`);
