#!/usr/bin/env node
// Dashboard benchmark on a database with years of history: 10 periods × 127 indicators, each with
// 50 form revisions of its narrative, a named draft, a page state and an answer (about 64,000
// revisions). In the production build in headless Chromium: the periods are written with raw
// IndexedDB from the extension's origin, then dashboard.html is reloaded and timed from navigation
// start to the performance mark the page sets when the scores are shown. The first render must not
// grow with the history the database keeps. Prints the median beside the 300 ms target and never
// fails on it.
//
//   node scripts/bench-periods.mjs    (part of `npm run bench`; add --no-build to reuse the last production build)
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadDashboard, timeDashboardLoads } from './lib/dashboardLoads.mjs';
import { productionBuild } from './lib/productionBuild.mjs';
import { launchQuietChromium } from './lib/quietChromium.mjs';
import { median } from './lib/recognition.mjs';
import { table } from './lib/table.mjs';
import { loadTypeScript } from './lib/typescript.mjs';

const root = resolve(import.meta.dirname, '..');
const PERIODS = 10;
const REVISIONS = 50;
const RENDERS = 15;
const TARGET_MS = 300;

const extensionDir = productionBuild(root);
const [{ LKE }] = await loadTypeScript(root, ['/lib/lke/template.ts']);
/** Each indicator with an answer its type takes, so every period scores. */
const indicators = LKE.answerable.map((indicator, i) => ({
  code: indicator.code,
  answer:
    indicator.answerType === 'count' ? String(8 + (i % 5)) : indicator.answerType === 'score_0_4' ? '3,4' : indicator.options[i % indicator.options.length].key,
}));

/**
 * Runs in the extension page: adds the periods before the active one to its unit and fills every
 * period with the history of a unit that has worked in the extension for years.
 */
function seedHistory({ indicators, periods, revisions, now }) {
  const request = (r) => new Promise((done, fail) => ((r.onsuccess = () => done(r.result)), (r.onerror = () => fail(r.error))));
  return new Promise((done, fail) => {
    const open = indexedDB.open('asisten-lke');
    open.onerror = () => fail(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const { unitId, periodId } = (await request(db.transaction('settings').objectStore('settings').get('activeContext'))).value;
      const active = await request(db.transaction('periods').objectStore('periods').get(periodId));
      const write = db.transaction(['periods', 'answers', 'pageStates', 'drafts', 'revisions'], 'readwrite');
      write.oncomplete = () => {
        db.close();
        done();
      };
      write.onerror = () => fail(write.error);
      const store = (name) => write.objectStore(name);
      const periodIds = [periodId];
      for (let back = 1; back < periods; back++) {
        periodIds.push(await request(store('periods').add({ unitId, year: active.year - back, templateId: active.templateId, rolledFrom: null, createdAt: now })));
      }
      for (const id of periodIds) {
        for (const { code, answer } of indicators) {
          const narrative = `Kegiatan ${code} dilaksanakan oleh tim kerja Zona Integritas sesuai SK Kepala Kantor, dengan laporan pemantauan setiap triwulan kepada pimpinan dan tindak lanjut atas hasil evaluasi tahun sebelumnya.`;
          store('answers').put({ periodId: id, code, value: answer, source: 'user', updatedAt: now });
          store('pageStates').put({ periodId: id, code, answer, narrative, evidence: [`https://drive.example.id/bukti/${code}`], origin: 'http://127.0.0.1', observedAt: now - 1 });
          store('drafts').add({ periodId: id, code, name: 'final', text: narrative, createdAt: now, updatedAt: now });
          for (let r = 0; r < revisions; r++) {
            store('revisions').add({ periodId: id, code, field: 'narrative', draftId: null, text: `${narrative} (revisi ${r + 1})`, source: 'portal', createdAt: now - (revisions - r) * 60_000 });
          }
        }
      }
    };
  });
}

const browser = await launchQuietChromium({ extensionDir });
let emptyTimes;
let historyTimes;
let revisionCount = 0;
let firstLoad;
let catchUp;
try {
  const url = `chrome-extension://${browser.extensionId}/dashboard.html`;
  const page = await browser.newPage('about:blank');
  // The first visit creates the default unit and period (ARCHITECTURE.md rule 9).
  emptyTimes = (await timeDashboardLoads(page, url, { loads: RENDERS, label: 'empty period' })).map((load) => load.shown);
  console.log(`Seeding ${PERIODS} periods × ${indicators.length} indicators × ${REVISIONS} revisions…`);
  await page.evaluate(seedHistory, { indicators, periods: PERIODS, revisions: REVISIONS, now: Date.now() });
  revisionCount = await page.evaluate(
    () =>
      new Promise((done) => {
        const open = indexedDB.open('asisten-lke');
        open.onsuccess = () => {
          const count = open.result.transaction('revisions').objectStore('revisions').count();
          count.onsuccess = () => (open.result.close(), done(count.result));
        };
      }),
  );
  // Written behind the extension's back, the history is new to the revision heads: the first
  // load reads the period by a scan and the heads catch up after it, once (revisionHeads.ts).
  const catchUpStart = Date.now();
  firstLoad = await loadDashboard(page, url);
  const headsCaughtUp = () =>
    page.evaluate(
      () =>
        new Promise((done) => {
          const open = indexedDB.open('asisten-lke');
          open.onsuccess = () => {
            const transaction = open.result.transaction(['settings', 'revisions']);
            const mark = transaction.objectStore('settings').get('revisionHeads.foldedUpTo');
            const newest = transaction.objectStore('revisions').openKeyCursor(null, 'prev');
            transaction.oncomplete = () => (open.result.close(), done(mark.result?.value === newest.result?.key));
          };
        }),
    );
  while (!(await headsCaughtUp())) {
    if (Date.now() - catchUpStart > 120_000) throw new Error('the revision heads did not catch up with the history within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  catchUp = Date.now() - catchUpStart;
  historyTimes = (await timeDashboardLoads(page, url, { loads: RENDERS, label: 'with history' })).map((load) => load.shown);
} finally {
  await browser.close();
}

const render = median(historyTimes);
const empty = median(emptyTimes);
const ratio = (render / TARGET_MS).toFixed(3);
console.log(
  `\nDashboard with history (${PERIODS} periods × ${indicators.length} indicators, ${revisionCount} revisions; headless Chromium, production build; ` +
    `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)\n`,
);
console.log(
  table(
    ['measure', 'median', 'target', 'ratio'],
    [
      [`dashboard first render, empty period (${RENDERS} loads)`, `${empty.toFixed(1)} ms`, '—', '—'],
      [`dashboard first render, ${PERIODS} periods of history (${RENDERS} loads)`, `${render.toFixed(1)} ms`, `< ${TARGET_MS} ms`, `${ratio} × target`],
      ['  once, the first load after the history was written outside the extension', `${firstLoad.toFixed(1)} ms`, '—', '—'],
      ['  once, until the revision heads caught up with that history', `${catchUp.toFixed(0)} ms`, '—', '—'],
    ],
  ),
);
console.log(`\nDashboard first render with ${PERIODS} periods of history: median ${render.toFixed(1)} ms (${ratio} × target); target ${render < TARGET_MS ? 'met' : 'not met'}.`);
