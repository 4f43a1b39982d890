import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendTabCommand } from '@/lib/messaging/client';
import { PANEL_FOCUS_KEY, type PanelFocus, PanelFocusSchema, type TabCommandFailure } from '@/lib/messaging/protocol';

export type OpenOutcome =
  | { state: 'idle' }
  | { state: 'working'; code: string }
  | { state: 'scrolled'; code: string }
  | { state: 'panelOnly'; code: string; reason: TabCommandFailure | 'no_tab' };

async function storedPortalTab(): Promise<number | null> {
  const items = await browser.storage.session.get(PANEL_FOCUS_KEY);
  return PanelFocusSchema.safeParse(items[PANEL_FOCUS_KEY]).data?.tabId ?? null;
}

/** Web tabs, the one the panel last worked with first: any of them may show the LKE form. */
async function candidateTabs(preferred: number | null): Promise<number[]> {
  const tabs = await browser.tabs.query({});
  // Tabs of sites without access report no address; those may still run the content script.
  const web = tabs.filter((tab) => tab.id !== undefined && (!tab.url || /^https?:/.test(tab.url))).map((tab) => tab.id!);
  return preferred !== null && web.includes(preferred) ? [preferred, ...web.filter((id) => id !== preferred)] : web;
}

/**
 * Opens an indicator in the side panel (its focus lives in session storage, which an open panel
 * follows) and scrolls the portal page to its row, when a tab shows it.
 */
export function useIndicatorOpener(): { outcome: OpenOutcome; open: (code: string) => void } {
  const [outcome, setOutcome] = useState<OpenOutcome>({ state: 'idle' });
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    // Without a window (Firefox's sidebar stands in, or a test browser), the panel is not opened here.
    browser.windows
      ?.getCurrent()
      .then((window) => (windowId.current = window?.id))
      .catch(() => {});
  }, []);

  const open = useCallback((code: string) => {
    // Browsers open panels only within the click's user gesture, so before anything is awaited.
    if (windowId.current !== undefined) browser.sidePanel?.open({ windowId: windowId.current }).catch(() => {});
    setOutcome({ state: 'working', code });
    void (async () => {
      const preferred = await storedPortalTab();
      const focusOn = (tabId: number | null) => {
        const focus: PanelFocus = { tabId, code, at: Date.now() };
        return browser.storage.session.set({ [PANEL_FOCUS_KEY]: focus });
      };
      // The panel shows the indicator at once; finding the portal row may take a moment.
      await focusOn(preferred);
      const tabs = await candidateTabs(preferred);
      let reason: TabCommandFailure | 'no_tab' = 'no_tab';
      let scrolledIn: number | null = null;
      for (const tabId of tabs) {
        const reply = await sendTabCommand(tabId, { type: 'row.focus', code }).catch(() => null);
        if (reply?.ok) {
          scrolledIn = tabId;
          break;
        }
        if (reply) reason = reply.reason;
      }
      // The panel writes into the tab that shows the row.
      if (scrolledIn !== null && scrolledIn !== preferred) await focusOn(scrolledIn);
      setOutcome(scrolledIn !== null ? { state: 'scrolled', code } : { state: 'panelOnly', code, reason });
    })();
  }, []);

  return { outcome, open };
}
