import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { USER_SITES_KEY } from '@/lib/messaging/protocol';
import { type FakeTab, fakeSiteApis, siteAccessOver } from '../support/siteAccess';

const APP = 'https://lke.example.go.id';
const OTHER_APP = 'https://zi.kemenkeu.go.id';

const PORTAL_TAB: FakeTab = { id: 1, url: 'https://portalrb.menpan.go.id/lke/form' };
const APP_TAB: FakeTab = { id: 2, url: `${APP}/penilaian/7`, active: true };
const NEWS_TAB: FakeTab = { id: 3, url: 'https://berita.example.com/hari-ini' };
const SECOND_APP_TAB: FakeTab = { id: 4, url: `${APP}:8443/lke` };

function setup(options: Parameters<typeof fakeSiteApis>[0] = {}) {
  const apis = fakeSiteApis({ tabs: [PORTAL_TAB, APP_TAB, NEWS_TAB, SECOND_APP_TAB], ...options });
  const log = vi.fn();
  return { ...apis, siteAccess: siteAccessOver(apis, log), log };
}

const storedSites = async () => (await fakeBrowser.storage.local.get(USER_SITES_KEY))[USER_SITES_KEY];

const userScript = (matches: string[]) => ({
  id: 'portal-user-sites',
  matches,
  js: ['/content-scripts/portal.js'],
  allFrames: true,
  runAt: 'document_idle' as const,
  persistAcrossSessions: true,
});

describe('enabling a site', () => {
  it('stores it, registers the portal content script for it and runs it in the site’s open tabs', async () => {
    const { siteAccess, registered, injected } = setup({ granted: [`${APP}/*`] });

    expect(await siteAccess.enable(APP)).toEqual({ outcome: 'enabled', sites: [APP] });

    expect(await storedSites()).toEqual([APP]);
    expect([...registered.values()]).toEqual([userScript([`${APP}/*`])]);
    // Both tabs on the site (any port), every frame; not the portal, which has the manifest's script.
    expect(injected).toEqual([
      { tabId: 2, allFrames: true, files: ['/content-scripts/portal.js'] },
      { tabId: 4, allFrames: true, files: ['/content-scripts/portal.js'] },
    ]);
  });

  it('widens the one registration for a second site instead of registering another', async () => {
    const { siteAccess, registered } = setup({ granted: [`${APP}/*`, `${OTHER_APP}/*`] });

    await siteAccess.enable(OTHER_APP);
    expect(await siteAccess.enable(APP)).toEqual({ outcome: 'enabled', sites: [APP, OTHER_APP] });

    expect([...registered.values()]).toEqual([userScript([`${APP}/*`, `${OTHER_APP}/*`])]);
  });

  it('changes nothing when the browser does not hold the site’s permission', async () => {
    const { siteAccess, registered, injected } = setup();

    expect(await siteAccess.enable(APP)).toEqual({ outcome: 'notGranted', sites: [] });

    expect(await storedSites()).toBeUndefined();
    expect(registered.size).toBe(0);
    expect(injected).toEqual([]);
  });

  it('leaves a built-in portal to the manifest', async () => {
    const { siteAccess, registered } = setup();

    expect(await siteAccess.enable('https://portalrb.menpan.go.id')).toEqual({ outcome: 'builtIn', sites: [] });
    expect(registered.size).toBe(0);
  });

  it('does not run the script a second time in tabs that already have it', async () => {
    const { siteAccess, injected } = setup({ granted: [`${APP}/*`] });
    await siteAccess.enable(APP);

    expect(await siteAccess.enable(APP)).toEqual({ outcome: 'alreadyEnabled', sites: [APP] });
    expect(injected).toHaveLength(2);
  });

  it('keeps both sites when two are enabled at the same moment', async () => {
    const { siteAccess, registered } = setup({ granted: [`${APP}/*`, `${OTHER_APP}/*`] });

    await Promise.all([siteAccess.enable(APP), siteAccess.enable(OTHER_APP)]);

    expect(await storedSites()).toEqual([APP, OTHER_APP]);
    expect(registered.get('portal-user-sites')?.matches).toEqual([`${APP}/*`, `${OTHER_APP}/*`]);
  });

  it('stores nothing when the registration fails', async () => {
    const { siteAccess, scripting } = setup({ granted: [`${APP}/*`] });
    vi.spyOn(scripting, 'registerContentScripts').mockRejectedValue(new Error('Could not load file'));

    await expect(siteAccess.enable(APP)).rejects.toThrow('Could not load file');
    expect(await siteAccess.list()).toEqual([]);
  });
});

