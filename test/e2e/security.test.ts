import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-runner.mjs';
import { readRevisions } from '../../scripts/lib/revisions.mjs';
import { type Session, startSessionWithExtensionPage, waitForRecognition } from './support/session';

// The hostile fixture (test/fixtures/portals/hostile/) attacks the extension from the page.
// 1. Against the production build, as users get it (closed shadow roots, the portals' origins only):
//    the page is served as https://portalrb.menpan.go.id/ by Playwright's routing, so no network
//    and no certificate is involved, and the production content script runs on it.
// 2. Against the e2e build, whose shadow roots are open: even a page that holds the extension's
//    buttons cannot make it write into the portal by clicking them from script.

const ROOT = resolve(import.meta.dirname, '../..');
const PORTAL = 'https://portalrb.menpan.go.id';
const HOSTILE = join(FIXTURES_DIR, 'hostile');
const CODES = ['A.I.1.i.a', 'A.I.1.ii.a', 'A.I.1.iii.b'];

interface Attack {
  overlay(): { hosts: number; openRoots: number; stolenRoots: number; hostChildren: number; buttons: number; visibleText: boolean };
  database(): Promise<{ names: string[]; stores: number; localStorage: string[]; sessionStorage: string[] }>;
  forge(extensionId: string): string[];
  typeByScript(selector: string, text: string): void;
  clickOurs(): number;
}
type Hostile = Window & { __lkeAttack: Attack; __lkePwned?: string };

/** Every row of every store of the extension's database, read in an extension page. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((done, fail) => {
        const open = indexedDB.open('asisten-lke');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const transaction = db.transaction(names);
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = transaction.objectStore(name).getAll();
            all.onsuccess = () => (dump[name] = all.result);
          }
          transaction.oncomplete = () => {
            db.close();
            done(dump);
          };
        };
      }),
  );
}

/** What extension pages show of the hostile page: the payloads as text, nothing run, no script links. */
async function expectInert(page: Page): Promise<void> {
  const inert = await page.evaluate(() => ({
    pwned: (window as unknown as Hostile).__lkePwned,
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, script:not([src]), [onerror]').length,
    scriptLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => !/^(https?|chrome-extension):/.test((a as HTMLAnchorElement).href)).length,
  }));
  expect(inert).toEqual({ pwned: undefined, injected: 0, scriptLinks: 0 });
}

