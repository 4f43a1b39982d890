import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// Writing into the portal from the side panel's buttons: the tab commands sent as the panel sends
// them (chrome.tabs.sendMessage from the extension), carried out by the content script of the
// frame showing the row, in fields of every kind the editors fixture has. The page's own
// listeners (window.__seen, the Quill look-alike's model) prove the page saw each change.

let session: Session;
let extensionPage: Page;

beforeAll(async () => {
  ({ session, extensionPage } = await startSessionWithExtensionPage());
});
afterAll(async () => {
  await session?.close();
});

interface Seen {
  id: string;
  type: string;
  value: string;
  inputType?: string;
}

type Command =
  | { type: 'narrative.insert'; code: string; text: string }
  | { type: 'evidence.insert'; code: string; links: string[] }
  | { type: 'field.undo'; code: string; field: 'narrative' | 'evidence' }
  | { type: 'row.focus'; code: string };

/**
 * Sends a command to the tab showing `url`, from the service worker as the extension does, and
 * returns the raw answer: `undefined` when no frame answered (what the client reports as
 * `not_on_page`), or the error text when the tab could not be reached.
 */
async function send(url: string, command: Command): Promise<unknown> {
  return session.serviceWorker.evaluate(
    async ({ url, command }) => {
      // Runs in the service worker, where `chrome` is the extension API.
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(query: { url: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> } };
      };
      const [tab] = await chrome.tabs.query({ url });
      try {
        return { answer: await chrome.tabs.sendMessage(tab!.id!, command) };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { url, command },
  );
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

async function openEditors(): Promise<{ page: Page; url: string }> {
  const page = await session.context.newPage();
  const url = session.server.url('editors/index.html');
  await page.goto(url);
  await waitForRecognition(page, 3);
  return { page, url };
}

const seenOf = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);

describe('narrative.insert', () => {
  it('writes into a textarea; the page’s listeners see it and the history records it', async () => {
    const { page, url } = await openEditors();
    const text = 'Tim kerja dibentuk dengan SK Kepala Kantor Nomor KEP-07/2026.\nAnggota mewakili seluruh unsur.';

    const reply = await send(url, { type: 'narrative.insert', code: 'A.I.1.i.a', text });

    expect(reply).toEqual({ answer: { ok: true, readBack: text, undoable: true } });
    expect(await page.locator('#catatan-1').inputValue()).toBe(text);
    expect(await seenOf(page)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'catatan-1', type: 'input', value: text }),
        expect.objectContaining({ id: 'catatan-1', type: 'change', value: text }),
      ]),
    );
    // The insert's events are synthetic, so autosave ignores them: the content script reports it.
    await expect.poll(async () => (await readRevisions(extensionPage, 'A.I.1.i.a')).map((r) => r.text), { timeout: 10_000 }).toContain(text);
    await page.close();
  });

  it('writes into a plain contenteditable', async () => {
    const { page, url } = await openEditors();
    const text = 'Rencana kerja disusun pada Januari 2026.\nDitetapkan oleh Kepala Kantor.';

    const reply = (await send(url, { type: 'narrative.insert', code: 'A.I.1.ii.a', text })) as { answer: { ok: boolean; readBack: string } };

    expect(reply.answer.ok).toBe(true);
    expect(normal(reply.answer.readBack)).toBe(normal(text));
    expect(normal(await page.locator('#catatan-2').innerText())).toBe(normal(text));
    const seen = await seenOf(page);
    expect(seen.some((entry) => entry.id === 'catatan-2' && entry.type === 'input' && normal(entry.value) === normal(text))).toBe(true);
    await page.close();
  });

  it('writes into a rich editor through its own model', async () => {
    const { page, url } = await openEditors();
    const text = 'Monitoring dilakukan setiap triwulan.\nHasilnya dibahas dalam rapat pimpinan.';

    const reply = (await send(url, { type: 'narrative.insert', code: 'A.I.1.iii.b', text })) as { answer: { ok: boolean; readBack: string } };

    expect(reply.answer.ok).toBe(true);
    expect(normal(reply.answer.readBack)).toBe(normal(text));
    // The editor's model and the hidden input the portal submits hold the text, not just the DOM.
    const model = await page.evaluate(() => (window as unknown as { __editors: Record<string, { getText(): string }> }).__editors['catatan-3']!.getText());
    expect(normal(model)).toBe(normal(text));
    expect(normal(await page.locator('#catatan-3-nilai').inputValue())).toBe(normal(text));
    await page.close();
  });

  it('undo puts back what the field held before the insert, once', async () => {
    const { page, url } = await openEditors();
    await page.locator('#catatan-1').fill('Teks yang diketik pengguna');
    await send(url, { type: 'narrative.insert', code: 'A.I.1.i.a', text: 'Draf dari panel' });

    const undone = await send(url, { type: 'field.undo', code: 'A.I.1.i.a', field: 'narrative' });

    expect(undone).toEqual({ answer: { ok: true, readBack: 'Teks yang diketik pengguna', undoable: false } });
    expect(await page.locator('#catatan-1').inputValue()).toBe('Teks yang diketik pengguna');
    expect(await send(url, { type: 'field.undo', code: 'A.I.1.i.a', field: 'narrative' })).toEqual({
      answer: { ok: false, reason: 'nothing_to_undo' },
    });
    await page.close();
  });

  it('does not undo over what the user typed after the insert', async () => {
    const { page, url } = await openEditors();
    await send(url, { type: 'narrative.insert', code: 'A.I.1.iii.b', text: 'Draf dari panel' });
    await page.locator('#catatan-3').pressSequentially(' ditambah pengguna');

    expect(await send(url, { type: 'field.undo', code: 'A.I.1.iii.b', field: 'narrative' })).toEqual({
      answer: { ok: false, reason: 'nothing_to_undo' },
    });
    expect(await page.locator('#catatan-3').innerText()).toContain('ditambah pengguna');
    await page.close();
  });

  it.each([
    ['a textarea', 'A.I.1.i.a', '#catatan-1'],
    ['the rich editor', 'A.I.1.iii.b', '#catatan-3'],
  ])('round-trips a 50,000-character narrative in %s', async (_, code, selector) => {
    const { page, url } = await openEditors();
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 1_000 === 999 ? '\n' : 'Narasi panjang, '[i % 16])).join('');

    const reply = (await send(url, { type: 'narrative.insert', code, text })) as { answer: { ok: boolean; readBack: string } };

    expect(reply.answer.ok).toBe(true);
    expect(normal(reply.answer.readBack)).toBe(normal(text));
    const shown = await page.locator(selector).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
    expect(normal(shown)).toBe(normal(text));
    if (selector === '#catatan-1') expect(shown).toBe(text);
    await page.close();
  });
});