describe('removing a site', () => {
  it('gives its permission back, narrows the registration and forgets it', async () => {
    const { siteAccess, registered, grantedPatterns } = setup({ granted: [`${APP}/*`, `${OTHER_APP}/*`] });
    await siteAccess.enable(APP);
    await siteAccess.enable(OTHER_APP);

    expect(await siteAccess.disable(APP)).toEqual({ sites: [OTHER_APP] });

    expect(grantedPatterns.has(`${APP}/*`)).toBe(false);
    expect([...registered.values()]).toEqual([userScript([`${OTHER_APP}/*`])]);
    expect(await storedSites()).toEqual([OTHER_APP]);
  });

  it('unregisters the script with the last site', async () => {
    const { siteAccess, registered } = setup({ granted: [`${APP}/*`] });
    await siteAccess.enable(APP);

    expect(await siteAccess.disable(APP)).toEqual({ sites: [] });
    expect(registered.size).toBe(0);
  });

  it('never gives back a built-in portal’s permission', async () => {
    const { siteAccess, permissions } = setup();
    const remove = vi.spyOn(permissions, 'remove');

    expect(await siteAccess.disable('https://portalrb.menpan.go.id')).toEqual({ sites: [] });
    expect(remove).not.toHaveBeenCalled();
  });

  it('still forgets the site when the browser refuses to take the permission back', async () => {
    const { siteAccess, permissions, registered, log } = setup({ granted: [`${APP}/*`] });
    await siteAccess.enable(APP);
    vi.spyOn(permissions, 'remove').mockRejectedValue(new Error('You cannot remove required permissions.'));

    expect(await siteAccess.disable(APP)).toEqual({ sites: [] });
    expect(registered.size).toBe(0);
    expect(log).toHaveBeenCalledWith(`Could not give back the permission for ${APP}`, expect.any(Error));
  });
});

describe('the status of a tab', () => {
  it('names a built-in portal, a site the user enabled and a granted site not enabled yet', async () => {
    const { siteAccess } = setup({ granted: [`${APP}/*`, 'https://berita.example.com/*'] });
    await siteAccess.enable(APP);

    expect(await siteAccess.status(1)).toEqual({ page: 'web', tabId: 1, site: 'https://portalrb.menpan.go.id', enabled: 'builtIn' });
    expect(await siteAccess.status(2)).toEqual({ page: 'web', tabId: 2, site: APP, enabled: 'user' });
    expect(await siteAccess.status(3)).toEqual({ page: 'web', tabId: 3, site: 'https://berita.example.com', enabled: 'no' });
  });

  it('says the address is hidden where the extension has no access yet', async () => {
    const { siteAccess } = setup();
    expect(await siteAccess.status(2)).toEqual({ page: 'hidden', tabId: 2 });
  });

  it('looks at the active tab of the last focused window by default', async () => {
    const { siteAccess } = setup({ granted: [`${APP}/*`] });
    expect(await siteAccess.status(undefined)).toEqual({ page: 'web', tabId: 2, site: APP, enabled: 'no' });
  });

  it('reports no web page for the extension’s own pages, a closed tab or no tab at all', async () => {
    const extensionPage: FakeTab = { id: 9, url: 'chrome-extension://abc/sidepanel.html' };
    const { siteAccess } = setup({ tabs: [extensionPage] });

    expect(await siteAccess.status(9)).toEqual({ page: 'other', tabId: 9 });
    expect(await siteAccess.status(404)).toEqual({ page: 'other', tabId: null });
    expect(await siteAccess.status(undefined)).toEqual({ page: 'other', tabId: null });
  });
});

describe('reconciling at startup', () => {
  it('registers the script again when the browser lost it', async () => {
    const { siteAccess, registered } = setup({ granted: [`${APP}/*`] });
    await fakeBrowser.storage.local.set({ [USER_SITES_KEY]: [APP] });

    expect(await siteAccess.reconcile()).toEqual([APP]);
    expect([...registered.values()]).toEqual([userScript([`${APP}/*`])]);
  });

  it('forgets sites whose permission was revoked and sites that became built-in portals', async () => {
    const { siteAccess, registered } = setup({ granted: [`${OTHER_APP}/*`] });
    await fakeBrowser.storage.local.set({ [USER_SITES_KEY]: [APP, 'https://pmpzi.menpan.go.id', OTHER_APP] });

    expect(await siteAccess.reconcile()).toEqual([OTHER_APP]);
    expect(await storedSites()).toEqual([OTHER_APP]);
    expect(registered.get('portal-user-sites')?.matches).toEqual([`${OTHER_APP}/*`]);
  });

  it('removes a leftover registration when no valid site is stored', async () => {
    const { siteAccess, registered, scripting } = setup();
    await scripting.registerContentScripts([userScript([`${APP}/*`])]);
    await fakeBrowser.storage.local.set({ [USER_SITES_KEY]: ['not a site'] });

    expect(await siteAccess.reconcile()).toEqual([]);
    expect(registered.size).toBe(0);
  });
});
