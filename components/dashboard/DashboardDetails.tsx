import { i18n } from '#i18n';
import type { ActiveContext } from '@/components/hooks/useActiveContext';
import type { PeriodOverview } from '@/components/periodOverview';
import TrendChart from '@/components/team/TrendChart';
import type { Assessment } from '@/lib/lke/assessment';
import type { Route } from '@/lib/lke/route';
import type { BlankRule } from '@/lib/lke/scoring';
import { DataTransfer } from './DataTransfer';
import { HasilInputs } from './HasilInputs';
import { IndicatorTree } from './IndicatorTree';
import { RoutePanel } from './RoutePanel';
import { ThresholdSettings } from './ThresholdSettings';

/** The what-if answers: a copy in memory only, never written to the real answers. */
export type Sandbox = Map<string, string | null>;

export interface DashboardDetailsProps {
  periodId: number;
  overview: PeriodOverview;
  blanks: BlankRule;
  sandbox: Sandbox | null;
  /** The what-if assessment under `blanks`, when the sandbox is on. */
  whatIf: Assessment | null;
  onSandboxChange: (next: Sandbox | null) => void;
  /** Opens an indicator in the side panel and on its portal page. */
  onOpen: (code: string) => void;
  context: ActiveContext | null;
}

/**
 * Everything of the dashboard below the scores: the sandbox and the cheapest route, the Hasil
 * inputs, the trend, the indicator tree, the threshold table and moving data. Part of the live
 * dashboard, loaded and rendered once the scores are on screen.
 */
export function DashboardDetails({ periodId, overview, blanks, sandbox, whatIf, onSandboxChange, onOpen, context }: DashboardDetailsProps) {
  const current = overview.assessments[blanks];
  const applyRoute = (route: Route) => {
    const next = new Map(sandbox ?? overview.answers);
    for (const step of route.steps) next.set(step.code, step.to);
    onSandboxChange(next);
  };
  const editSandbox = (code: string, value: string | null) => onSandboxChange(new Map(sandbox ?? overview.answers).set(code, value));

  return (
    <>
      <div className="dashboard__tools">
        <section className="card sandbox" aria-labelledby="sandbox-heading">
          <h2 id="sandbox-heading">{i18n.t('dashboard.sandbox.heading')}</h2>
          <p className="muted">{i18n.t('dashboard.sandbox.intro')}</p>
          <p role="status">{i18n.t(sandbox ? 'dashboard.sandbox.on' : 'dashboard.sandbox.off')}</p>
          <div className="sandbox__actions">
            {sandbox ? (
              <>
                <button type="button" onClick={() => onSandboxChange(new Map(overview.answers))}>
                  {i18n.t('dashboard.sandbox.reset')}
                </button>
                <button type="button" className="secondary" onClick={() => onSandboxChange(null)}>
                  {i18n.t('dashboard.sandbox.stop')}
                </button>
              </>
            ) : (
              <button type="button" onClick={() => onSandboxChange(new Map(overview.answers))}>
                {i18n.t('dashboard.sandbox.start')}
              </button>
            )}
          </div>
        </section>
        <RoutePanel answers={sandbox ?? overview.answers} blanks={blanks} thresholds={overview.thresholds.thresholds} onApply={applyRoute} />
      </div>
      <HasilInputs periodId={periodId} answers={overview.answers} />
      <TrendChart periodId={periodId} />
      <IndicatorTree
        answers={overview.answers}
        sheet={current.sheet}
        hintsByCode={overview.hintsByCode}
        lastChange={overview.lastChange}
        sandbox={sandbox && whatIf ? { answers: sandbox, sheet: whatIf.sheet, onChange: editSandbox } : null}
        onOpen={onOpen}
      />
      <ThresholdSettings stored={overview.thresholds} />
      {context && <DataTransfer context={context} states={overview.states} />}
    </>
  );
}
