import { Fragment, useId } from 'react';
import { i18n } from '#i18n';
import type { Hint, SeverityCounts } from '@/lib/hints';
import type { Indicator, TemplateNode } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';
import type { IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { readableName } from '@/lib/ui/presentation';
import { HintCounts } from './hints/HintCounts';
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
  /** Hint counts per tree node, for the area and its sub-areas. */
  rollUp: ReadonlyMap<string, SeverityCounts>;
  hintsByCode: ReadonlyMap<string, readonly Hint[]>;
  focusedCode: string | null;
  onSelect: (code: string) => void;
}

const NOTHING_FILLED: IndicatorStatus = { answer: false, narrative: false, evidence: false };
const NO_HINTS: readonly Hint[] = [];

/** The innermost tree node an indicator sits in (a Jumlah input: its percentage's). */
const subAreaOf = (indicator: Indicator): TemplateNode | undefined => LKE.ancestors(indicator.code).at(-1);

/**
 * One collapsible area of change with its "answered/total" count and hint counts. Its indicators
 * are listed under a line per sub-area (when the area has any) carrying that sub-area's counts.
 */
export function AreaGroup(props: AreaGroupProps) {
  const { area, shown, answered, total, expanded, onToggle, statuses, rollUp, hintsByCode, focusedCode, onSelect } =
    props;
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
          <HintCounts counts={rollUp.get(area.code)} />
        </button>
      </h4>
      <ul id={listId} className="area-group__items" hidden={!expanded}>
        {shown.map((indicator, at) => {
          const subArea = subAreaOf(indicator);
          const previous = at > 0 ? subAreaOf(shown[at - 1]!) : undefined;
          const startsSubArea = subArea && subArea.code !== area.code && subArea.code !== previous?.code;
          return (
            <Fragment key={indicator.code}>
              {startsSubArea && (
                <li className="sub-area-heading">
                  <span className="sub-area-heading__name">{readableName(subArea.name)}</span>
                  <HintCounts counts={rollUp.get(subArea.code)} />
                </li>
              )}
              <IndicatorListItem
                indicator={indicator}
                status={statuses.get(indicator.code) ?? NOTHING_FILLED}
                hints={hintsByCode.get(indicator.code) ?? NO_HINTS}
                focused={indicator.code === focusedCode}
                onSelect={onSelect}
              />
            </Fragment>
          );
        })}
      </ul>
    </div>
  );
}
