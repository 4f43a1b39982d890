import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { hintContextOf, loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import { type Hint, type IndicatorState, type SeverityCounts, hintsForPeriod, indicatorStates, nextGap, rollUp } from '@/lib/hints';
import { LKE } from '@/lib/lke/template';
import { useDatabase } from '../DatabaseProvider';

export interface PeriodHints {
  /** Every hint of the period, in template order, with the codes the rules gave them. */
  hints: readonly Hint[];
  /**
   * The hints each list item shows. A percentage is not a list item (it has no soal of its own),
   * so its count hints show on each of its Jumlah inputs, where the numbers are typed; there the
   * hint carries the input's code.
   */
  byCode: ReadonlyMap<string, readonly Hint[]>;
  /** Counts per severity for every tree node (component, sub-component, area, sub-area). */
  rollUp: ReadonlyMap<string, SeverityCounts>;
  /** What is known of each indicator (page, saved values, library merged), as the hints judged it. */
  states: ReadonlyMap<string, IndicatorState>;
  /** The next list item after `code` (template order, wrapping) with an error or warning. */
  nextGapAfter: (code: string | null) => string | null;
}

const ORDERED_CODES = LKE.answerable.map((indicator) => indicator.code);

function listCodesOf(code: string): readonly string[] {
  const indicator = LKE.byCode.get(code);
  return indicator && indicator.soalId === null && indicator.inputs.length > 0 ? indicator.inputs : [code];
}

function byListCode(hints: readonly Hint[]): Map<string, Hint[]> {
  const byCode = new Map<string, Hint[]>();
  for (const hint of hints) {
    for (const code of listCodesOf(hint.code)) {
      const shown = code === hint.code ? hint : { ...hint, code };
      const list = byCode.get(code);
      if (list) list.push(shown);
      else byCode.set(code, [shown]);
    }
  }
  return byCode;
}

type Computed = Omit<PeriodHints, 'nextGapAfter'>;

const NO_HINTS: Computed = { hints: [], byCode: new Map(), rollUp: rollUp([], LKE), states: new Map() };

/**
 * Live hints of a period: recomputed whenever a page state, revision, library document, link or
 * setting changes (useLiveQuery watches what the query read). Empty while loading, without a
 * period, or when the period is not in this database (yet).
 */
export function usePeriodHints(periodId: number | null): PeriodHints {
  const database = useDatabase();
  const computed = useLiveQuery(async (): Promise<Computed> => {
    if (periodId === null || !(await database.periods.get(periodId))) return NO_HINTS;
    const [records, context] = await Promise.all([
      loadPeriodRecords(database, periodId),
      hintContextOf(database, periodId),
    ]);
    const states = indicatorStates(records);
    const hints = hintsForPeriod(states, context);
    return { hints, byCode: byListCode(hints), rollUp: rollUp(hints, LKE), states };
  }, [database, periodId]);
  const result = computed ?? NO_HINTS;
  const { byCode } = result;
  const nextGapAfter = useCallback(
    (code: string | null) => nextGap(ORDERED_CODES, [...byCode.values()].flat(), code),
    [byCode],
  );
  return { ...result, nextGapAfter };
}
