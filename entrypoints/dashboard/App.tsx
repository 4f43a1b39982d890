import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from '@/components/ErrorBanner';
import type { Sandbox } from '@/components/dashboard/DashboardDetails';
import { ScoreSummary } from '@/components/dashboard/ScoreSummary';
import { type OpenOutcome, useIndicatorOpener } from '@/components/dashboard/useIndicatorOpener';
import { VerdictPanel } from '@/components/dashboard/VerdictPanel';
import { useActiveContext } from '@/components/hooks/useActiveContext';
import { useFirstContentfulPaint } from '@/components/hooks/useFirstContentfulPaint';
import { usePeriodOverview } from '@/components/hooks/usePeriodOverview';
import type { LoadedPeriod } from '@/lib/db/periodRows';
import { assess } from '@/lib/lke/assessment';
import type { BlankRule } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';

// The first paint is the scores and the verdicts. Everything below them (the tree, the route
// search, the threshold editor, backups and workbooks, the trend) is one chunk, and it and the
// period switcher load once that first frame is on screen.
const DashboardDetails = lazy(() => import('@/components/dashboard/DashboardDetails'));
const ContextSwitcher = lazy(() => import('@/components/context/ContextSwitcher').then((m) => ({ default: m.ContextSwitcher })));

/**
 * The performance mark set when the first scores of a loaded period are rendered (`npm run bench`):
 * in an effect, right after React committed them to the page. The browser then paints and presents
 * that frame; bench:score prints when (first-contentful-paint).
 */
const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';

/**
 * The dashboard page. Needs a <DatabaseProvider> above it. `primed` is the active period read
 * before the first render (main.tsx), so the scores do not wait for React to start querying.
 */
export function App({ primed }: { primed?: LoadedPeriod }) {
  const { state: context, retry } = useActiveContext();
  // The details, the period switcher and the live query (which reads the whole period again, with
  // last year's texts) start once the browser has presented the first frame: started earlier, they
  // compete with putting the scores on screen.
  const presented = useFirstContentfulPaint();
  // The stored active period, read live: the scores need not wait for the background's answer,
  // and switching the period rewrites that setting, which the live query sees.
  const overview = usePeriodOverview(null, primed, { watch: presented });
  const { periodId } = overview;
  const [blanks, setBlanks] = useState<BlankRule>('excluded');
  const [sandbox, setSandbox] = useState<Sandbox | null>(null);
  const thresholds = overview.thresholds.thresholds;
  const whatIf = useMemo(() => (sandbox ? assess(sandbox, thresholds)[blanks] : null), [sandbox, thresholds, blanks]);
  const { outcome, open } = useIndicatorOpener();
  const ready = overview.loaded && periodId !== null;

  useEffect(() => {
    if (ready) performance.mark(SCORES_SHOWN_MARK);
  }, [ready]);

  const current = overview.assessments[blanks];
  const detailsLoading = (
    <p role="status" className="dashboard__loading">
      {i18n.t('dashboard.header.loading')}
    </p>
  );
  const unanswered = overview.hints.filter((hint) => hint.rule === 'unanswered').length;

  return (
    <div className="dashboard">
      <header className="dashboard__header">
        <h1>{i18n.t('dashboard.title')}</h1>
        <a className="dashboard__team-link" href="team.html">
          {i18n.t('team.open')}
        </a>
        <p className="muted">
          {context.status === 'ready'
            ? i18n.t('dashboard.header.context', [context.context.unitName, context.context.year])
            : context.status === 'loading' && i18n.t('dashboard.header.loading')}
        </p>
        {context.status === 'ready' && presented && (
          <Suspense fallback={null}>
            <ContextSwitcher current={context.context} site={null} onSwitched={retry} />
          </Suspense>
        )}
        {ready && <p>{i18n.t('dashboard.header.answered', [LKE.answerable.length - unanswered, LKE.answerable.length])}</p>}
      </header>
      {context.status === 'failed' && (
        <ErrorBanner
          title={i18n.t('dashboard.error.contextTitle')}
          message={i18n.t(`error.${context.failure}`)}
          actionLabel={i18n.t('dashboard.error.retry')}
          onAction={retry}
        />
      )}
      <OpenStatus outcome={outcome} />
      {ready ? (
        <main className="dashboard__main">
          {overview.thresholds.invalid && (
            <p className="notice notice--warning" role="alert">
              {i18n.t('dashboard.settings.invalidStored')}
            </p>
          )}
          <div className="dashboard__top">
            <ScoreSummary sheet={current.sheet} sandbox={whatIf?.sheet ?? null} blanks={blanks} onBlanksChange={setBlanks} />
            <VerdictPanel verdicts={current.verdicts} sandbox={whatIf?.verdicts ?? null} />
          </div>
          <Suspense fallback={detailsLoading}>
            {presented ? (
              <DashboardDetails
                periodId={periodId}
                overview={overview}
                blanks={blanks}
                sandbox={sandbox}
                whatIf={whatIf}
                onSandboxChange={setSandbox}
                onOpen={open}
                context={context.status === 'ready' ? context.context : null}
              />
            ) : (
              detailsLoading
            )}
          </Suspense>
        </main>
      ) : (
        context.status !== 'failed' && (
          <p role="status" className="dashboard__loading">
            {i18n.t('dashboard.header.loading')}
          </p>
        )
      )}
    </div>
  );
}

function OpenStatus({ outcome }: { outcome: OpenOutcome }) {
  return (
    <p role="status" className="open-status">
      {outcome.state === 'working' && i18n.t('dashboard.open.working', [outcome.code])}
      {outcome.state === 'scrolled' && i18n.t('dashboard.open.scrolled', [outcome.code])}
      {outcome.state === 'panelOnly' && `${i18n.t('dashboard.open.panelOnly', [outcome.code])} ${i18n.t(`portalWrite.failure.${outcome.reason}`)}`}
    </p>
  );
}
