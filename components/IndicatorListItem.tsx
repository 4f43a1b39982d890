import type { Hint } from '@/lib/hints';
import type { Indicator } from '@/lib/lke/schema';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { HintCounts, gapCountsOf } from './hints/HintCounts';
import { StatusIcons } from './StatusIcons';

export interface IndicatorListItemProps {
  indicator: Indicator;
  status: IndicatorStatus;
  /** The indicator's hints; the item shows how many are errors and warnings. */
  hints: readonly Hint[];
  focused: boolean;
  onSelect: (code: string) => void;
}

export function IndicatorListItem({ indicator, status, hints, focused, onSelect }: IndicatorListItemProps) {
  return (
    <li data-code={indicator.code}>
      <button
        type="button"
        className="indicator-item"
        aria-current={focused ? 'true' : undefined}
        title={indicator.question}
        onClick={() => onSelect(indicator.code)}
      >
        <code className="code indicator-item__code">{indicator.code}</code>
        <span className="indicator-item__question">{indicator.question}</span>
        <StatusIcons status={status} />
        {/* Always there, so the status icons of items with and without hints line up. */}
        <span className="indicator-item__hints">
          <HintCounts counts={gapCountsOf(hints)} />
        </span>
      </button>
    </li>
  );
}