describe('the production build on a hostile portal page', () => {
  let out: string;
  let browser: Awaited<ReturnType<typeof launchWithExtension>>;
  let context: BrowserContext;
  let extensionPage: Page;
  let page: Page;
  const attack = <T,>(run: (attack: Attack, arg: string) => T, arg = '') =>
    page.evaluate(([source, value]) => new Function('attack', 'arg', `return (${source})(attack, arg)`)((window as unknown as Hostile).__lkeAttack, value), [run.toString(), arg] as const) as Promise<Awaited<T>>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'asisten-lke-production-'));
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, LKE_OUT_DIR: out }, stdio: 'pipe', timeout: 180_000 });
    browser = await launchWithExtension({ extensionDir: join(out, 'chrome-mv3') });
    context = browser.context;
    await context.route(`${PORTAL}/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/lke\/?/, '') || 'index.html';
      try {
        const body = readFileSync(join(HOSTILE, path.replace(/\.\./g, '')));
        return route.fulfill({ status: 200, contentType: extname(path) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8', body });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    page = await context.newPage();
    await page.goto(`${PORTAL}/lke/index.html`);
    await page.waitForFunction((count) => document.querySelectorAll('[data-lke-badge]').length === count, CODES.length, { timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('recognises the rows, and the page cannot look inside the badges', async () => {
    // The page's state (payloads included) reaches the database.
    await expect.poll(async () => ((await dumpDatabase(extensionPage)).pageStates ?? []).length, { timeout: 10_000 }).toBe(CODES.length);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('[data-lke-indicator]'), (row) => (row as HTMLElement).dataset.lkeIndicator))).toEqual(CODES);
    // Shadow roots are closed, and the page's patched attachShadow never saw the content script's
    // calls (another JavaScript world).
    expect(await attack((a) => a.overlay())).toEqual({ hosts: 3, openRoots: 0, stolenRoots: 0, hostChildren: 0, buttons: 0, visibleText: false });
  });

  it('the page finds nothing of the extension’s database or storage in its origin', async () => {
    const found = await attack((a) => a.database());
    expect(found).toEqual({ names: [], stores: 0, localStorage: [], sessionStorage: [] });
  });

  it('forged messages, events and script typing change nothing in the database', async () => {
    const before = await dumpDatabase(extensionPage);

    const outcomes = await attack((a, id) => a.forge(id), browser.extensionId);
    // No extension API reaches the page: the manifest has no externally_connectable.
    expect(outcomes.filter((outcome) => outcome !== 'posted')).toEqual(Array(5).fill('no chrome.runtime'));
    await page.waitForTimeout(1_500);
    expect(await dumpDatabase(extensionPage)).toEqual(before);

    // Untrusted input events are not the user typing: autosave keeps no revision of them.
    await attack((a) => a.typeByScript('#catatan-3', 'PALSU ketikan skrip'));
    await page.waitForTimeout(1_500);
    const after = await dumpDatabase(extensionPage);
    expect(after.revisions).toEqual(before.revisions);
    expect(after.drafts).toEqual(before.drafts);
    expect(JSON.stringify(after.revisions)).not.toContain('PALSU');
  });

  it('runs none of the payloads, in the page, the side panel or the dashboard', async () => {
    expect(await page.evaluate(() => (window as unknown as Hostile).__lkePwned)).toBeUndefined();
    const stored = JSON.stringify((await dumpDatabase(extensionPage)).pageStates);
    expect(stored).toContain('<img src=x onerror=');
    expect(stored).toContain('javascript:');

    // The side panel shows each indicator's "Di halaman portal" part: the page's payloads, as text.
    for (const code of [CODES[1], CODES[0]]) {
      await extensionPage.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?code=${code}`);
      await extensionPage.locator('.portal-state__fields').waitFor({ timeout: 10_000 });
      await expectInert(extensionPage);
    }
    expect(await extensionPage.locator('.portal-state__narrative').textContent()).toContain('<img src=x onerror="window.__lkePwned');

    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await dashboard.locator('main').first().waitFor();
    await dashboard.waitForTimeout(500);
    await expectInert(dashboard);
    await dashboard.close();
    expect(await page.evaluate(() => (window as unknown as Hostile).__lkePwned)).toBeUndefined();
  });
});

describe('the extension’s buttons pressed by page script (e2e build: open shadow roots)', () => {
  let session: Session;
  let extensionPage: Page;

  beforeAll(async () => {
    ({ session, extensionPage } = await startSessionWithExtensionPage());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Pulihkan writes only on the user’s own key press or click, never on a script’s', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('hostile/index.html'));
    await waitForRecognition(page, CODES.length);
    const code = CODES[2]!;
    const field = page.locator('#catatan-3');
    const text = 'Narasi asli pengguna: monitoring dilakukan setiap triwulan.';
    await field.pressSequentially(text, { delay: 5 });
    await expect.poll(async () => (await readRevisions(extensionPage, code)).map((r) => r.text), { timeout: 10_000 }).toContain(text);
    await field.blur();
    // The portal loses the text: the badge offers it back.
    await page.evaluate(() => {
      const textarea = document.querySelector<HTMLTextAreaElement>('#catatan-3')!;
      textarea.value = '';
      textarea.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const badge = page.locator(`[data-lke-badge="${code}"]`);
    const restore = badge.locator('button.restore');
    await expect.poll(() => restore.count(), { timeout: 10_000 }).toBe(1);
    const revisions = await readRevisions(extensionPage, code);

    const pressed = await page.evaluate(() => (window as unknown as Hostile).__lkeAttack.clickOurs());

    expect(pressed).toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(500);
    expect(await field.inputValue()).toBe('');
    expect(await restore.count()).toBe(1);
    expect(await readRevisions(extensionPage, code)).toEqual(revisions);

    // By keyboard: Tab from the badge to Pulihkan, Enter.
    await badge.locator('button').first().focus();
    await page.keyboard.press('Tab');
    expect(await restore.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe(text);
    expect(await badge.locator('[role="status"]').textContent()).toBe('Narasi dipulihkan.');
    expect(await page.evaluate(() => (window as unknown as Hostile).__lkePwned)).toBeUndefined();
    await page.close();
  });
});
