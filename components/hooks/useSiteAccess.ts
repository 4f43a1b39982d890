import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ProtocolError, sendRequest, type ProtocolErrorCode } from '@/lib/messaging/client';
import { USER_SITES_KEY, type ResultOf } from '@/lib/messaging/protocol';
import { sitePattern } from '@/lib/portal/site-access';

export type SiteStatus = ResultOf<'sites.status'>;

/** Where enabling a site stands; `permission` means the browser's permission request itself failed. */
export type Enabling =
  | { state: 'idle' }
  | { state: 'asking'; site: string }
  | { state: 'enabled'; site: string }
  | { state: 'declined'; site: string }
  | { state: 'failed'; site: string; failure: ProtocolErrorCode | 'permission' };

export type Removal =
  | { state: 'idle' }
  | { state: 'removing'; site: string }
  | { state: 'removed'; site: string }
  | { state: 'failed'; site: string; failure: ProtocolErrorCode };

export type UserSites =
  | { state: 'loading' }
  | { state: 'ready'; sites: readonly string[] }
  | { state: 'failed'; failure: ProtocolErrorCode };

export interface SiteAccessControls {
  /** The page in the panel's window; null until the background answered. */
  status: SiteStatus | null;
  sites: UserSites;
  enabling: Enabling;
  removal: Removal;
  /** Call it in the click handler: it asks the browser for the site's permission before anything else. */
  enable: (site: string) => void;
  disable: (site: string) => void;
}

// sendRequest throws only ProtocolErrors; anything else means no usable answer came back either.
const failureOf = (error: unknown): ProtocolErrorCode =>
  error instanceof ProtocolError ? error.code : 'disconnected';

/**
 * The extension's access to the page in the panel's window and the sites the user enabled, kept
 * current as the user switches tabs, pages load, and sites are enabled or removed anywhere.
 */
export function useSiteAccess(): SiteAccessControls {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [sites, setSites] = useState<UserSites>({ state: 'loading' });
  const [enabling, setEnabling] = useState<Enabling>({ state: 'idle' });
  const [removal, setRemoval] = useState<Removal>({ state: 'idle' });
  const shownTabId = useRef<number | null>(null);
  const latestRefresh = useRef(0);
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    const refreshId = ++latestRefresh.current;
    // A side panel's current window is the one it is shown in.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const [nextStatus, nextSites] = await Promise.allSettled([
      sendRequest('sites.status', tab?.id === undefined ? {} : { tabId: tab.id }),
      sendRequest('sites.list', {}),
    ]);
    // Answers to an older refresh may arrive after those of a newer one (fast tab switching).
    if (!mounted.current || refreshId !== latestRefresh.current) return;
    if (nextStatus.status === 'fulfilled') {
      // A message about enabling one page would mislead on the next one.
      if (nextStatus.value.tabId !== shownTabId.current) setEnabling({ state: 'idle' });
      shownTabId.current = nextStatus.value.tabId;
      setStatus(nextStatus.value);
    } else {
      setStatus(null);
    }
    setSites(
      nextSites.status === 'fulfilled'
        ? { state: 'ready', sites: nextSites.value.sites }
        : { state: 'failed', failure: failureOf(nextSites.reason) },
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    const onActivated = () => void refresh();
    const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
      if (tabId === shownTabId.current && (change.status === 'complete' || change.url !== undefined)) void refresh();
    };
    const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && USER_SITES_KEY in changes) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onStorageChanged);
    return () => {
      mounted.current = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStorageChanged);
    };
  }, [refresh]);

  const finishEnabling = useCallback(
    async (site: string, granting: Promise<boolean>) => {
      const settle = (next: Enabling) => mounted.current && setEnabling(next);
      let granted: boolean;
      try {
        granted = await granting;
      } catch {
        settle({ state: 'failed', site, failure: 'permission' });
        return;
      }
      if (!granted) {
        settle({ state: 'declined', site });
        return;
      }
      try {
        const { outcome } = await sendRequest('sites.enable', { site });
        settle(outcome === 'notGranted' ? { state: 'failed', site, failure: 'permission' } : { state: 'enabled', site });
      } catch (error) {
        settle({ state: 'failed', site, failure: failureOf(error) });
      }
      await refresh();
    },
    [refresh],
  );

  const enable = useCallback(
    (site: string) => {
      // Browsers show the permission prompt only while the user's click is being handled, so the
      // request is made before anything is awaited (Firefox is strict about this).
      let granting: Promise<boolean>;
      try {
        granting = browser.permissions.request({ origins: [sitePattern(site)] });
      } catch (error) {
        granting = Promise.reject(error);
      }
      setEnabling({ state: 'asking', site });
      void finishEnabling(site, granting);
    },
    [finishEnabling],
  );

  const disable = useCallback(
    (site: string) => {
      setRemoval({ state: 'removing', site });
      sendRequest('sites.disable', { site })
        .then(
          () => mounted.current && setRemoval({ state: 'removed', site }),
          (error: unknown) => mounted.current && setRemoval({ state: 'failed', site, failure: failureOf(error) }),
        )
        .then(refresh);
    },
    [refresh],
  );

  return { status, sites, enabling, removal, enable, disable };
}
