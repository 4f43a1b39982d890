import { i18n } from '#i18n';
import { EvidencePanel } from '@/components/evidence/EvidencePanel';
import { IndicatorHints } from '@/components/hints/IndicatorHints';
import { NarrativeTab } from './NarrativeTab';
import { PreviousPeriodTab } from './PreviousPeriodTab';
import { RevisionTimeline } from './RevisionTimeline';
import type { WorkbenchTab } from './types';

/**
 * The workbench's tabs, in order. A panel is plugged in by adding an entry here: its label key
 * (under `workbench.tab.`) and what it renders from the WorkbenchContext.
 */
export const WORKBENCH_TABS: readonly WorkbenchTab[] = [
  { id: 'narrative', label: () => i18n.t('workbench.tab.narrative'), render: (context) => <NarrativeTab {...context} /> },
  { id: 'revisions', label: () => i18n.t('workbench.tab.revisions'), render: (context) => <RevisionTimeline {...context} /> },
  {
    id: 'evidence',
    label: () => i18n.t('workbench.tab.evidence'),
    render: ({ code, periodId, writer }) => <EvidencePanel code={code} periodId={periodId} writer={writer} />,
  },
  { id: 'previous', label: () => i18n.t('periods.previous.tab'), render: (context) => <PreviousPeriodTab {...context} /> },
  { id: 'hints', label: () => i18n.t('workbench.tab.hints'), render: ({ hints }) => <IndicatorHints hints={hints} /> },
];
