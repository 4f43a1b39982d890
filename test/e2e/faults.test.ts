import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { indicatorOf, type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// The service worker stopped while the extension writes (Chrome stops idle workers at any time):
// an insert from the side panel is still recorded in the history, once, and typing across several
// stops loses nothing and duplicates nothing. (test/e2e/autosave.test.ts covers one stop mid-typing.)

let session: Session;
let extensionPage: Page;
let cdp: CDPSession;
/** The worker's running status as DevTools reports it: proves each stop happened. */
const statuses: string[] = [];

beforeAll(async () => {
  ({ session, extensionPage } = await startSessionWithExtensionPage());
  cdp = await session.context.newCDPSession(extensionPage);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  await session?.close();
});

async function stopWorker(): Promise<void> {
  const stops = statuses.filter((status) => status === 'stopped').length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.filter((status) => status === 'stopped').length).toBeGreaterThan(stops);
}
const textsOf = async (code: string) => (await readRevisions(extensionPage, code)).map((revision) => revision.text);

/** A tab command sent from the extension page, as the side panel sends it (no service worker involved). */
function sendFromPanel(url: string, command: { type: 'narrative.insert'; code: string; text: string }): Promise<unknown> {
  return extensionPage.evaluate(
    async ({ url, command }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(query: { url: string }): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> } };
      };
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, command);
    },
    { url, command },
  );
}

describe('service worker stopped during writes', () => {
  let page: Page;
  beforeAll(async () => {
    page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    await waitForRecognition(page, 127);
  });

  it('an insert from the side panel while the worker is stopped is written and recorded once', async () => {
    const code = await indicatorOf(page, '#catatan-41');
    const text = 'Narasi disisipkan dari panel ketika service worker berhenti.';
    await stopWorker();

    const reply = await sendFromPanel(page.url(), { type: 'narrative.insert', code, text });

    expect(reply).toMatchObject({ ok: true, readBack: text });
    expect(await page.locator('#catatan-41').inputValue()).toBe(text);
    await expect.poll(() => textsOf(code), { timeout: 15_000 }).toContain(text);
    await page.waitForTimeout(1_000);
    expect((await textsOf(code)).filter((stored) => stored === text)).toHaveLength(1);
  });

  it('typing across three stops keeps the final text, and no revision twice', async () => {
    const code = await indicatorOf(page, '#catatan-42');
    const field = page.locator('#catatan-42');
    await field.fill('');
    const parts = ['Pengendalian gratifikasi ', 'dilaksanakan oleh UPG ', 'dan dilaporkan ', 'setiap semester.'];
    for (const part of parts.slice(0, -1)) {
      await field.pressSequentially(part, { delay: 5 });
      // As soon as the autosave woke the worker, whether or not its save is done.
      await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('running');
      await stopWorker();
    }
    await field.pressSequentially(parts.at(-1)!, { delay: 5 });
    await field.blur();

    await expect.poll(() => textsOf(code), { timeout: 20_000 }).toContain(parts.join(''));
    await page.waitForTimeout(1_000);
    const texts = await textsOf(code);
    expect(new Set(texts).size).toBe(texts.length);
    // Every revision of this typing is a stage of it, never a mix-up of two saves.
    for (const stored of texts.filter((text) => text.startsWith(parts[0]!))) expect(parts.join('').startsWith(stored), stored).toBe(true);
  });
});
