import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkState, settle } from '../../scripts/lib/fixture-runner.mjs';
import { readStats } from '../../scripts/lib/recognition.mjs';
import { ARTIFACTS_DIR, expectedOf, startSession } from './support/session';

// "Ajari halaman ini" on a layout the generic recogniser cannot read (short paraphrases instead
// of the official wording): the test clicks one row's question, answer, narrative and evidence
// as a user would, saves the pattern, and every row is recognised, now and after a reload.

let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('calibration on an unknown layout', () => {
  it('learns the row pattern from four clicks and recognises every row with it', async () => {
    const expected = expectedOf('ringkas');
    const { picks, rows } = expected.calibration;
    const page = await session.context.newPage();
    const url = session.server.url('ringkas/index.html');
    await page.goto(url);
    await settle(page);
    // Nothing is recognised before the user teaches the page.
    expect((await readStats(page))?.rows ?? 0).toBe(0);

    // The side panel's button sends this command to the tab.
    await session.serviceWorker.evaluate(
      `chrome.tabs.query({ url: ${JSON.stringify(url)} }).then(([tab]) => chrome.tabs.sendMessage(tab.id, { type: 'calibration.start' }))`,
    );
    const panel = page.locator('asisten-lke-panel section[role="dialog"]');
    await expect.poll(() => panel.textContent()).toContain('Langkah 1 dari 4');

    for (const selector of [picks.question, picks.answer, picks.narrative, picks.evidence]) {
      await page.locator(selector).click();
    }
    await expect.poll(() => panel.textContent()).toContain(`${rows.length} baris dikenali`);
    // The page never saw the teaching clicks: its select did not open, nothing was typed.
    expect(await page.locator(picks.answer).evaluate((select: HTMLSelectElement) => document.activeElement === select)).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/calibration-result.png` });
    await page.locator('asisten-lke-panel button.primary').click();
    await expect.poll(() => panel.textContent()).toContain('Pola disimpan');

    await expect.poll(async () => (await readStats(page))?.rows ?? 0).toBe(rows.length);
    const taught = await checkState(page, expected, rows);
    expect(taught.problems).toEqual([]);
    expect(taught.correctRows).toBe(rows.length);
    expect(taught.correctFields).toBe(taught.expectedFields);

    // Saved for the site: a fresh load recognises the rows without teaching.
    await page.reload();
    await settle(page);
    const reloaded = await checkState(page, expected, rows);
    expect(reloaded.problems).toEqual([]);
    expect(reloaded.recall).toBe(1);
    expect(reloaded.precision).toBe(1);
    await page.close();
  });
});
