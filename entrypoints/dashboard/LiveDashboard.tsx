import { useMemo, useState } from 'react';
import { ContextSwitcher } from '@/components/context/ContextSwitcher';
import { DashboardDetails, type Sandbox } from '@/components/dashboard/DashboardDetails';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { useIndicatorOpener } from '@/components/dashboard/useIndicatorOpener';
import { useActiveContext } from '@/components/hooks/useActiveContext';
import { usePeriodOverview } from '@/components/hooks/usePeriodOverview';
import type { LoadedPeriod } from '@/lib/db/periodRows';
import { assess } from '@/lib/lke/assessment';
import type { BlankRule } from '@/lib/lke/scoring';

export interface LiveDashboardProps {
  /** The read the first frame showed: shown until the live query answers. */
  primed?: LoadedPeriod;
  /** Held by App, so a choice made in the first frame stays when this takes over. */
  blanks: BlankRule;
  onBlanksChange: (blanks: BlankRule) => void;
}

/**
 * The dashboard once it runs: the period read live (the stored active one, so switching the period,
 * which rewrites that setting, is seen), the unit and period from the background, the period
 * switcher, the sandbox, and everything below the scores. It needs a <DatabaseProvider> above it.
 * This is the page's second chunk, with Dexie and the messaging: App renders it once the first
 * frame is on screen.
 */
export function LiveDashboard({ primed, blanks, onBlanksChange }: LiveDashboardProps) {
  const { state: context, retry } = useActiveContext();
  const overview = usePeriodOverview(null, primed);
  const [sandbox, setSandbox] = useState<Sandbox | null>(null);
  const thresholds = overview.thresholds.thresholds;
  const whatIf = useMemo(() => (sandbox ? assess(sandbox, thresholds)[blanks] : null), [sandbox, thresholds, blanks]);
  const { outcome, open } = useIndicatorOpener();

  return (
    <DashboardView
      overview={overview}
      context={context}
      onRetryContext={retry}
      switcher={context.status === 'ready' && <ContextSwitcher current={context.context} site={null} onSwitched={retry} />}
      blanks={blanks}
      onBlanksChange={onBlanksChange}
      whatIf={whatIf}
      opening={outcome}
      details={
        overview.periodId !== null && (
          <DashboardDetails
            periodId={overview.periodId}
            overview={overview}
            blanks={blanks}
            sandbox={sandbox}
            whatIf={whatIf}
            onSandboxChange={setSandbox}
            onOpen={open}
            context={context.status === 'ready' ? context.context : null}
          />
        )
      }
    />
  );
}
