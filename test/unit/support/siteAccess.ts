import { type Mock, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { enabledPortalPatterns } from '@/entrypoints/background/portalPatterns';
import { createSiteAccess, type PermissionsLike, type SiteAccess } from '@/entrypoints/background/siteAccess';
import type { ScriptingLike, TabLike, TabsLike } from '@/entrypoints/background/userSiteScript';
import type { RequestType } from '@/lib/messaging/protocol';
import { createRouter, type Handler, type Router } from '@/lib/messaging/router';
import { KNOWN_PORTAL_MATCHES, isPortalUrl } from '@/lib/portal/origins';
import { openTestDatabase } from '../db/testDatabase';

type RegisteredScript = Browser.scripting.RegisteredContentScript;

export interface FakeTab {
  id: number;
  url: string;
  active?: boolean;
}

/**
 * In-memory stand-ins for the browser APIs the fake browser lacks (permissions, scripting), and for
 * tabs, which behave as Chromium's do: a web page's address is reported only where the extension
 * holds a host permission, and registering an existing script id, or updating or removing a missing
 * one, throws.
 */
export function fakeSiteApis({ granted = [], tabs = [] }: { granted?: string[]; tabs?: FakeTab[] } = {}) {
  const grantedPatterns = new Set([...KNOWN_PORTAL_MATCHES, ...granted]);
  const registered = new Map<string, RegisteredScript>();
  const injected: { tabId: number; allFrames: boolean; files: string[] }[] = [];

  const permissions: PermissionsLike = {
    contains: async ({ origins }) => origins.every((origin) => grantedPatterns.has(origin)),
    remove: async ({ origins }) => origins.map((origin) => grantedPatterns.delete(origin)).every(Boolean),
  };

  const scripting: ScriptingLike = {
    getRegisteredContentScripts: async ({ ids }) =>
      [...registered.values()].filter((script) => ids.includes(script.id)).map((script) => structuredClone(script)),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, structuredClone(script));
      }
    },
    updateContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (!registered.has(script.id)) throw new Error(`Script with ID '${script.id}' does not exist.`);
        registered.set(script.id, structuredClone(script));
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) {
        if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
    executeScript: async ({ target, files }) => {
      injected.push({ tabId: target.tabId, allFrames: target.allFrames, files });
      return [];
    },
  };

  // An extension always sees the addresses of its own pages.
  const reported = (tab: FakeTab): TabLike =>
    tab.url.startsWith('chrome-extension://') || isPortalUrl(tab.url, [...grantedPatterns])
      ? { id: tab.id, url: tab.url }
      : { id: tab.id };

  const fakeTabs: TabsLike = {
    get: async (tabId) => {
      const tab = tabs.find((candidate) => candidate.id === tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      return reported(tab);
    },
    query: async (query) =>
      tabs
        .filter((tab) => (query.active ? tab.active : true))
        .filter((tab) => (typeof query.url === 'string' ? reported(tab).url && isPortalUrl(tab.url, [query.url]) : true))
        .map(reported),
  };

  return { permissions, scripting, tabs: fakeTabs, openTabs: tabs, grantedPatterns, registered, injected };
}

export type FakeSiteApis = ReturnType<typeof fakeSiteApis>;

/** Site access over `fakeBrowser.storage.local` and `apis`, with the production build's portals. */
export function siteAccessOver(apis: FakeSiteApis, log: (message: string, error: unknown) => void = () => {}): SiteAccess {
  return createSiteAccess({
    storage: fakeBrowser.storage.local,
    permissions: apis.permissions,
    scripting: apis.scripting,
    tabs: apis.tabs,
    builtInPatterns: KNOWN_PORTAL_MATCHES,
    log,
  });
}

/** The background's router over its real handlers and `siteAccess`, as the extension `extensionId`. */
export function backgroundRouter(siteAccess: SiteAccess, extensionId: string): Router {
  return createRouter({
    handlers: createHandlers({
      db: openTestDatabase(),
      storage: fakeBrowser.storage.session,
      sidePanel: undefined,
      sidebarAction: undefined,
      now: () => new Date(2026, 2, 14),
      defaultUnitName: 'Unit Kerja Saya',
      push: () => {},
      siteAccess,
    }),
    extensionId,
    extensionOrigin: `chrome-extension://${extensionId}`,
    portalPatterns: enabledPortalPatterns,
    checkResults: true,
    log: () => {},
  });
}

type SiteRequestType = Extract<RequestType, `sites.${string}`>;

/**
 * Handlers for the site requests, for router and client tests about other requests: a `Handlers`
 * object must answer every request type.
 */
export function siteHandlerStubs(): { [T in SiteRequestType]: Mock<Handler<T>> } {
  return {
    'sites.list': vi.fn<Handler<'sites.list'>>(async () => ({ sites: [] })),
    'sites.enable': vi.fn<Handler<'sites.enable'>>(async () => ({ outcome: 'notGranted', sites: [] })),
    'sites.disable': vi.fn<Handler<'sites.disable'>>(async () => ({ sites: [] })),
    'sites.status': vi.fn<Handler<'sites.status'>>(async () => ({ page: 'other', tabId: null })),
  };
}
