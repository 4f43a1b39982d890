import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from '@/components/ErrorBanner';
import { ContextSwitcher } from '@/components/context/ContextSwitcher';
import { HasilInputs } from '@/components/dashboard/HasilInputs';
import { ScoreSummary } from '@/components/dashboard/ScoreSummary';
import { type OpenOutcome, useIndicatorOpener } from '@/components/dashboard/useIndicatorOpener';
import { VerdictPanel } from '@/components/dashboard/VerdictPanel';
import { useActiveContext } from '@/components/hooks/useActiveContext';
import { usePeriodOverview } from '@/components/hooks/usePeriodOverview';
import type { LoadedPeriod } from '@/lib/db/repositories/periodOverview';
import { assess } from '@/lib/lke/assessment';
import type { Route } from '@/lib/lke/route';
import type { BlankRule } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';

// Everything below the scores loads after them: their code (the tree, the route search, the
// threshold editor, backups and workbooks) would otherwise delay the first paint it does not show.
const IndicatorTree = lazy(() => import('@/components/dashboard/IndicatorTree').then((m) => ({ default: m.IndicatorTree })));
const RoutePanel = lazy(() => import('@/components/dashboard/RoutePanel').then((m) => ({ default: m.RoutePanel })));
const ThresholdSettings = lazy(() => import('@/components/dashboard/ThresholdSettings').then((m) => ({ default: m.ThresholdSettings })));
const DataTransfer = lazy(() => import('@/components/dashboard/DataTransfer').then((m) => ({ default: m.DataTransfer })));

/** The performance mark set when the first scores of a loaded period are on screen (`npm run bench`). */
const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';

// The progress trend (Tim & Pemantauan) in a chunk of its own: nothing of it loads before the scores.
const TrendChart = lazy(() => import('@/components/team/TrendChart'));

type Sandbox = Map<string, string | null>;

/**
 * The dashboard page. Needs a <DatabaseProvider> above it. `primed` is the active period read
 * before the first render (main.tsx), so the scores do not wait for React to start querying.
 */
export function App({ primed }: { primed?: LoadedPeriod }) {
  const { state: context, retry } = useActiveContext();
  // The stored active period, read live: the scores need not wait for the background's answer,
  // and switching the period rewrites that setting, which the live query sees.
  const overview = usePeriodOverview(null, primed);
  const { periodId } = overview;
  const [blanks, setBlanks] = useState<BlankRule>('excluded');
  // The what-if answers: a copy in memory only, never written to the real answers.
  const [sandbox, setSandbox] = useState<Sandbox | null>(null);
  const thresholds = overview.thresholds.thresholds;
  const whatIf = useMemo(() => (sandbox ? assess(sandbox, thresholds)[blanks] : null), [sandbox, thresholds, blanks]);
  const { outcome, open } = useIndicatorOpener();
  const ready = overview.loaded && periodId !== null;

  const marked = useRef(false);
  useEffect(() => {
    if (ready && !marked.current) {
      marked.current = true;
      performance.mark(SCORES_SHOWN_MARK);
    }
  }, [ready]);

  const current = overview.assessments[blanks];
  const unanswered = overview.hints.filter((hint) => hint.rule === 'unanswered').length;
  const applyRoute = (route: Route) =>
    setSandbox((previous) => {
      const next = new Map(previous ?? overview.answers);
      for (const step of route.steps) next.set(step.code, step.to);
      return next;
    });
  const editSandbox = (code: string, value: string | null) =>
    setSandbox((previous) => new Map(previous ?? overview.answers).set(code, value));

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
        {context.status === 'ready' && <ContextSwitcher current={context.context} site={null} onSwitched={retry} />}
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
          <div className="dashboard__tools">
            <section className="card sandbox" aria-labelledby="sandbox-heading">
              <h2 id="sandbox-heading">{i18n.t('dashboard.sandbox.heading')}</h2>
              <p className="muted">{i18n.t('dashboard.sandbox.intro')}</p>
              <p role="status">{i18n.t(sandbox ? 'dashboard.sandbox.on' : 'dashboard.sandbox.off')}</p>
              <div className="sandbox__actions">
                {sandbox ? (
                  <>
                    <button type="button" onClick={() => setSandbox(new Map(overview.answers))}>
                      {i18n.t('dashboard.sandbox.reset')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setSandbox(null)}>
                      {i18n.t('dashboard.sandbox.stop')}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setSandbox(new Map(overview.answers))}>
                    {i18n.t('dashboard.sandbox.start')}
                  </button>
                )}
              </div>
            </section>
            <Suspense fallback={null}>
              <RoutePanel answers={sandbox ?? overview.answers} blanks={blanks} thresholds={thresholds} onApply={applyRoute} />
            </Suspense>
          </div>
          <HasilInputs periodId={periodId} answers={overview.answers} />
          {periodId !== null && (
            <Suspense fallback={null}>
              <TrendChart periodId={periodId} />
            </Suspense>
          )}
          <Suspense
            fallback={
              <p role="status" className="dashboard__loading">
                {i18n.t('dashboard.header.loading')}
              </p>
            }
          >
            <IndicatorTree
              answers={overview.answers}
              sheet={current.sheet}
              hintsByCode={overview.hintsByCode}
              lastChange={overview.lastChange}
              sandbox={sandbox && whatIf ? { answers: sandbox, sheet: whatIf.sheet, onChange: editSandbox } : null}
              onOpen={open}
            />
            <ThresholdSettings stored={overview.thresholds} />
            {context.status === 'ready' && <DataTransfer context={context.context} states={overview.states} />}
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
