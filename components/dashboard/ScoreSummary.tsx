import { i18n } from '#i18n';
import type { BlankRule, ScoreSheet } from '@/lib/lke/scoring';
import { formatDecimal } from '../localeFormat';

const SCORE_PARTS = ['total', 'pengungkit', 'pemenuhan', 'reform', 'hasil'] as const;
type ScorePart = (typeof SCORE_PARTS)[number];

const MAXIMUM: Record<ScorePart, number> = { total: 100, pengungkit: 60, pemenuhan: 30, reform: 30, hasil: 40 };

/** The observable contract's form of a score: two decimals, a point, whatever the language. */
const contractNumber = (value: number): string => value.toFixed(2);

/**
 * The signed difference between two shown scores ("+1,25", "−0,5"), taken between the numbers as
 * shown, so it always matches them.
 */
function formatChange(from: number, to: number): string {
  const rounded = Math.round((Number(contractNumber(to)) - Number(contractNumber(from))) * 100) / 100;
  if (rounded === 0) return '±0';
  return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded))}`;
}

export interface ScoreSummaryProps {
  sheet: ScoreSheet;
  /** The what-if sheet under the same blank rule, when the sandbox is on. */
  sandbox: ScoreSheet | null;
  blanks: BlankRule;
  onBlanksChange: (blanks: BlankRule) => void;
}

/** The five scores with their maxima, the blank-rule switch and, in what-if mode, the sandbox's. */
export function ScoreSummary({ sheet, sandbox, blanks, onBlanksChange }: ScoreSummaryProps) {
  return (
    <section className="card scores" aria-labelledby="scores-heading">
      <h2 id="scores-heading">{i18n.t('dashboard.score.heading')}</h2>
      <fieldset className="blank-rule">
        <legend>{i18n.t('dashboard.score.blankRule')}</legend>
        {(['excluded', 'zero'] as const).map((rule) => (
          <label key={rule}>
            <input type="radio" name="blank-rule" value={rule} checked={blanks === rule} onChange={() => onBlanksChange(rule)} />
            <span>
              <strong>{i18n.t(`dashboard.score.rule.${rule}.label`)}</strong>
              <small>{i18n.t(`dashboard.score.rule.${rule}.hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="scores__rule" data-testid="score-rule">
        {i18n.t(`dashboard.score.rule.${blanks}.shown`)}
      </p>
      <ul className="scores__list">
        {SCORE_PARTS.map((part) => {
          const value = sheet[part];
          const share = Math.round((value / MAXIMUM[part]) * 100);
          return (
            <li key={part} className={`score score--${part}`}>
              <span className="score__label" id={`score-${part}-label`}>
                {i18n.t(`dashboard.score.part.${part}`)}
              </span>
              <span className="score__value">
                <span data-lke-score={part}>{contractNumber(value)}</span>
                <span className="score__max">{i18n.t('dashboard.score.ofMax', [MAXIMUM[part]])}</span>
              </span>
              <progress max={MAXIMUM[part]} value={value} aria-labelledby={`score-${part}-label`} aria-valuetext={`${share}%`} />
              {sandbox && (
                <span className="score__sandbox" data-lke-sandbox-score={part}>
                  {i18n.t('dashboard.score.sandbox', [contractNumber(sandbox[part]), formatChange(value, sandbox[part])])}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
