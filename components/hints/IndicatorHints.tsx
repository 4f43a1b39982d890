import { useId } from 'react';
import { i18n } from '#i18n';
import { type Hint, SEVERITIES } from '@/lib/hints';
import { hintText } from './hintText';
import { SeverityIcon } from './SeverityIcon';

export interface IndicatorHintsProps {
  /** The hints of one indicator (e.g. `usePeriodHints(periodId).byCode.get(code) ?? []`). */
  hints: readonly Hint[];
}

const rank = (hint: Hint): number => SEVERITIES.indexOf(hint.severity);

/** The focused indicator's hints, most severe first: what is wrong, why it matters, what to do. */
export function IndicatorHints({ hints }: IndicatorHintsProps) {
  const headingId = useId();
  const sorted = [...hints].sort((a, b) => rank(a) - rank(b));
  return (
    <section className="indicator-hints" aria-labelledby={headingId} data-testid="indicator-hints">
      <h3 id={headingId} className="indicator-hints__heading">
        {i18n.t('hintsPanel.heading')}
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">{i18n.t('hintsPanel.none')}</p>
      ) : (
        <ul className="hint-list">
          {sorted.map((hint) => (
            <li key={`${hint.code}:${hint.rule}`} className={`hint hint--${hint.severity}`}>
              <p className="hint__title">
                <SeverityIcon severity={hint.severity} />
                <span className="hint__severity">{i18n.t(`hints.severity.${hint.severity}`)}</span>{' '}
                <strong>{hintText(hint, 'title')}</strong>
              </p>
              <p className="hint__explanation">{hintText(hint, 'explanation')}</p>
              <p className="hint__action">
                <span className="hint__action-label">{i18n.t('hintsPanel.whatToDo')}: </span>
                {i18n.t(`hintsPanel.action.${hint.rule}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
