import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDatabase } from '@/lib/db/database';
import { createRouter } from '@/lib/messaging/router';
import { createHandlers } from './handlers';
import type { SidebarActionLike } from './panelFocus';
import { builtInPortalPatterns, enabledPortalPatterns } from './portalPatterns';
import { pushChange } from './pushes';
import { openPanelOnActionClick } from './sidePanelBehavior';
import { createSiteAccess } from './siteAccess';
import { injectIntoOpenTabs, syncUserSitesScript } from './userSiteScript';

export default defineBackground(() => {
  // Firefox's sidebar API is missing from the Chrome-based types `browser` carries.
  const { sidebarAction } = browser as { sidebarAction?: SidebarActionLike };
  const db = createDatabase();
  const siteAccess = createSiteAccess({
    storage: browser.storage.local,
    permissions: browser.permissions,
    scripting: browser.scripting,
    tabs: browser.tabs,
    builtInPatterns: builtInPortalPatterns(),
  });
  const router = createRouter({
    handlers: createHandlers({
      db,
      storage: browser.storage.session,
      sidePanel: browser.sidePanel,
      sidebarAction,
      now: () => new Date(),
      defaultUnitName: i18n.t('background.defaultUnitName'),
      push: pushChange,
      siteAccess,
    }),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    portalPatterns: enabledPortalPatterns,
  });
  // Listeners are registered synchronously so a service worker woken by an event still receives it.
  router.listen(browser.runtime);
  browser.runtime.onInstalled.addListener(() => openPanelOnActionClick(browser.sidePanel));
  browser.runtime.onStartup.addListener(() => openPanelOnActionClick(browser.sidePanel));

  // The registration persists across restarts, but a browser that ignores `persistAcrossSessions`,
  // an update, or a permission revoked in the browser's settings can leave it out of step.
  const reconcileSites = () => {
    siteAccess.reconcile().catch((error: unknown) => console.warn('Could not restore the enabled sites', error));
  };
  browser.runtime.onInstalled.addListener(reconcileSites);
  browser.runtime.onStartup.addListener(reconcileSites);
  browser.permissions.onRemoved.addListener(reconcileSites);

  if (__E2E__) {
    // No permission prompt can be clicked in headless Chromium: the e2e suite drives site access
    // and the registration from the service worker instead.
    Object.assign(globalThis, {
      asistenLkeSites: {
        siteAccess,
        syncScript: (sites: string[]) => syncUserSitesScript(browser.scripting, sites),
        injectIntoOpenTabs: (site: string) => injectIntoOpenTabs(browser.scripting, browser.tabs, site),
      },
    });
  }
});
