import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { ARTIFACTS_DIR, type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// Accessibility of the built side panel and dashboard with a full period of data (the sample
// portal's 127 indicators read into the database): axe-core finds no serious or critical
// violation in any of the panel's tabs or on the dashboard, and the controls work by keyboard.
// Every violation, of any impact, is written to artifacts/e2e/a11y.json.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CODE = 'A.I.1.i.a';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let session: Session;
let extensionPage: Page;
const report: Record<string, Violation[]> = {};

beforeAll(async () => {
  ({ session, extensionPage } = await startSessionWithExtensionPage());
  const portal = await session.context.newPage();
  await portal.goto(session.server.url('sample/index.html'));
  await waitForRecognition(portal, 127);
  // A narrative of the user's own, so the history and the editor have something to show.
  await portal.locator('#catatan-1').pressSequentially(' Ditambah oleh pengguna.', { delay: 2 });
  for (let waited = 0; (await readRevisions(extensionPage, CODE)).length === 0; waited += 100) {
    if (waited > 15_000) throw new Error('the typed narrative was not saved');
    await portal.waitForTimeout(100);
  }
  await portal.close();
});

afterAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, 'a11y.json'), `${JSON.stringify(report, null, 2)}\n`);
  await session?.close();
});

/** axe-core run in the page (evaluated, not a script tag: extension pages allow no inline script). */
async function audit(page: Page, name: string, include?: string): Promise<Violation[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    // An audit that checked nothing (a page not rendered yet) would pass too.
    if ((result as unknown as { passes: unknown[] }).passes.length < 10) throw new Error('axe checked almost nothing');
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.slice(0, 5).map(({ target }) => ({ target })) }));
  }, include)) as Violation[];
  report[name] = violations;
  return violations;
}

const severe = (violations: Violation[]) =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map(({ id, help, nodes }) => `${id}: ${help} ${JSON.stringify(nodes.map((node) => node.target))}`);

describe('accessibility', () => {
  it('the side panel has no serious or critical violation in any tab', async () => {
    const panel = extensionPage;
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?code=${CODE}`);
    const tabs = panel.getByRole('tab');
    await tabs.first().waitFor({ timeout: 15_000 });
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(4);
    const found: string[] = [];
    for (let index = 0; index < count; index++) {
      const tab = tabs.nth(index);
      await tab.click();
      await panel.waitForTimeout(300);
      // The whole page once; then each other tab's own panel (the rest of the page is the same).
      found.push(...severe(await audit(panel, `sidepanel: ${await tab.textContent()}`, index === 0 ? undefined : '[role="tabpanel"]')));
    }
    expect(found).toEqual([]);
  });

  it('the dashboard has no serious or critical violation', async () => {
    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.locator('[data-lke-score]').first().waitFor({ timeout: 15_000 });
    await dashboard.waitForTimeout(500);
    expect(severe(await audit(dashboard, 'dashboard'))).toEqual([]);
    await dashboard.close();
  });

  it('the badges have no serious or critical violation, and say their state in symbols and words, not colour alone', async () => {
    const portal = await session.context.newPage();
    await portal.goto(session.server.url('sample/index.html'));
    await waitForRecognition(portal, 127);
    expect(severe(await audit(portal, 'badges', 'asisten-lke-badge'))).toEqual([]);
    const badge = portal.locator(`[data-lke-badge="${CODE}"]`);
    const marks = await badge.locator('.item .mark').allTextContents();
    expect(marks).toHaveLength(3);
    for (const mark of marks) expect(['✓', '○']).toContain(mark);
    const label = (await badge.locator('button').first().getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/Jawaban: (sudah|belum) diisi/);
    const chip = badge.locator('.hints');
    if (await chip.isVisible()) expect(await chip.textContent()).toMatch(/^[!▲i] \d+$/);
    await portal.close();
  });

  it('the side panel works by keyboard: tabs with the arrow keys, the editor by Tab, typing saves', async () => {
    const panel = extensionPage;
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?code=${CODE}`);
    const first = panel.getByRole('tab').first();
    await first.waitFor({ timeout: 15_000 });
    await first.focus();
    await panel.keyboard.press('ArrowRight');
    const second = panel.getByRole('tab').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await second.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await panel.keyboard.press('ArrowLeft');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    // Into the panel and on to the editor, with the Tab key only.
    const editor = panel.getByLabel(/^Narasi \(penjelasan\)/);
    let reached = false;
    for (let presses = 0; presses < 15 && !reached; presses++) {
      await panel.keyboard.press('Tab');
      reached = await editor.evaluate((field) => field === document.activeElement);
    }
    expect(reached).toBe(true);
    await panel.keyboard.type('Diketik dengan papan ketik.');
    await expect.poll(() => panel.locator('.narrative__save').textContent(), { timeout: 10_000 }).toBe('Tersimpan');
  });
});
