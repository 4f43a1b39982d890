#!/usr/bin/env node
// The demo: builds the extension, serves the built-in sample LKE form on 127.0.0.1 and opens it
// in Chromium with the extension loaded. With a display it opens a window and stays open; without
// one it runs headless, prints what was recognised and how fast, and writes screenshots.
//
//   npm run demo            (add -- --no-build to reuse the last build)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { median, timeRecognitionRuns, waitForRecognition } from './lib/recognition.mjs';

const root = resolve(import.meta.dirname, '..');

/** The portal and the side panel next to each other, as a user sees them with the panel open. */
async function saveSideBySide(context, portalPng, panelPng, path) {
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1280 + 420, height: 1000 });
  const img = (png) => `<img style="display:block" src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(`<body style="margin:0;display:flex;background:#e2e8f0">${img(portalPng)}<div style="width:1px;background:#94a3b8"></div>${img(panelPng)}</body>`);
  await sheet.screenshot({ path });
  await sheet.close();
}
const outDir = resolve(root, 'artifacts/demo');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const TIMED_RUNS = 30;

if (!process.argv.includes('--no-build')) {
  console.log('Membangun ekstensi (wxt build --mode e2e)…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const keys = JSON.parse(readFileSync(resolve(root, 'lib/lke/data/permenpanrb-90-2021.keys.json'), 'utf8'));
const questions = new Set(keys.filter((key) => key.soalId !== null).map((key) => key.code));

const server = await startFixtureServer(resolve(root, 'test/fixtures/portals'));
const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(server.url('sample/index.html'));
const first = await waitForRecognition(page, questions.size);
const recognised = first.codes.filter((code) => questions.has(code)).length;
console.log(`${recognised}/${questions.size} indikator dikenali (${first.rows} baris ditandai)`);

const times = await timeRecognitionRuns(page, TIMED_RUNS);
console.log(
  `Waktu pengenalan: ${first.elapsedMs.toFixed(2)} ms saat halaman dimuat; ` +
    `median ${median(times).toFixed(2)} ms dari ${TIMED_RUNS} pengenalan ulang (min ${Math.min(...times).toFixed(2)}, maks ${Math.max(...times).toFixed(2)})`,
);

if (!headless) {
  console.log('Jendela Chromium terbuka. Klik lencana LKE di samping pertanyaan untuk membuka panel samping. Ctrl+C untuk keluar.');
  process.on('SIGINT', async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  });
} else {
  mkdirSync(outDir, { recursive: true });
  await page.locator('asisten-lke-badge').first().waitFor();
  await page.screenshot({ path: resolve(outDir, 'portal-lencana.png') });
  await page.locator('#soal-7').scrollIntoViewIfNeeded();
  await page.locator('#soal-7 asisten-lke-badge button').click();

  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await panel.locator('[data-testid="indicator-detail"][data-code="A.I.1.iii.b"]').waitFor({ timeout: 10_000 });
  await panel.screenshot({ path: resolve(outDir, 'panel-samping.png') });

  await page.setViewportSize({ width: 1280, height: 1000 });
  const portalShot = await page.screenshot({ path: resolve(outDir, 'portal-lencana-soal-7.png') });
  const panelShot = await panel.screenshot();
  await saveSideBySide(browser.context, portalShot, panelShot, resolve(outDir, 'portal-dan-panel.png'));
  console.log(`Tangkapan layar ditulis ke ${outDir}:`);
  console.log('  portal-lencana.png, portal-lencana-soal-7.png, panel-samping.png, portal-dan-panel.png');
  await browser.close();
  await server.close();
}
