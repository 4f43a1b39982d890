import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { LKE } from '@/lib/lke/template';
import { PANEL_FOCUS_KEY, type PanelFocus, PanelFocusSchema } from '@/lib/messaging/protocol';

// Checked on read because a value left in session storage by an older version may have another shape.
const parsePanelFocus = (value: unknown): PanelFocus | null => PanelFocusSchema.safeParse(value).data ?? null;

const knownCode = (code: string | null | undefined): string | null =>
  code && LKE.byCode.has(code) ? code : null;

/**
 * The indicator the panel shows: the stored focus at start, then each later badge click.
 * `codeFromUrl` (`?code=`) wins over the stored focus at start only, so a panel opened as a tab on
 * one indicator still follows the badges clicked afterwards.
 */
export function useFocusedIndicator(codeFromUrl: string | null): {
  focusedCode: string | null;
  focus: (code: string) => void;
  /** The portal tab whose badge was clicked last; null until one was. */
  portalTabId: number | null;
} {
  const [focusedCode, setFocusedCode] = useState(() => knownCode(codeFromUrl));
  // Kept so that focusing from the panel still tells the background which portal tab is meant.
  const portalTabId = useRef<number | null>(null);
  const [badgeTabId, setBadgeTabId] = useState<number | null>(null);

  useEffect(() => {
    let mounted = true;
    void browser.storage.session.get(PANEL_FOCUS_KEY).then((items) => {
      const stored = parsePanelFocus(items[PANEL_FOCUS_KEY]);
      if (!mounted || !stored) return;
      portalTabId.current ??= stored.tabId;
      setBadgeTabId(portalTabId.current);
      // A choice made while storage was being read (the URL, a click) is newer than the stored one.
      setFocusedCode((current) => current ?? knownCode(stored.code));
    });

    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      const stored = parsePanelFocus(changes[PANEL_FOCUS_KEY]?.newValue);
      if (!stored) return;
      portalTabId.current = stored.tabId ?? portalTabId.current;
      setBadgeTabId(portalTabId.current);
      const code = knownCode(stored.code);
      if (code) setFocusedCode(code);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      mounted = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const focus = useCallback((code: string) => {
    setFocusedCode(code);
    const focus: PanelFocus = { tabId: portalTabId.current, code, at: Date.now() };
    void browser.storage.session.set({ [PANEL_FOCUS_KEY]: focus });
  }, []);

  return { focusedCode, focus, portalTabId: badgeTabId };
}