describe('evidence.insert', () => {
  const links = ['https://drive.example.go.id/sk-tim.pdf', 'https://drive.example.go.id/notulen.pdf?v=1,2'];

  it('puts the links into a single URL input, separated by a space', async () => {
    const { page, url } = await openEditors();
    expect(await send(url, { type: 'evidence.insert', code: 'A.I.1.i.a', links })).toEqual({
      answer: { ok: true, readBack: links.join(' '), undoable: true },
    });
    expect(await page.locator('#bukti-1').inputValue()).toBe(links.join(' '));
    expect((await seenOf(page)).some((e) => e.id === 'bukti-1' && e.type === 'change')).toBe(true);
    await page.close();
  });

  it('puts one link per line into a textarea', async () => {
    const { page, url } = await openEditors();
    expect(await send(url, { type: 'evidence.insert', code: 'A.I.1.ii.a', links })).toEqual({
      answer: { ok: true, readBack: links.join('\n'), undoable: true },
    });
    expect(await page.locator('#bukti-2').inputValue()).toBe(links.join('\n'));
    await page.close();
  });

  it('fills a list with one input per link, using the page’s add button', async () => {
    const { page, url } = await openEditors();
    const reply = await send(url, { type: 'evidence.insert', code: 'A.I.1.iii.b', links });

    expect(reply).toEqual({ answer: { ok: true, readBack: links.join('\n'), undoable: true } });
    expect(await page.locator('#bukti-3 input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(links);
    const seen = await seenOf(page);
    expect(seen.filter((e) => e.type === 'change' && links.includes(e.value)).map((e) => e.value)).toEqual(links);

    expect(await send(url, { type: 'field.undo', code: 'A.I.1.iii.b', field: 'evidence' })).toMatchObject({ answer: { ok: true } });
    expect(await page.locator('#bukti-3 input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['', '']);
    await page.close();
  });
});

describe('which frame answers', () => {
  it('the frame showing the row answers; the top page stays silent', async () => {
    const page = await session.context.newPage();
    const url = session.server.url('editors/framed.html');
    await page.goto(url);
    const frame = page.frameLocator('#lke');
    await expect.poll(() => frame.locator('[data-lke-indicator]').count(), { timeout: 20_000 }).toBe(3);

    expect(await send(url, { type: 'narrative.insert', code: 'A.I.1.i.a', text: 'Dari dalam bingkai' })).toEqual({
      answer: { ok: true, readBack: 'Dari dalam bingkai', undoable: true },
    });
    expect(await frame.locator('#catatan-1').inputValue()).toBe('Dari dalam bingkai');
    // No frame has this indicator: nobody answers, which the client reports as not_on_page.
    expect(await send(url, { type: 'narrative.insert', code: 'A.III.1.a', text: 'x' })).toEqual({ answer: undefined });
    await page.close();
  });

  it('an indicator that is not on the page gets no answer (not_on_page)', async () => {
    const { page, url } = await openEditors();
    expect(await send(url, { type: 'narrative.insert', code: 'A.III.1.a', text: 'x' })).toEqual({ answer: undefined });
    expect(await send(url, { type: 'row.focus', code: 'B.I.1.a' })).toEqual({ answer: undefined });
    await page.close();
  });

  it('row.focus focuses the row’s first empty field', async () => {
    const { page, url } = await openEditors();
    await page.locator('#catatan-2').fill('Sudah ada narasi');
    await page.locator('#ind-2 input[value="Ya"]').check();

    expect(await send(url, { type: 'row.focus', code: 'A.I.1.ii.a' })).toEqual({ answer: { ok: true, readBack: '', undoable: false } });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bukti-2');
    // The outline is an animation: the page's own style attribute is never touched.
    expect(await page.locator('#ind-2').getAttribute('style')).toBeNull();
    await page.close();
  });
});
