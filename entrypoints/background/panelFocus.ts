import { PANEL_FOCUS_KEY, type PanelFocus } from '@/lib/messaging/protocol';

export interface SessionStorageLike {
  set(items: Record<string, unknown>): Promise<void>;
}

/** Chrome's side panel. */
export interface SidePanelLike {
  open(options: { tabId: number }): Promise<void>;
}

/** Firefox's sidebar, which stands in for the side panel there. */
export interface SidebarActionLike {
  open(): Promise<void>;
}

export interface PanelDeps {
  storage: SessionStorageLike;
  sidePanel: SidePanelLike | undefined;
  sidebarAction: SidebarActionLike | undefined;
  now: () => Date;
}

/** Browsers open panels only in response to a user gesture; without one, opening throws. */
async function openPanel(deps: PanelDeps, tabId: number | undefined): Promise<boolean> {
  try {
    if (deps.sidePanel) {
      if (tabId === undefined) return false;
      await deps.sidePanel.open({ tabId });
      return true;
    }
    if (deps.sidebarAction) {
      await deps.sidebarAction.open();
      return true;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * Points the side panel at an indicator and tries to open it. Opening starts before the storage
 * write is awaited, because the user gesture carried by the message does not survive a round trip
 * to storage; the write was issued first, so a panel that opens still finds the new focus.
 */
export async function focusPanel(
  deps: PanelDeps,
  code: string,
  tabId: number | undefined,
): Promise<{ opened: boolean }> {
  const focus: PanelFocus = { tabId: tabId ?? null, code, at: deps.now().getTime() };
  const stored = deps.storage.set({ [PANEL_FOCUS_KEY]: focus });
  const opened = openPanel(deps, tabId);
  await stored;
  return { opened: await opened };
}
