import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { Hint, SeverityCounts } from '@/lib/hints';
import { LKE } from '@/lib/lke/template';
import type { SectionGroup } from '@/lib/ui/indicatorGroups';
import { isComplete, type IndicatorStatus } from '@/lib/ui/indicatorStatus';
import { readableName } from '@/lib/ui/presentation';
import { AreaGroup } from './AreaGroup';
import { HintCounts } from './hints/HintCounts';

/** Pengungkit and Hasil: the sections below are their parts, or (Hasil) the component itself. */
const COMPONENTS = LKE.template.tree;

export interface IndicatorListProps {
  groups: readonly SectionGroup[];
  statuses: ReadonlyMap<string, IndicatorStatus>;
  /** The hints each item shows (`usePeriodHints().byCode`). */
  hintsByCode: ReadonlyMap<string, readonly Hint[]>;
  /** Hint counts per tree node (`usePeriodHints().rollUp`). */
  rollUp: ReadonlyMap<string, SeverityCounts>;
  focusedCode: string | null;
  onSelect: (code: string) => void;
}

/**
 * "Semua indikator": every answerable indicator by section and area with their hint counts, and
 * filters for what is not filled in and for what the hints find wanting. Memoised: with 127 items
 * it is the panel's costliest part, and most of the panel's updates do not concern it.
 */
export const IndicatorList = memo(function IndicatorList(props: IndicatorListProps) {
  const { groups, statuses, hintsByCode, rollUp, focusedCode, onSelect } = props;
  const headingId = useId();
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);

  const areaOfCode = useMemo(
    () =>
      new Map(
        groups.flatMap(({ areas }) =>
          areas.flatMap(({ area, indicators }) => indicators.map((indicator) => [indicator.code, area.code] as const)),
        ),
      ),
    [groups],
  );

  const hasGap = (code: string) => (hintsByCode.get(code) ?? []).some((hint) => hint.severity !== 'info');
  const isShown = (code: string) => {
    const status = statuses.get(code);
    return (!onlyIncomplete || !status || !isComplete(status)) && (!onlyGaps || hasGap(code));
  };
  const isAnswered = (code: string) => statuses.get(code)?.answer ?? false;

  // A newly focused indicator must be visible: its area opens in the same render (so the scroll below
  // finds the item), and the list, not the page, scrolls to it.
  const [openedFor, setOpenedFor] = useState(focusedCode);
  if (focusedCode !== openedFor) {
    setOpenedFor(focusedCode);
    const area = focusedCode ? areaOfCode.get(focusedCode) : undefined;
    if (area && collapsed.has(area)) setCollapsed(withoutItem(collapsed, area));
  }
  useEffect(() => {
    const item = focusedCode ? scroller.current?.querySelector<HTMLElement>(`[data-code="${focusedCode}"]`) : null;
    if (scroller.current && item) scrollWithin(scroller.current, item);
  }, [focusedCode]);

  const toggle = (areaCode: string) =>
    setCollapsed((current) => (current.has(areaCode) ? withoutItem(current, areaCode) : new Set(current).add(areaCode)));

  const visibleSections = groups
    .map(({ section, areas }) => ({
      section,
      areas: areas
        .map((group) => ({ ...group, shown: group.indicators.filter((indicator) => isShown(indicator.code)) }))
        .filter((group) => group.shown.length > 0),
    }))
    .filter(({ areas }) => areas.length > 0);

  return (
    <section className="card indicator-list" aria-labelledby={headingId}>
      <div className="indicator-list__header">
        <h2 id={headingId} className="section-heading">
          {i18n.t('sidepanel.list.heading')}
        </h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={onlyIncomplete}
            onChange={(event) => setOnlyIncomplete(event.target.checked)}
          />
          {i18n.t('sidepanel.list.onlyIncomplete')}
        </label>
        <label className="toggle">
          <input type="checkbox" checked={onlyGaps} onChange={(event) => setOnlyGaps(event.target.checked)} />
          {i18n.t('hintsPanel.onlyGaps')}
        </label>
      </div>
      <ComponentCounts rollUp={rollUp} />
      <div
        ref={scroller}
        className="indicator-list__scroller"
        data-testid="indicator-list"
        onKeyDown={moveFocusWithArrows}
      >
        {visibleSections.length === 0 && (
          <p className="muted">{i18n.t(onlyGaps ? 'hintsPanel.noGaps' : 'sidepanel.list.allComplete')}</p>
        )}
        {visibleSections.map(({ section, areas }) => (
          <div key={section.code} className="section-group">
            <h3 className="section-group__heading">
              {readableName(section.name)}
              <HintCounts counts={rollUp.get(section.code)} />
            </h3>
            {areas.map(({ area, indicators, shown }) => (
              <AreaGroup
                key={area.code}
                area={area}
                shown={shown}
                answered={indicators.filter((indicator) => isAnswered(indicator.code)).length}
                total={indicators.length}
                expanded={!collapsed.has(area.code)}
                onToggle={() => toggle(area.code)}
                statuses={statuses}
                rollUp={rollUp}
                hintsByCode={hintsByCode}
                focusedCode={focusedCode}
                onSelect={onSelect}
              />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
});

/** Each component's gaps in one line above the list; nothing while no component has any. */
function ComponentCounts({ rollUp }: { rollUp: ReadonlyMap<string, SeverityCounts> }) {
  const withGaps = COMPONENTS.filter((node) => {
    const counts = rollUp.get(node.code);
    return counts && counts.error + counts.warning > 0;
  });
  if (withGaps.length === 0) return null;
  return (
    <ul className="component-counts">
      {withGaps.map((node) => (
        <li key={node.code} className="component-counts__item">
          {readableName(node.name)}
          <HintCounts counts={rollUp.get(node.code)} />
        </li>
      ))}
    </ul>
  );
}

function withoutItem(set: ReadonlySet<string>, item: string): Set<string> {
  const copy = new Set(set);
  copy.delete(item);
  return copy;
}

/**
 * Scrolls only the list, never the page: `scrollIntoView` would also move the panel and push the
 * detail card out of sight exactly when a badge click filled it.
 */
function scrollWithin(container: HTMLElement, item: HTMLElement) {
  const box = container.getBoundingClientRect();
  const target = item.getBoundingClientRect();
  if (target.top < box.top) container.scrollTop -= box.top - target.top;
  else if (target.bottom > box.bottom) container.scrollTop += target.bottom - box.bottom;
}

/** Up/Down/Home/End move between the visible item buttons, as in a listbox. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>) {
  const steps: Record<string, (at: number, count: number) => number> = {
    ArrowDown: (at, count) => Math.min(at + 1, count - 1),
    ArrowUp: (at) => Math.max(at - 1, 0),
    Home: () => 0,
    End: (_, count) => count - 1,
  };
  const step = steps[event.key];
  if (!step) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-code] > button')].filter(
    (button) => !button.closest('[hidden]'),
  );
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  buttons[step(at, buttons.length)]?.focus();
}
