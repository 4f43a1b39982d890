import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { putIntoDraft } from '@/lib/db/repositories/drafts';
import { applyYearSuggestion, findYearMentions, type YearMention } from '@/lib/periods/yearReferences';
import type { WorkbenchContext } from './types';
import { type IndicatorSide, usePeriodComparison } from './usePeriodComparison';
import { YearMentions } from './YearMentions';
import './periods.css';

type Outcome = { state: 'idle' } | { state: 'done' | 'failed'; message: string };

/**
 * "Periode lalu": last period's answer and narrative beside this period's, last period's narrative
 * copied into the draft on request, and the years of last period named in the draft, each replaced
 * only when its suggestion is clicked.
 */
export function PreviousPeriodTab({ periodId, code }: WorkbenchContext) {
  const db = useDatabase();
  const comparison = usePeriodComparison(periodId, code);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  if (!comparison) return null;
  const { current, previous } = comparison;
  if (!previous) return <p className="muted">{i18n.t('periods.previous.none')}</p>;

  const intoDraft = async (text: string, message: string) => {
    try {
      const target = { periodId, code, text, asNewDraft: false, newDraftName: i18n.t('drafts.defaultName') };
      await putIntoDraft(db, target, new Date());
      setOutcome({ state: 'done', message });
    } catch {
      setOutcome({ state: 'failed', message: i18n.t('periods.error.failed') });
    }
  };
  const apply = (mention: YearMention) => {
    // The live text, not the one the mention was found in: applying to a text changed since is refused.
    const applied = applyYearSuggestion(current.narrative ?? '', mention);
    if (applied === null) setOutcome({ state: 'failed', message: i18n.t('periods.years.changed') });
    else void intoDraft(applied, i18n.t('periods.years.applied', [mention.year, mention.suggestion]));
  };
  const mentions = findYearMentions(current.narrative ?? '', { fromYear: previous.year, toYear: current.year });

  return (
    <div className="period-compare" data-testid="previous-period">
      <div className="period-compare__sides">
        <Side heading={i18n.t('periods.previous.lastPeriod', [previous.year])} side={previous} testId="previous-side" />
        <Side heading={i18n.t('periods.previous.thisPeriod', [current.year])} side={current} testId="current-side" />
      </div>
      <button
        type="button"
        className="button"
        disabled={!previous.narrative || previous.narrative === current.narrative}
        onClick={() => void intoDraft(previous.narrative ?? '', i18n.t('periods.previous.copied'))}
      >
        {i18n.t('periods.previous.copy')}
      </button>
      <h4 className="detail__label">{i18n.t('periods.years.heading')}</h4>
      <p className="muted">{i18n.t('periods.years.intro')}</p>
      <YearMentions text={current.narrative ?? ''} mentions={mentions} onApply={apply} />
      {outcome.state === 'failed' ? (
        <p role="alert" className="field-problem">
          {outcome.message}
        </p>
      ) : (
        <p role="status">{outcome.state === 'done' ? outcome.message : ''}</p>
      )}
    </div>
  );
}

function Side({ heading, side, testId }: { heading: string; side: IndicatorSide; testId: string }) {
  const empty = i18n.t('periods.previous.empty');
  return (
    <section className="period-compare__side" data-testid={testId}>
      <h4 className="detail__label">{heading}</h4>
      <p>
        <span className="muted">{i18n.t('periods.previous.answer')}: </span>
        {side.answer ?? empty}
      </p>
      <p className="muted">{i18n.t('periods.previous.narrative')}</p>
      <p className="period-compare__narrative">{side.narrative ?? empty}</p>
    </section>
  );
}
