import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { type Route, cheapestRoute } from '@/lib/lke/route';
import type { Answers, BlankRule } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import type { Predicate, Thresholds } from '@/lib/lke/verdict';
import { formatDecimal } from '../localeFormat';
import { conditionLabel } from './VerdictPanel';

type RouteState = { state: 'idle' } | { state: 'busy'; predicate: Predicate } | { state: 'done'; route: Route };

/** Lets the browser paint the busy state before the search holds the page for up to a second. */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export interface RoutePanelProps {
  /** Where the route starts: the sandbox's answers when it is on, else the real ones. */
  answers: Answers;
  blanks: BlankRule;
  thresholds: Thresholds;
  /** Puts the route's answers into the sandbox. */
  onApply: (route: Route) => void;
}

/** "Rute termurah": searched on request only, since it scores every possible step many times. */
export function RoutePanel({ answers, blanks, thresholds, onApply }: RoutePanelProps) {
  const [route, setRoute] = useState<RouteState>({ state: 'idle' });
  const run = useRef(0);

  const search = async (predicate: Predicate) => {
    const id = ++run.current;
    setRoute({ state: 'busy', predicate });
    await afterPaint();
    const found = cheapestRoute(answers, predicate, { blanks, thresholds });
    if (id === run.current) setRoute({ state: 'done', route: found });
  };

  const busy = route.state === 'busy';
  return (
    <section className="card route" aria-labelledby="route-heading" aria-busy={busy}>
      <h2 id="route-heading">{i18n.t('dashboard.route.heading')}</h2>
      <p className="muted">{i18n.t('dashboard.route.intro')}</p>
      <div className="route__actions">
        {(['wbk', 'wbbm'] as const).map((predicate) => (
          <button key={predicate} type="button" disabled={busy} onClick={() => void search(predicate)}>
            {i18n.t('dashboard.route.find', [i18n.t(`dashboard.verdict.predicate.${predicate}`)])}
          </button>
        ))}
      </div>
      <div role="status" className="route__result">
        {busy && <p className="busy">{i18n.t('dashboard.route.busy')}</p>}
        {route.state === 'done' && <RouteResult route={route.route} onApply={() => onApply(route.route)} />}
      </div>
    </section>
  );
}

function RouteResult({ route, onApply }: { route: Route; onApply: () => void }) {
  const name = i18n.t(`dashboard.verdict.predicate.${route.predicate}`);
  return (
    <div data-testid="route-result">
      <h3>{i18n.t('dashboard.route.resultHeading', [name])}</h3>
      {route.steps.length === 0 ? (
        <p>{i18n.t(route.unmet.length === 0 ? 'dashboard.route.alreadyMet' : 'dashboard.route.noSteps')}</p>
      ) : (
        <>
          <p>{i18n.t('dashboard.route.summary', [route.steps.length, formatDecimal(route.total)])}</p>
          {/* Above the steps: a long route would push it out of sight. */}
          <button type="button" onClick={onApply}>
            {i18n.t('dashboard.route.apply')}
          </button>
          <ol className="route__steps">
            {route.steps.map((step) => (
              <li key={step.code}>
                <strong>{step.code}</strong>{' '}
                {i18n.t('dashboard.route.step', [step.from?.trim() || i18n.t('dashboard.tree.blank'), step.to, formatDecimal(step.gain)])}
                <span className="muted route__question">{LKE.byCode.get(step.code)?.question}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {route.unmet.length > 0 && (
        <>
          <p>{i18n.t('dashboard.route.unmetIntro')}</p>
          <ul>
            {route.unmet.map((condition) => (
              <li key={`${condition.kind}:${condition.subject}`}>
                {conditionLabel(condition)}: {i18n.t('dashboard.verdict.gap', [formatDecimal(condition.gap)])}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
