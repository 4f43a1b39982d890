import { i18n } from '#i18n';
import type { Hint, SeverityCounts } from '@/lib/hints';
import { SeverityIcon } from './SeverityIcon';

/** Errors and warnings are the gaps; info hints are left out of the counts. */
export type GapCounts = Pick<SeverityCounts, 'error' | 'warning'>;

export function gapCountsOf(hints: readonly Hint[]): GapCounts {
  return {
    error: hints.filter((hint) => hint.severity === 'error').length,
    warning: hints.filter((hint) => hint.severity === 'warning').length,
  };
}

/**
 * Icon and number per severity that has any, and the counts in words for screen readers; nothing
 * at all when there is no gap (or nothing known), so complete parts of the list stay quiet.
 */
export function HintCounts({ counts }: { counts: GapCounts | undefined }) {
  if (!counts || (counts.error === 0 && counts.warning === 0)) return null;
  const label = i18n.t('hintsPanel.counts', [counts.error, counts.warning]);
  return (
    <span className="hint-counts" title={label}>
      <span className="hint-counts__visual" aria-hidden="true">
        {(['error', 'warning'] as const)
          .filter((severity) => counts[severity] > 0)
          .map((severity) => (
            <span key={severity} className={`hint-count hint-count--${severity}`}>
              <SeverityIcon severity={severity} />
              {counts[severity]}
            </span>
          ))}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
