import { browser } from 'wxt/browser';
import type { Push } from '@/lib/messaging/protocol';

const NO_RECEIVER = 'Receiving end does not exist';

/**
 * Tells open extension pages that stored data changed. Having no page open is the usual case, so
 * that rejection is expected; anything else is logged. Never rejects, so callers need not wait.
 */
export function pushToExtensionPages(push: Push): void {
  browser.runtime.sendMessage(push).catch((error: unknown) => {
    if (!String(error).includes(NO_RECEIVER)) console.warn('Could not push a change notice', error);
  });
}
