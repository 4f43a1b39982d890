import type { ResultOf } from '@/lib/messaging/protocol';
import { isPortalUrl } from '@/lib/portal/origins';
import { siteOfUrl, sitePattern, withSite, withoutSite } from '@/lib/portal/site-access';
import { type LocalStorageLike, readUserSites, writeUserSites } from './userSites';
import { type ScriptingLike, type TabLike, type TabsLike, injectIntoOpenTabs, syncUserSitesScript } from './userSiteScript';

export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export interface SiteAccessDeps {
  storage: LocalStorageLike;
  permissions: PermissionsLike;
  scripting: ScriptingLike;
  tabs: TabsLike;
  /** Match patterns of the portals the manifest covers in this build. */
  builtInPatterns: readonly string[];
  log?: (message: string, error: unknown) => void;
}

export type SiteStatus = ResultOf<'sites.status'>;
export type EnableResult = ResultOf<'sites.enable'>;

export interface SiteAccess {
  list(): Promise<string[]>;
  /** Enables a site whose permission the user has just granted. */
  enable(site: string): Promise<EnableResult>;
  /** Forgets a site, stops its content script and gives its permission back. */
  disable(site: string): Promise<{ sites: string[] }>;
  status(tabId: number | undefined): Promise<SiteStatus>;
  /**
   * Brings the stored sites and the registered script in line with the permissions the browser
   * holds: at browser start, after install or update, and when a permission is revoked in the
   * browser's own settings.
   */
  reconcile(): Promise<string[]>;
}

export function createSiteAccess(deps: SiteAccessDeps): SiteAccess {
  const log = deps.log ?? ((message, error) => console.warn(message, error));
  const isBuiltIn = (site: string) => isPortalUrl(site, deps.builtInPatterns);
  const isGranted = (site: string) => deps.permissions.contains({ origins: [sitePattern(site)] });

  // Every change reads the list, registers the script and writes the list back; two clicks
  // interleaving would lose a site or register the same script id twice, so changes run one by one.
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = queue.then(change, change);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The script is registered before the list is written, so a failed registration changes nothing. */
  async function apply(sites: string[]): Promise<void> {
    await syncUserSitesScript(deps.scripting, sites);
    await writeUserSites(deps.storage, sites);
  }

  async function activeTab(tabId: number | undefined): Promise<TabLike | undefined> {
    if (tabId === undefined) {
      const [tab] = await deps.tabs.query({ active: true, lastFocusedWindow: true });
      return tab;
    }
    // A tab closed since the panel asked about it is simply no page.
    return deps.tabs.get(tabId).catch(() => undefined);
  }

  return {
    list: () => readUserSites(deps.storage),

    enable: (site) =>
      oneAtATime(async () => {
        const sites = await readUserSites(deps.storage);
        if (isBuiltIn(site)) return { outcome: 'builtIn', sites };
        // The page's word that the user said yes is not enough: the browser must hold the permission.
        if (!(await isGranted(site))) return { outcome: 'notGranted', sites };
        if (sites.includes(site)) return { outcome: 'alreadyEnabled', sites };
        const enabled = withSite(sites, site);
        await apply(enabled);
        await injectIntoOpenTabs(deps.scripting, deps.tabs, site);
        return { outcome: 'enabled', sites: enabled };
      }),

    disable: (site) =>
      oneAtATime(async () => {
        const sites = await readUserSites(deps.storage);
        // A built-in portal's permission is required by the manifest and cannot be given back.
        if (isBuiltIn(site)) return { sites };
        const remaining = withoutSite(sites, site);
        if (remaining.length !== sites.length) await apply(remaining);
        try {
          await deps.permissions.remove({ origins: [sitePattern(site)] });
        } catch (error) {
          // The site is already forgotten and its script stopped; a permission left behind grants nothing that runs.
          log(`Could not give back the permission for ${site}`, error);
        }
        return { sites: remaining };
      }),

    async status(tabId) {
      const tab = await activeTab(tabId);
      if (tab?.id === undefined) return { page: 'other', tabId: null };
      // Browsers show a tab's address only to extensions that may access its page.
      if (!tab.url) return { page: 'hidden', tabId: tab.id };
      const site = siteOfUrl(tab.url);
      if (!site) return { page: 'other', tabId: tab.id };
      if (isBuiltIn(site)) return { page: 'web', tabId: tab.id, site, enabled: 'builtIn' };
      const sites = await readUserSites(deps.storage);
      return { page: 'web', tabId: tab.id, site, enabled: sites.includes(site) ? 'user' : 'no' };
    },

    reconcile: () =>
      oneAtATime(async () => {
        const stored = await readUserSites(deps.storage);
        const granted = await Promise.all(stored.map(isGranted));
        // A site that became a built-in portal in an update is covered by the manifest already.
        const kept = stored.filter((site, index) => granted[index] && !isBuiltIn(site));
        await syncUserSitesScript(deps.scripting, kept);
        if (kept.length !== stored.length) await writeUserSites(deps.storage, kept);
        return kept;
      }),
  };
}
