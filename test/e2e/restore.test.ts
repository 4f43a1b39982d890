import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { indicatorOf, type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// The badge's restore offer on the sample portal: what the user typed is saved by autosave; when
// the portal loses it (its session expired and it reset the fields, or it cut the text short),
// the row's badge offers "Pulihkan", and a click puts back exactly the saved text.

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  ({ session, extensionPage } = await startSessionWithExtensionPage());
});
afterAll(async () => {
  await session?.close();
});

async function openSample(textarea: string): Promise<{ page: Page; code: string; badge: Locator }> {
  const page = await session.context.newPage();
  await page.goto(session.server.url('sample/index.html'));
  await waitForRecognition(page, 127);
  const code = await indicatorOf(page, textarea);
  return { page, code, badge: page.locator(`[data-lke-indicator="${code}"] asisten-lke-badge`).first() };
}

/** Types into a field and waits until autosave has it in the extension's database. */
async function typeAndSave(page: Page, selector: string, code: string, text: string) {
  await page.locator(selector).pressSequentially(text, { delay: 5 });
  await expect.poll(async () => (await readRevisions(extensionPage, code)).map((r) => r.text), { timeout: 10_000 }).toContain(text);
}

const restoreButton = (badge: Locator) => badge.locator('button.restore');

describe('restore offer on the badge', () => {
  it('after a session expiry emptied the field, restores exactly the typed text; undo takes it back', async () => {
    const { page, code, badge } = await openSample('#catatan-32');
    const text = 'Narasi yang belum sempat disimpan di portal: rapat evaluasi 12 Maret 2026.';
    await typeAndSave(page, '#catatan-32', code, text);
    // While the text is on the page there is nothing to restore.
    expect(await restoreButton(badge).count()).toBe(0);

    await page.evaluate(() => (window as unknown as { __simulateSessionExpiry(): number }).__simulateSessionExpiry());
    expect(await page.locator('#catatan-32').inputValue()).toBe('');
    await page.locator('#modal-sesi-tutup').click();

    const button = restoreButton(badge);
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    expect(await button.textContent()).toBe('Pulihkan Narasi');
    const label = await button.getAttribute('aria-label');
    expect(label).toContain('Narasi');
    expect(label).toContain(`${text.length} karakter`);

    await button.click();

    expect(await page.locator('#catatan-32').inputValue()).toBe(text);
    // The portal's own listener saw the change: it marks the row as not saved yet.
    await expect.poll(() => page.locator('#soal-32').textContent()).toContain('Belum disimpan');
    expect(await restoreButton(badge).count()).toBe(0);
    expect(await badge.locator('[role="status"]').textContent()).toBe('Narasi dipulihkan.');

    await badge.locator('button.undo').click();
    expect(await page.locator('#catatan-32').inputValue()).toBe('');
    await expect.poll(() => restoreButton(badge).count()).toBe(1);
    await page.close();
  });

  it('offers the saved text when the portal cut it short', async () => {
    const { page, code, badge } = await openSample('#catatan-33');
    const text = 'Seluruh pegawai telah menandatangani pakta integritas pada awal tahun 2026.';
    await typeAndSave(page, '#catatan-33', code, text);
    await page.locator('#catatan-33').blur();

    // The portal stores at most 30 characters and shows what it kept.
    await page.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#catatan-33')!;
      field.value = field.value.slice(0, 30);
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });

    await expect.poll(() => restoreButton(badge).count(), { timeout: 10_000 }).toBe(1);
    await restoreButton(badge).click();
    expect(await page.locator('#catatan-33').inputValue()).toBe(text);
    await page.close();
  });

  it('offers nothing while the user is in the field, and offers it once they leave', async () => {
    const { page, code, badge } = await openSample('#catatan-34');
    const text = 'Teks yang dikosongkan portal saat pengguna masih mengetik';
    await typeAndSave(page, '#catatan-34', code, text);

    const field = page.locator('#catatan-34');
    await field.focus();
    // The portal empties the field under the user's caret (its own script: autosave ignores it).
    await field.evaluate((el: HTMLTextAreaElement) => {
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Past the overlay's debounce and a round trip: no offer while the field has focus.
    await page.waitForTimeout(1_500);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await restoreButton(badge).count()).toBe(0);

    await field.blur();
    await expect.poll(() => restoreButton(badge).count(), { timeout: 5_000 }).toBe(1);
    await page.close();
  });

  it('shows the row’s hints with an accessible label naming them', async () => {
    const { page, badge } = await openSample('#catatan-35');
    const chip = badge.locator('.hints');
    await expect.poll(() => chip.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await chip.getAttribute('data-worst')).toMatch(/^(error|warning|info)$/);
    expect(await chip.textContent()).toMatch(/^[!▲i] \d+$/);
    const label = await badge.locator('button').first().getAttribute('aria-label');
    expect(label).toMatch(/\d+ petunjuk: /);
    expect(label).toContain('Belum dijawab');
    await page.close();
  });
});
