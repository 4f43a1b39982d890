import type { Browser } from 'wxt/browser';

type SidePanelApi = Pick<typeof Browser.sidePanel, 'setPanelBehavior'>;

/** The toolbar button opens the side panel (Chrome); Firefox has no sidePanel and keeps its sidebar. */
export function openPanelOnActionClick(sidePanel: SidePanelApi | undefined): void {
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.warn('Could not make the toolbar button open the side panel', error);
  });
}
