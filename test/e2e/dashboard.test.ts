import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { computeScore } from '@/lib/lke/scoring';
import { judge } from '@/lib/lke/verdict';
import { ARTIFACTS_DIR, startSession, waitForRecognition } from './support/session';

// The dashboard in the built extension: answers chosen on the sample portal page reach it through
// the page snapshot, and its scores and verdicts are the workbook's for exactly those answers.

/** The extension API as the service worker sees it (code passed to `serviceWorker.evaluate` runs there). */
declare const chrome: typeof browser;

let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** What the portal page shows as each indicator's answer or count, read off the bound controls. */
function pageAnswers(page: Page): Promise<[string, string | null][]> {
  return page.evaluate(() => {
    const answers = new Map<string, string | null>();
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-lke-field="answer"], [data-lke-field="count"]')) {
      const code = field.closest('[data-lke-indicator]')?.getAttribute('data-lke-indicator');
      if (!code) continue;
      const controls = field.matches('input, select') ? [field] : [...field.querySelectorAll<HTMLInputElement>('input, select')];
      for (const control of controls) {
        if (control instanceof HTMLInputElement && control.type === 'radio') {
          if (control.checked) answers.set(code, control.value);
          else if (!answers.has(code)) answers.set(code, null);
        } else {
          answers.set(code, control.value === '' ? null : control.value);
        }
      }
    }
    return [...answers];
  });
}

const scoresOn = (dashboard: Page) =>
  dashboard.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-lke-score]')].map((element) => [element.getAttribute('data-lke-score'), element.textContent])),
  );

const verdictsOn = (dashboard: Page) =>
  dashboard.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-lke-verdict]')].map((element) => [element.getAttribute('data-lke-verdict'), element.getAttribute('data-met')])),
  );

describe('dashboard', () => {
  it('shows the workbook score and the verdicts of the answers chosen on the portal page', async () => {
    const portal = await session.context.newPage();
    await portal.goto(session.server.url('sample/index.html'));
    await waitForRecognition(portal, 127);
    // Change answers the sample page came with and answer some it left blank.
    for (const id of ['#jawaban-1-Tidak', '#jawaban-2-A', '#jawaban-80-B', '#jawaban-81-A']) await portal.locator(id).check();

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    // The Hasil inputs are entered on the dashboard.
    await dashboard.getByLabel('Indeks Persepsi Anti Korupsi (IPAK), 0–4').fill('3,65');
    await dashboard.getByLabel('Indeks Persepsi Kualitas Pelayanan (IPKP), 0–4').fill('3,40');
    await dashboard.getByLabel('Capaian kinerja dibanding tahun sebelumnya').selectOption('B');
    await dashboard.getByRole('button', { name: 'Simpan', exact: true }).click();
    await dashboard.getByText('Tersimpan.').waitFor();

    const answers = new Map(await pageAnswers(portal));
    expect(answers.get('A.I.1.i.a')).toBe('Tidak');
    answers.set('B.I.a', '3,65').set('B.II.a', '3,40').set('B.I.b', 'B');
    const sheet = computeScore(answers, 'excluded');
    const expected = Object.fromEntries(
      (['total', 'pengungkit', 'pemenuhan', 'reform', 'hasil'] as const).map((part) => [part, sheet[part].toFixed(2)]),
    );
    expect(expected.hasil).toBe('34.59');

    await expect.poll(() => scoresOn(dashboard), { timeout: 10_000 }).toEqual(expected);
    expect(await verdictsOn(dashboard)).toEqual({ wbk: String(judge(sheet, 'wbk').met), wbbm: String(judge(sheet, 'wbbm').met) });

    // The strict reading counts blanks as zero and says so.
    await dashboard.getByLabel(/Ketat/).check();
    await expect.poll(() => scoresOn(dashboard)).toMatchObject({ total: computeScore(answers, 'zero').total.toFixed(2) });
    await dashboard.getByLabel(/Seperti lembar kerja LKE/).check();

    await dashboard.screenshot({ path: resolve(ARTIFACTS_DIR, 'dashboard.png'), fullPage: false });
    await dashboard.screenshot({ path: resolve(ARTIFACTS_DIR, 'dashboard-full.png'), fullPage: true });
    await portal.close();
    await dashboard.close();
  });

  it('opens a clicked indicator in the side panel and moves the portal page to its row', async () => {
    const portal = await session.context.newPage();
    await portal.goto(session.server.url('sample/index.html'));
    await waitForRecognition(portal, 127);
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);

    await dashboard.getByRole('button', { name: 'Buka A.I.3.ii.b di panel samping' }).click();

    await dashboard.getByText('A.I.3.ii.b dibuka di panel samping dan ditampilkan di halaman portal.').waitFor();
    const focusedRow = await portal.evaluate(() => document.activeElement?.closest('[data-lke-indicator]')?.getAttribute('data-lke-indicator'));
    expect(focusedRow).toBe('A.I.3.ii.b');
    const focus = await session.serviceWorker.evaluate(async () => (await chrome.storage.session.get('focus')).focus);
    const portalTab = await session.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, portal.url());
    expect(focus).toMatchObject({ code: 'A.I.3.ii.b', tabId: portalTab });
    await portal.close();
    await dashboard.close();
  });

  it('plays what-if in a sandbox: the cheapest route raises the sandbox score, never the real one', async () => {
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await expect.poll(async () => (await scoresOn(dashboard)).total, { timeout: 10_000 }).toBeTruthy();
    const before = await scoresOn(dashboard);

    await dashboard.getByRole('button', { name: 'Mulai simulasi' }).click();
    await dashboard.getByRole('button', { name: 'Cari rute ke Menuju WBK' }).click();
    const result = dashboard.getByTestId('route-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getByRole('listitem').count()).toBeGreaterThan(0);
    await result.getByRole('button', { name: 'Terapkan ke simulasi' }).click();

    const sandboxTotal = await dashboard.locator('[data-lke-sandbox-score="total"]').textContent();
    expect(Number(/Simulasi: ([\d.]+)/.exec(sandboxTotal ?? '')?.[1])).toBeGreaterThan(Number(before.total));
    expect(await scoresOn(dashboard)).toEqual(before);
    await dashboard.evaluate(() => window.scrollTo(0, 0));
    await dashboard.screenshot({ path: resolve(ARTIFACTS_DIR, 'dashboard-whatif.png') });
    await dashboard.close();
  });
});
