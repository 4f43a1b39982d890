import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR } from '../../scripts/lib/browser.mjs';
import { startSession, waitForRecognition } from './support/session';

// "Aktifkan di situs ini" in the built extension. Headless Chromium cannot click a permission
// prompt, and the e2e build already matches loopback, so what is proven here is what does not
// need the prompt: the manifest asks for nothing at install beyond the known portals, the browser
// refuses a site whose permission was never granted, and the dynamic content script is registered,
// updated, run in open tabs and removed by the real scripting API.

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
const ALL_SITES = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'];
const registeredScripts = "chrome.scripting.getRegisteredContentScripts({ ids: ['portal-user-sites'] })";

let session: Awaited<ReturnType<typeof startSession>>;

/** Runs `code` against the background's e2e hooks (`asistenLkeSites`) in the service worker. */
function inBackground<T>(code: string): Promise<T> {
  return session.serviceWorker.evaluate(`(async () => { const sites = globalThis.asistenLkeSites; return ${code}; })()`);
}

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the built manifest', () => {
  it('may ask for any one site at run time but is granted no site beyond the known portals', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.permissions).not.toContain('activeTab');
    expect(manifest.permissions).not.toContain('tabs');
    for (const pattern of ALL_SITES) {
      expect(manifest.host_permissions).not.toContain(pattern);
      for (const script of manifest.content_scripts ?? []) expect(script.matches).not.toContain(pattern);
    }
  });
});

describe('enabling a site in Chromium', () => {
  it('is refused for a site whose permission the user never granted, and for a built-in portal', async () => {
    expect(await inBackground("sites.siteAccess.enable('http://[::1]')")).toEqual({ outcome: 'notGranted', sites: [] });
    expect(await inBackground("sites.siteAccess.enable('http://127.0.0.1')")).toEqual({ outcome: 'builtIn', sites: [] });
    expect(await session.serviceWorker.evaluate(registeredScripts)).toEqual([]);
  });

  it('registers one persistent content script with the manifest’s file, widens it and removes it', async () => {
    const [manifestScript] = manifest.content_scripts ?? [];

    await inBackground("sites.syncScript(['http://localhost'])");
    const [registered] = await session.serviceWorker.evaluate<{ js: string[] }[]>(registeredScripts);
    expect(registered).toMatchObject({
      id: 'portal-user-sites',
      matches: ['http://localhost/*'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    // The same file the manifest runs (Chromium reports the path without its leading slash).
    expect(registered?.js).toEqual(manifestScript?.js);

    await inBackground("sites.syncScript(['http://127.0.0.1', 'http://localhost'])");
    expect(await session.serviceWorker.evaluate(registeredScripts)).toMatchObject([
      { id: 'portal-user-sites', matches: ['http://127.0.0.1/*', 'http://localhost/*'] },
    ]);

    await inBackground('sites.syncScript([])');
    expect(await session.serviceWorker.evaluate(registeredScripts)).toEqual([]);
  });

  it('runs the content script in a tab already open on the site, taking over from the running copy', async () => {
    const page = await session.context.newPage();
    await page.goto(session.server.url('sample/index.html'));
    await waitForRecognition(page, 127);
    const badges = page.locator('asisten-lke-badge');
    await expect.poll(() => badges.count()).toBeGreaterThanOrEqual(127);
    const badgesBefore = await badges.count();
    // The stats the content script writes are cleared, so new stats can only come from the injected copy.
    await page.evaluate(() => delete document.documentElement.dataset.lkeStats);

    expect(await inBackground("sites.injectIntoOpenTabs('http://127.0.0.1')")).toBe(1);

    const stats = await waitForRecognition(page, 127);
    expect(stats.runs).toBeGreaterThanOrEqual(1);
    // WXT stops the older copy when a newer one starts, and the older copy removes its badges.
    await expect.poll(() => badges.count()).toBe(badgesBefore);
    await page.close();
  });

  it('forgets at startup a stored site whose permission is gone, and unregisters its script', async () => {
    await session.serviceWorker.evaluate("chrome.storage.local.set({ userSites: ['http://[::1]'] })");
    await inBackground("sites.syncScript(['http://[::1]'])");

    expect(await inBackground('sites.siteAccess.reconcile()')).toEqual([]);

    expect(await session.serviceWorker.evaluate("chrome.storage.local.get('userSites')")).toEqual({ userSites: [] });
    expect(await session.serviceWorker.evaluate(registeredScripts)).toEqual([]);
  });
});
