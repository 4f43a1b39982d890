import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-runner.mjs';
import { startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { waitForNarrative } from '../../scripts/lib/revisions.mjs';
import { indicatorOf, waitForRecognition } from './support/session';

// Moving work between two browsers: narratives typed on the sample portal in one browser profile
// are exported from the dashboard's Data card as a backup file, imported through the same card in
// a fresh profile, and the portal page there gets exactly the same texts back from the badge's
// restore offer.

type Browser = Awaited<ReturnType<typeof launchWithExtension>>;

/** Set by entrypoints/dashboard/App.tsx once the scores are shown: the page has its unit and period. */
const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';
const NARRATIVES = [
  { field: '#catatan-3', text: 'Tim kerja ZI dibentuk dengan SK Kepala Kantor Nomor KEP-07/2026 tanggal 5 Januari 2026.' },
  { field: '#catatan-13', text: 'Rencana kerja dipantau tiap triwulan; notulen rapat evaluasi ada di folder bukti dukung.' },
];

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let downloads: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startFixtureServer(FIXTURES_DIR);
  downloads = mkdtempSync(join(tmpdir(), 'asisten-lke-transfer-'));
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** A fresh browser profile with the extension: every launch gets its own user-data directory. */
async function freshProfile(): Promise<Browser> {
  const browser = await launchWithExtension();
  browsers.push(browser);
  return browser;
}

async function openDashboard(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SCORES_SHOWN_MARK, { timeout: 20_000 });
  return page;
}

async function openSample(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('sample/index.html'));
  await waitForRecognition(page, 127);
  return page;
}

describe('backup from one browser profile into another', () => {
  // Two browser launches and two recognitions of the 127-row page: slow on a busy machine.
  it('brings the narratives typed in one profile back onto the portal page in a fresh one', { timeout: 120_000 }, async () => {
    // Profile 1: type on the portal; autosave keeps the texts in the extension's database.
    const first = await freshProfile();
    const extensionPage = await openDashboard(first);
    const portal = await openSample(first);
    const codes: string[] = [];
    for (const { field, text } of NARRATIVES) {
      const code = await indicatorOf(portal, field);
      codes.push(code);
      await portal.locator(field).pressSequentially(text, { delay: 2 });
      await waitForNarrative(extensionPage, code, text);
    }

    // Export everything through the Data card, as a downloaded file.
    const dashboard = await openDashboard(first);
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Ekspor semua data' }).click(),
    ]);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/-backup-all-\d{4}-\d{2}-\d{2}\.json$/);
    await first.close();
    browsers.splice(browsers.indexOf(first), 1);

    // Profile 2: a fresh browser; import the file through the Data card.
    const second = await freshProfile();
    const target = await openDashboard(second);
    await target.getByLabel('Impor berkas cadangan (.json)').setInputFiles(file);
    await target.locator('tr[data-table="revisions"]').waitFor();
    expect(await target.locator('tr[data-table="revisions"] td').first().textContent()).not.toBe('0');
    await target.getByRole('button', { name: 'Terapkan' }).click();
    await target.getByText(/^Cadangan diterapkan: \d+ data baru/).waitFor();

    // The portal page in the fresh profile shows empty fields; the badge offers the saved texts.
    const page = await openSample(second);
    for (const [index, { field, text }] of NARRATIVES.entries()) {
      expect(await page.locator(field).inputValue()).toBe('');
      const restore = page.locator(`[data-lke-indicator="${codes[index]}"] asisten-lke-badge`).first().locator('button.restore');
      await expect.poll(() => restore.count(), { timeout: 10_000 }).toBe(1);
      await restore.click();
      expect(await page.locator(field).inputValue()).toBe(text);
    }
  });
});
