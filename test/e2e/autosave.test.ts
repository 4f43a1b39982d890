import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { indicatorOf, type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// Autosave in the built extension: what is typed into the sample portal reaches the extension's own
// database, whatever happens to the portal page afterwards.

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  ({ session, extensionPage } = await startSessionWithExtensionPage());
});
afterAll(async () => {
  await session?.close();
});

/** The narrative revisions of an indicator, read with raw IndexedDB in the extension's origin. */
const narrativesOf = (code: string) => readRevisions(extensionPage, code);

const textsOf = async (code: string) => (await narrativesOf(code)).map((revision) => revision.text);

/** The sample form with recognition done, and the indicator code the extension gave a textarea's row. */
async function openForm(textarea: string): Promise<{ page: Page; code: string }> {
  const page = await session.context.newPage();
  await page.goto(session.server.url('sample/index.html'));
  await waitForRecognition(page, 127);
  return { page, code: await indicatorOf(page, textarea) };
}

describe('autosave on the sample form', () => {
  it('keeps typed narrative in the extension’s database and nothing in the portal’s origin', async () => {
    const { page, code } = await openForm('#catatan-3');
    const text = 'Tim kerja dibentuk dengan SK Kepala Kantor Nomor KEP-07/2026.';

    await page.locator('#catatan-3').pressSequentially(text, { delay: 5 });

    await expect.poll(() => textsOf(code), { timeout: 10_000 }).toContain(text);
    const [revision] = (await narrativesOf(code)).filter((r) => r.text === text);
    expect(revision).toMatchObject({ source: 'portal', draftId: null });
    // One burst of typing is one revision, not one per pause.
    expect(await narrativesOf(code)).toHaveLength(1);
    const databases = await page.evaluate(() => indexedDB.databases());
    expect(databases.map((database) => database.name)).not.toContain('asisten-lke');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.close();
  });

  it('saves what was typed just before the tab closed', async () => {
    const { page, code } = await openForm('#catatan-30');

    await page.locator('#catatan-30').pressSequentially('Segera', { delay: 5 });
    await page.close({ runBeforeUnload: false });

    await expect.poll(() => textsOf(code), { timeout: 10_000 }).toContain('Segera');
  });

  it('stores a 50,000-character narrative exactly', async () => {
    const { page, code } = await openForm('#catatan-31');
    // Paragraphs, not short lines: Chromium inserts every line break as a separate edit, which makes
    // `fill` with thousands of them take half a minute.
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 1_000 === 999 ? '\n' : 'Narasi panjang, '[i % 16])).join('');

    await page.locator('#catatan-31').fill(text);

    await expect.poll(async () => (await textsOf(code)).some((stored) => stored === text), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('keeps the typed text after the portal’s session expired and reset the field', async () => {
    const { page, code } = await openForm('#catatan-32');
    const text = 'Narasi yang belum sempat disimpan di portal.';
    await page.locator('#catatan-32').pressSequentially(text, { delay: 5 });
    await expect.poll(() => textsOf(code), { timeout: 10_000 }).toContain(text);

    const lost = await page.evaluate(() => (window as unknown as { __simulateSessionExpiry(): number }).__simulateSessionExpiry());

    expect(lost).toBeGreaterThan(0);
    await expect(page.locator('#catatan-32').inputValue()).resolves.toBe('');
    // Past the debounce: nothing the reset did may overwrite what was saved.
    await page.waitForTimeout(1_000);
    expect(await textsOf(code)).toEqual([text]);
    await page.close();
  });

  it('nothing typed is lost when the service worker is stopped mid-typing', async () => {
    const { page, code } = await openForm('#catatan-40');
    const field = page.locator('#catatan-40');
    // The sample has text in this field already.
    await field.fill('');
    const before = 'Reviu dilakukan setiap triwulan oleh tim penilai internal, ';
    const after = 'dan hasilnya dilaporkan kepada pimpinan unit kerja.';
    // Chrome keeps the worker's DevTools target across a stop and a restart, so Playwright reports
    // no new worker: the running status DevTools reports is what shows the stop and the restart.
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) statuses.push(version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');

    await field.pressSequentially(before, { delay: 10 });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await field.pressSequentially(after, { delay: 10 });
    await field.blur();

    await expect.poll(() => textsOf(code), { timeout: 15_000 }).toContain(before + after);
    expect(statuses).toContain('stopped');
    // DevTools may report the restart a moment after the save it served.
    await expect.poll(() => statuses.slice(statuses.indexOf('stopped'))).toContain('running');
    await cdp.detach();
    await page.close();
  });
});
