import type { Indicator } from '@/lib/lke/schema';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { StatusIcons } from './StatusIcons';

export interface IndicatorListItemProps {
  indicator: Indicator;
  status: IndicatorStatus;
  focused: boolean;
  onSelect: (code: string) => void;
}

export function IndicatorListItem({ indicator, status, focused, onSelect }: IndicatorListItemProps) {
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
      </button>
    </li>
  );
}
