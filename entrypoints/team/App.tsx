import { type KeyboardEvent, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from '@/components/ErrorBanner';
import { type ActiveContext, useActiveContext } from '@/components/hooks/useActiveContext';
import { usePeriodOverview } from '@/components/hooks/usePeriodOverview';
import { AssignmentsSection } from '@/components/team/AssignmentsSection';
import { DigestSection } from '@/components/team/DigestSection';
import { EvaluatorNotesSection } from '@/components/team/EvaluatorNotesSection';
import { InnovationsSection } from '@/components/team/InnovationsSection';
import { PacksSection } from '@/components/team/PacksSection';
import { TeamSection } from '@/components/team/TeamSection';
import TrendChart from '@/components/team/TrendChart';
import { useTeamData } from '@/components/team/useTeamData';
import { saveWeeklyReport } from '@/components/team/weeklyReportFile';
import { answeredCodes } from '@/lib/team/snapshot';
import { buildTasks, isoDay } from '@/lib/team/tasks';

const TABS = ['team', 'assignments', 'evaluator', 'trend', 'packs', 'innovations'] as const;
type Tab = (typeof TABS)[number];

const TAB_LABELS: Record<Tab, () => string> = {
  team: () => i18n.t('team.tabs.team'),
  assignments: () => i18n.t('team.tabs.assignments'),
  evaluator: () => i18n.t('team.tabs.evaluator'),
  trend: () => i18n.t('team.tabs.trend'),
  packs: () => i18n.t('team.tabs.packs'),
  innovations: () => i18n.t('team.tabs.innovations'),
};

const STEP: Partial<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1 };

/** The tabs pattern: only the chosen tab is in the Tab order; the arrow keys choose the next one. */
function moveBetweenTabs(event: KeyboardEvent<HTMLElement>, tab: Tab, setTab: (tab: Tab) => void) {
  const step = STEP[event.key];
  if (step === undefined) return;
  event.preventDefault();
  const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
  setTab(next);
  document.getElementById(`tab-${next}`)?.focus();
}

/** The "Tim & Pemantauan" page. Needs a <DatabaseProvider> above it. */
export function App() {
  const { state, retry } = useActiveContext();
  return (
    <div className="team-page">
      <header className="team-page__header">
        <h1>{i18n.t('team.title')}</h1>
        <p className="muted">
          {state.status === 'ready' ? i18n.t('team.context', [state.context.unitName, state.context.year]) : state.status === 'loading' && i18n.t('team.loading')}
        </p>
      </header>
      {state.status === 'failed' && (
        <ErrorBanner title={i18n.t('team.contextFailed')} message={i18n.t(`error.${state.failure}`)} actionLabel={i18n.t('team.retry')} onAction={retry} />
      )}
      {state.status === 'ready' && <TeamPage context={state.context} />}
    </div>
  );
}

function TeamPage({ context }: { context: ActiveContext }) {
  const { periodId, unitId, year } = context;
  const [tab, setTab] = useState<Tab>('team');
  const team = useTeamData(unitId, periodId);
  const overview = usePeriodOverview(periodId);
  const tasks = useMemo(() => (team ? buildTasks(team.assignments, team.workflow, isoDay(new Date())) : []), [team]);
  const answered = useMemo(() => answeredCodes(overview.hints), [overview.hints]);
  if (!team || !overview.loaded) return <p role="status">{i18n.t('team.loading')}</p>;

  return (
    <>
      <div className="team-tabs" role="tablist" aria-label={i18n.t('team.tabs.label')} onKeyDown={(event) => moveBetweenTabs(event, tab, setTab)}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'team-tab team-tab--active' : 'team-tab'}
            onClick={() => setTab(id)}
          >
            {TAB_LABELS[id]()}
          </button>
        ))}
      </div>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="team-page__main">
        {tab === 'team' && <TeamSection unitId={unitId} team={team} />}
        {tab === 'assignments' && <AssignmentsSection periodId={periodId} team={team} tasks={tasks} answered={answered} />}
        {tab === 'evaluator' && <EvaluatorNotesSection periodId={periodId} states={overview.states} />}
        {tab === 'trend' && (
          <>
            <TrendChart periodId={periodId} />
            <DigestSection periodId={periodId} year={year} team={team} tasks={tasks} overview={overview} onReport={(digest) => saveWeeklyReport(digest, tasks, team)} />
          </>
        )}
        {tab === 'packs' && <PacksSection periodId={periodId} year={year} team={team} />}
        {tab === 'innovations' && <InnovationsSection unitId={unitId} />}
      </main>
    </>
  );
}
