import { useEffect, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from '@/components/ErrorBanner';
import type { ActiveContextState } from '@/components/hooks/useActiveContext';
import type { PeriodOverview } from '@/components/periodOverview';
import type { Assessment } from '@/lib/lke/assessment';
import type { BlankRule } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { ScoreSummary } from './ScoreSummary';
import type { OpenOutcome } from './useIndicatorOpener';
import { VerdictPanel } from './VerdictPanel';

/**
 * The performance mark set when the first scores of a loaded period are rendered (`npm run bench`):
 * in an effect, right after React committed them to the page. The browser then paints and presents
 * that frame; bench:score prints when (first-contentful-paint).
 */
export const SCORES_SHOWN_MARK = 'lke-dashboard-scores-shown';

export interface DashboardViewProps {
  overview: PeriodOverview;
  context: ActiveContextState;
  onRetryContext?: () => void;
  /** The period switcher, once the live dashboard has the context. */
  switcher?: ReactNode;
  blanks: BlankRule;
  onBlanksChange: (blanks: BlankRule) => void;
  /** The what-if assessment under `blanks`, when the sandbox is on. */
  whatIf?: Assessment | null;
  opening?: OpenOutcome;
  /** Everything below the scores and verdicts. */
  details: ReactNode;
}

/**
 * The dashboard as it looks, given what it shows. The first frame (App.tsx) and the live dashboard
 * (LiveDashboard.tsx) both render it, so the page looks the same before and after the live one
 * takes over.
 */
export function DashboardView({ overview, context, onRetryContext, switcher, blanks, onBlanksChange, whatIf = null, opening, details }: DashboardViewProps) {
  const ready = overview.loaded && overview.periodId !== null;
  useEffect(() => {
    // Once per page: the live dashboard renders the same scores again when it takes over.
    if (ready && performance.getEntriesByName(SCORES_SHOWN_MARK).length === 0) performance.mark(SCORES_SHOWN_MARK);
  }, [ready]);

  const current = overview.assessments[blanks];
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
        {switcher}
        {ready && <p>{i18n.t('dashboard.header.answered', [LKE.answerable.length - unanswered, LKE.answerable.length])}</p>}
      </header>
      {context.status === 'failed' && (
        <ErrorBanner
          title={i18n.t('dashboard.error.contextTitle')}
          message={i18n.t(`error.${context.failure}`)}
          actionLabel={i18n.t('dashboard.error.retry')}
          onAction={onRetryContext}
        />
      )}
      <OpenStatus outcome={opening ?? { state: 'idle' }} />
      {ready ? (
        <main className="dashboard__main">
          {overview.thresholds.invalid && (
            <p className="notice notice--warning" role="alert">
              {i18n.t('dashboard.settings.invalidStored')}
            </p>
          )}
          <div className="dashboard__top">
            <ScoreSummary sheet={current.sheet} sandbox={whatIf?.sheet ?? null} blanks={blanks} onBlanksChange={onBlanksChange} />
            <VerdictPanel verdicts={current.verdicts} sandbox={whatIf?.verdicts ?? null} />
          </div>
          {details}
        </main>
      ) : (
        context.status !== 'failed' && <LoadingLine />
      )}
    </div>
  );
}

export function LoadingLine() {
  return (
    <p role="status" className="dashboard__loading">
      {i18n.t('dashboard.header.loading')}
    </p>
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
