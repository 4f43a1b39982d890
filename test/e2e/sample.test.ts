import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStats } from '../../scripts/lib/recognition.mjs';
import { ARTIFACTS_DIR, conformanceOn, startSession, waitForRecognition } from './support/session';

// The built extension in headless Chromium on the sample LKE form, as a user runs it.

let session: Awaited<ReturnType<typeof startSession>>;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the sample LKE form', () => {
  it('marks all 127 questions and binds each row’s answer, narrative and evidence', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    const stats = await waitForRecognition(page, 127);
    const report = await conformanceOn(page, 'sample');
    expect(report.problems).toEqual([]);
    expect(report.correctRows).toBe(127);
    expect(report.distinctCodes).toBe(127);
    expect(report.correctFields).toBe(report.expectedFields);
    expect(report.falsePositives).toBe(0);
    expect(stats.elapsedMs).toBeGreaterThan(0);
    await page.close();
  });

  it('does no recognition work while the page is idle or only churns', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    await waitForRecognition(page, 127);
    await page.waitForTimeout(500);
    const before = (await readStats(page))!.runs;
    // A spinner toggling, a clock ticking, a row's own status text changing ("Belum disimpan",
    // as the portal writes while the user types): DOM changes that cannot hold a question.
    await page.evaluate(async () => {
      const clock = document.createElement('span');
      document.body.append(clock);
      const status = document.createElement('span');
      document.querySelector('#soal-3')!.append(status);
      for (let i = 0; i < 20; i++) {
        status.textContent = i % 2 ? 'Belum disimpan' : 'Tersimpan pukul 09.15';
        const spinner = document.createElement('div');
        spinner.className = 'spinner';
        document.body.append(spinner);
        clock.textContent = `12:00:${String(i).padStart(2, '0')}`;
        await new Promise((done) => setTimeout(done, 50));
        spinner.remove();
      }
    });
    await page.waitForTimeout(1_000);
    expect((await readStats(page))!.runs).toBe(before);
    await page.close();
  });

  it('shows a readable badge per row inside a shadow root, reflecting what the row holds', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    await waitForRecognition(page, 127);
    const badges = page.locator('asisten-lke-badge');
    await expect.poll(() => badges.count()).toBeGreaterThanOrEqual(127);
    // Row 1 is pre-filled with an answer, a narrative and a link; row 3 is blank.
    const filled = page.locator('#soal-1 asisten-lke-badge button');
    await expect.poll(() => filled.getAttribute('aria-label')).toMatch(/Jawaban: sudah diisi, Narasi: sudah diisi, Bukti: sudah diisi/);
    const blank = page.locator('#soal-3 asisten-lke-badge button');
    await expect.poll(() => blank.getAttribute('aria-label')).toMatch(/Jawaban: belum diisi/);
    // Typing into the portal updates the badge.
    await page.locator('#soal-3 label[for="jawaban-3-Ya"]').click();
    await expect.poll(() => blank.getAttribute('aria-label')).toMatch(/Jawaban: sudah diisi/);
    await page.locator('#soal-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/sample-portal.png` });
    await page.close();
  });

  it('records what the page shows and lists all 127 indicators in the side panel', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    await waitForRecognition(page, 127);
    // Clicking a badge focuses its indicator for the side panel.
    await page.locator('#soal-1 asisten-lke-badge button').click();
    await expect
      .poll(() => session.serviceWorker.evaluate("chrome.storage.session.get('focus').then((r) => r.focus?.code)"))
      .toBe('A.I.1.i.a');

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('[data-testid="indicator-list"] [data-code]').count()).toBe(127);
    const detail = panel.locator('[data-testid="indicator-detail"]');
    await expect.poll(() => detail.getAttribute('data-code')).toBe('A.I.1.i.a');
    await expect.poll(() => detail.innerText()).toContain('Unit kerja telah membentuk tim');
    // The pre-filled narrative of row 1 came through content script → background → database.
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toContain('SK Kepala Kantor Nomor KEP-12');
    await panel.screenshot({ path: `${ARTIFACTS_DIR}/sidepanel.png`, fullPage: false });
    await panel.close();
    await page.close();
  });
});
