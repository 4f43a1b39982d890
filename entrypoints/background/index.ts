import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDatabase } from '@/lib/db/schema';
import { createRouter } from '@/lib/messaging/router';
import { createHandlers } from './handlers';
import type { SidebarActionLike } from './panelFocus';
import { enabledPortalPatterns } from './portalPatterns';
import { pushToExtensionPages } from './pushes';
import { openPanelOnActionClick } from './sidePanelBehavior';

export default defineBackground(() => {
  // Firefox's sidebar API is missing from the Chrome-based types `browser` carries.
  const { sidebarAction } = browser as { sidebarAction?: SidebarActionLike };
  const db = createDatabase();
  const router = createRouter({
    handlers: createHandlers({
      db,
      storage: browser.storage.session,
      sidePanel: browser.sidePanel,
      sidebarAction,
      now: () => new Date(),
      defaultUnitName: i18n.t('background.defaultUnitName'),
      push: pushToExtensionPages,
    }),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    portalPatterns: enabledPortalPatterns,
  });
  // Listeners are registered synchronously so a service worker woken by an event still receives it.
  router.listen(browser.runtime);
  browser.runtime.onInstalled.addListener(() => openPanelOnActionClick(browser.sidePanel));
  browser.runtime.onStartup.addListener(() => openPanelOnActionClick(browser.sidePanel));
});
