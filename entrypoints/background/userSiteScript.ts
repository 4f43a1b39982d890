import type { Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { sitePattern } from '@/lib/portal/site-access';

type RegisteredScript = Browser.scripting.RegisteredContentScript;

/** The one dynamic content script that covers every site the user enabled. */
export const USER_SITES_SCRIPT_ID = 'portal-user-sites';

/**
 * The file the manifest's content script runs (WXT builds `entrypoints/portal.content/` into it).
 * Typed as one of the build's script paths so that renaming the entrypoint fails the type check instead of registering
 * a script that no longer exists.
 */
export const PORTAL_CONTENT_SCRIPT: ScriptPublicPath = '/content-scripts/portal.js';

export interface ScriptingLike {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: ScriptPublicPath[] }): Promise<unknown>;
}

export interface TabLike {
  id?: number;
  url?: string;
}

export interface TabsLike {
  get(tabId: number): Promise<TabLike>;
  query(query: Browser.tabs.QueryInfo): Promise<TabLike[]>;
}

/** Runs like the manifest's content script: every frame, once the page is idle, after restarts too. */
function userSitesScript(sites: readonly string[]): RegisteredScript {
  return {
    id: USER_SITES_SCRIPT_ID,
    matches: sites.map(sitePattern),
    js: [PORTAL_CONTENT_SCRIPT],
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Makes the dynamic content script match exactly `sites`: registered when missing, updated when
 * present (which also repairs a registration left by an older version), removed when no site is left.
 * Registering an id twice, or updating or removing a missing one, throws, so the current state is read first.
 */
export async function syncUserSitesScript(scripting: ScriptingLike, sites: readonly string[]): Promise<void> {
  const ids = [USER_SITES_SCRIPT_ID];
  const registered = (await scripting.getRegisteredContentScripts({ ids })).length > 0;
  if (sites.length === 0) {
    if (registered) await scripting.unregisterContentScripts({ ids });
    return;
  }
  const script = userSitesScript(sites);
  await (registered ? scripting.updateContentScripts([script]) : scripting.registerContentScripts([script]));
}

/**
 * A registered script runs only on pages loaded after it; the tabs already open on the site get it
 * now, so the user sees badges without reloading. Returns how many tabs received it. A tab that
 * cannot take it (closed meanwhile, showing an error page) is skipped.
 */
export async function injectIntoOpenTabs(scripting: ScriptingLike, tabs: TabsLike, site: string): Promise<number> {
  const open = await tabs.query({ url: sitePattern(site) });
  const injections = open.flatMap(({ id }) =>
    id === undefined ? [] : [scripting.executeScript({ target: { tabId: id, allFrames: true }, files: [PORTAL_CONTENT_SCRIPT] })],
  );
  const results = await Promise.allSettled(injections);
  return results.filter((result) => result.status === 'fulfilled').length;
}
