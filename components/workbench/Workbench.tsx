import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { usePortalWriter } from '@/components/hooks/usePortalWriter';
import type { Hint } from '@/lib/hints/types';
import { CarryOverNotice } from './CarryOverNotice';
import { PortalWriteStatus } from './PortalWriteStatus';
import type { WorkbenchSession, WorkbenchTab } from './types';

export interface WorkbenchProps {
  code: string;
  session: WorkbenchSession;
  hints: readonly Hint[];
  tabs: readonly WorkbenchTab[];
}

/**
 * The tools for the indicator at hand, one tab each (WAI-ARIA tabs: arrow keys move between tabs,
 * only the selected tab is in the tab order). Only the selected panel is mounted: the editor
 * flushes its unsaved text when it unmounts, so switching tabs loses nothing.
 */
export function Workbench({ code, session, hints, tabs }: WorkbenchProps) {
  const baseId = useId();
  const [selectedId, setSelectedId] = useState(tabs[0]?.id);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const writer = usePortalWriter(session.tabId);
  const selected = tabs.find((tab) => tab.id === selectedId) ?? tabs[0];

  const openTab = useCallback((id: string) => {
    setSelectedId(id);
    tabRefs.current.get(id)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected?.id);
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    openTab(tabs[next]!.id);
  };

  if (!selected) return null;
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;
  return (
    <div className="workbench" data-testid="workbench">
      <CarryOverNotice periodId={session.periodId} code={code} />
      <div role="tablist" className="workbench__tabs" aria-label={i18n.t('workbench.label')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.id, element);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="workbench__tab"
            aria-selected={tab.id === selected.id}
            aria-controls={tab.id === selected.id ? panelId(tab.id) : undefined}
            tabIndex={tab.id === selected.id ? 0 : -1}
            onClick={() => setSelectedId(tab.id)}
          >
            {tab.label()}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId(selected.id)} aria-labelledby={tabId(selected.id)} className="workbench__panel" tabIndex={0}>
        {/* Keyed by indicator and period: a panel's state (an unsaved edit, a page of history) never leaks to another. */}
        <div key={`${session.periodId}:${code}`}>{selected.render({ ...session, code, writer, hints, openTab })}</div>
      </div>
      <PortalWriteStatus code={code} writer={writer} />
    </div>
  );
}
