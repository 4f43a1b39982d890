import { i18n } from '#i18n';
import { LKE } from '@/lib/lke/template';
import type { Condition, Predicate, Verdict } from '@/lib/lke/verdict';
import { readableName } from '@/lib/ui/presentation';
import { formatDecimal } from '../localeFormat';

/** What a condition is about, in words a unit head reads: the area's name rather than its code. */
export function conditionLabel(condition: Condition): string {
  if (condition.kind !== 'area') return i18n.t(`dashboard.verdict.kind.${condition.kind}`);
  const [first] = condition.nodes;
  const name = readableName(LKE.nodeByCode.get(first!)?.name ?? condition.subject);
  if (condition.nodes.length > 1) return i18n.t('dashboard.verdict.kind.areaCombined', [name]);
  const half = first!.startsWith('A.II') ? i18n.t('dashboard.score.part.reform') : i18n.t('dashboard.score.part.pemenuhan');
  return i18n.t('dashboard.verdict.kind.areaHalf', [name, half]);
}

function Mark({ met }: { met: boolean }) {
  // The word carries the status; the sign and colour only repeat it.
  return (
    <span className={`mark mark--${met ? 'met' : 'unmet'}`}>
      <span aria-hidden="true">{met ? '✓' : '✗'}</span> {i18n.t(met ? 'dashboard.verdict.met' : 'dashboard.verdict.unmet')}
    </span>
  );
}

export interface VerdictPanelProps {
  verdicts: Record<Predicate, Verdict>;
  /** The sandbox's verdicts, when the what-if mode is on. */
  sandbox: Record<Predicate, Verdict> | null;
}

const PREDICATES = ['wbk', 'wbbm'] as const;

function StatusCell({ condition }: { condition: Condition }) {
  return (
    <td>
      <Mark met={condition.met} />
      {!condition.met && <span className="gap">{i18n.t('dashboard.verdict.gap', [formatDecimal(condition.gap)])}</span>}
    </td>
  );
}

/**
 * WBK and WBBM: the overall outcome of each, then one table of every condition with both minima,
 * since both predicates judge the same scores.
 */
export function VerdictPanel({ verdicts, sandbox }: VerdictPanelProps) {
  const name = (predicate: Predicate) => i18n.t(`dashboard.verdict.predicate.${predicate}`);
  return (
    <section className="card verdicts" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">{i18n.t('dashboard.verdict.heading')}</h2>
      <div className="verdicts__grid">
        {PREDICATES.map((predicate) => {
          const verdict = verdicts[predicate];
          const unmet = verdict.conditions.filter((c) => !c.met).length;
          const what = sandbox?.[predicate];
          return (
            <section
              key={predicate}
              className={`verdict verdict--${verdict.met ? 'met' : 'unmet'}`}
              data-lke-verdict={predicate}
              data-met={String(verdict.met)}
              aria-labelledby={`verdict-${predicate}`}
            >
              <h3 id={`verdict-${predicate}`}>{name(predicate)}</h3>
              <p className="verdict__outcome">
                <span aria-hidden="true">{verdict.met ? '✓' : '✗'}</span>{' '}
                {verdict.met ? i18n.t('dashboard.verdict.allMet') : i18n.t('dashboard.verdict.someUnmet', [unmet, verdict.conditions.length])}
              </p>
              {what && (
                <p className="verdict__sandbox" data-lke-sandbox-verdict={predicate} data-met={String(what.met)}>
                  {i18n.t(what.met ? 'dashboard.verdict.sandboxMet' : 'dashboard.verdict.sandboxUnmet')}
                </p>
              )}
            </section>
          );
        })}
      </div>
      <table className="conditions">
        <caption className="visually-hidden">{i18n.t('dashboard.verdict.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('dashboard.verdict.condition')}</th>
            <th scope="col">{i18n.t('dashboard.verdict.actual')}</th>
            {PREDICATES.map((predicate) => [
              <th key={`${predicate}-minimum`} scope="col">
                {i18n.t('dashboard.verdict.minimumOf', [name(predicate)])}
              </th>,
              <th key={predicate} scope="col">
                {name(predicate)}
              </th>,
            ])}
            {sandbox && <th scope="col">{i18n.t('dashboard.verdict.sandboxColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {verdicts.wbk.conditions.map((condition, at) => {
            const wbbm = verdicts.wbbm.conditions[at]!;
            return (
              <tr key={`${condition.kind}:${condition.subject}`}>
                <th scope="row">{conditionLabel(condition)}</th>
                <td>{formatDecimal(condition.actual)}</td>
                <td>{formatDecimal(condition.minimum)}</td>
                <StatusCell condition={condition} />
                <td>{formatDecimal(wbbm.minimum)}</td>
                <StatusCell condition={wbbm} />
                {sandbox && (
                  <td>
                    {formatDecimal(sandbox.wbk.conditions[at]!.actual)}
                    {PREDICATES.map((predicate) => (
                      <span key={predicate} className="sandbox-mark">
                        {name(predicate)}: <Mark met={sandbox[predicate].conditions[at]!.met} />
                      </span>
                    ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
