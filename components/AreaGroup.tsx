import { useId } from 'react';
import { i18n } from '#i18n';
import type { Indicator, TemplateNode } from '@/lib/lke/schema';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { readableName } from '@/lib/ui/presentation';
import { IndicatorListItem } from './IndicatorListItem';

export interface AreaGroupProps {
  area: TemplateNode;
  /** The indicators the current filter shows. */
  shown: readonly Indicator[];
  answered: number;
  total: number;
  expanded: boolean;
  onToggle: () => void;
  statuses: ReadonlyMap<string, IndicatorStatus>;
  focusedCode: string | null;
  onSelect: (code: string) => void;
}

const NOTHING_FILLED: IndicatorStatus = { answer: false, narrative: false, evidence: false };

/** One collapsible area of change with its "answered/total" count. */
export function AreaGroup(props: AreaGroupProps) {
  const { area, shown, answered, total, expanded, onToggle, statuses, focusedCode, onSelect } = props;
  const listId = useId();
  return (
    <div className="area-group">
      <h4 className="area-group__heading">
        <button
          type="button"
          className="area-group__toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={onToggle}
        >
          <svg className="area-group__chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M6 4l4 4-4 4" />
          </svg>
          <span className="area-group__name">{readableName(area.name)}</span>
          <span className="area-group__count" aria-hidden="true">
            {answered}/{total}
          </span>
          <span className="sr-only">{i18n.t('sidepanel.list.areaCountLabel', [answered, total])}</span>
        </button>
      </h4>
      <ul id={listId} className="area-group__items" hidden={!expanded}>
        {shown.map((indicator) => (
          <IndicatorListItem
            key={indicator.code}
            indicator={indicator}
            status={statuses.get(indicator.code) ?? NOTHING_FILLED}
            focused={indicator.code === focusedCode}
            onSelect={onSelect}
          />
        ))}
      </ul>
    </div>
  );
}
