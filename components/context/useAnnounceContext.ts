import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { Push } from '@/lib/messaging/protocol';

/**
 * Tells the portal tab beside the panel that the period it works in changed (the user switched),
 * so its badges reload their hints and saved texts from that period. The first period known is
 * the one the badges loaded already.
 */
export function useAnnounceContext(tabId: number | null, periodId: number | null): void {
  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (periodId === null) return;
    const previous = announced.current;
    announced.current = periodId;
    if (previous === null || previous === periodId || tabId === null) return;
    const push: Push = { type: 'data.changed', periodId, codes: [] };
    // A tab without the content script has no badges to reload.
    browser.tabs.sendMessage(tabId, push).catch(() => {});
  }, [tabId, periodId]);
}
