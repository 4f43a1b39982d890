import type { ReactNode } from 'react';
import type { PortalWriter } from '@/components/hooks/usePortalWriter';
import type { Hint } from '@/lib/hints/types';

/** What the panel knows about where the user works; the workbench needs all of it. */
export interface WorkbenchSession {
  unitId: number;
  periodId: number;
  /** The period's evaluation year. */
  year: number;
  /** The portal tab that writes go to; null when none is known. */
  tabId: number | null;
}

/** Everything a workbench tab gets: the session, the indicator, and the shared portal writer. */
export interface WorkbenchContext extends WorkbenchSession {
  code: string;
  /** One writer for all tabs, so the outcome of the last write shows in one place. */
  writer: PortalWriter;
  /** The indicator's hints, from the panel's one live computation of the period's hints. */
  hints: readonly Hint[];
  /** Switches to another tab, e.g. to the editor after restoring a revision. */
  openTab: (id: string) => void;
}

/** One tab of the workbench. Adding a panel (evidence, hints) is adding one of these to the list. */
export interface WorkbenchTab {
  id: string;
  /** A function, because messages are looked up when rendered, not when modules load. */
  label: () => string;
  render: (context: WorkbenchContext) => ReactNode;
}
