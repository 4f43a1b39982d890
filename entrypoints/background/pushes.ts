import { browser } from 'wxt/browser';
import type { Push } from '@/lib/messaging/protocol';

const NO_RECEIVER = 'Receiving end does not exist';

const logUnexpected = (error: unknown) => {
  // Having no page or no content script to hear it is the usual case.
  if (!String(error).includes(NO_RECEIVER)) console.warn('Could not push a change notice', error);
};

/**
 * Tells open extension pages and portal tabs that stored data changed, so badges and panels show
 * it. `runtime.sendMessage` reaches extension pages only; content scripts hear `tabs.sendMessage`.
 * The browser tells the address only of tabs the extension may access, which are the tabs a
 * content script can run in. Never rejects, so callers need not wait.
 */
export function pushChange(push: Push): void {
  browser.runtime.sendMessage(push).catch(logUnexpected);
  browser.tabs
    .query({ url: ['http://*/*', 'https://*/*'] })
    .then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, push).catch(logUnexpected);
    })
    .catch(logUnexpected);
}
