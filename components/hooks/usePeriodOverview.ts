import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type LoadedPeriod, NO_PERIOD } from '@/lib/db/periodRows';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import type { StoredThresholds } from '@/lib/db/repositories/thresholds';
import type { Hint, IndicatorState, PeriodRecords } from '@/lib/hints';
import { type Assessments, assess } from '@/lib/lke/assessment';
import type { Answers } from '@/lib/lke/scoring';
import { useDatabase } from '../DatabaseProvider';

export interface PeriodOverview {
  /** False until the period's records were read once. */
  loaded: boolean;
  /** The period shown: the one asked for, else the stored active one; null before there is one. */
  periodId: number | null;
  states: ReadonlyMap<string, IndicatorState>;
  /** The merged answer per code (page or saved, the newer wins): the score's input. */
  answers: Answers;
  /** When each code last changed, on the page or in the extension. */
  lastChange: ReadonlyMap<string, number>;
  hints: readonly Hint[];
  hintsByCode: ReadonlyMap<string, readonly Hint[]>;
  thresholds: StoredThresholds;
  assessments: Assessments;
}

/** The newest moment each code was read off the page or saved in the extension. */
function lastChanges(records: PeriodRecords): Map<string, number> {
  const latest = new Map<string, number>();
  const note = (code: string, at: number) => latest.set(code, Math.max(at, latest.get(code) ?? -Infinity));
  for (const page of records.observed) note(page.code, page.observedAt);
  for (const saved of records.saved) note(saved.code, saved.at);
  return latest;
}

/**
 * Everything the dashboard shows about a period, live: the merged indicator states, their hints,
 * the score under both blank rules and the verdicts under the stored threshold table. `primed` is
 * a read made before the first render (`loadPeriodOverview` with the same `requested`): it is
 * shown at once and replaced when the live query answers. With `watch` false the live query waits
 * and `primed` stays on screen, unless it found no period yet, which only the query can follow.
 */
export function usePeriodOverview(requested: number | null, primed?: LoadedPeriod, { watch = true } = {}): PeriodOverview {
  const database = useDatabase();
  const holding = !watch && primed !== undefined && primed.periodId !== null;
  const loaded = useLiveQuery(() => (holding ? primed : loadPeriodOverview(database, requested)), [database, requested, holding], primed);

  const data = loaded ?? NO_PERIOD;
  return useMemo(() => {
    const { states } = data;
    const answers = new Map([...states.values()].map((state) => [state.code, state.answer]));
    const hintsByCode = new Map<string, Hint[]>();
    for (const hint of data.hints) hintsByCode.set(hint.code, [...(hintsByCode.get(hint.code) ?? []), hint]);
    return {
      loaded: loaded !== undefined,
      periodId: data.periodId,
      states,
      answers,
      lastChange: lastChanges(data.records),
      hints: data.hints,
      hintsByCode,
      thresholds: data.thresholds,
      assessments: assess(answers, data.thresholds.thresholds),
    };
  }, [data, loaded]);
}
