import { type LoadedPeriod, NO_PERIOD } from '@/lib/db/periodRows';
import type { StoredThresholds } from '@/lib/db/storedThresholds';
import type { Hint, IndicatorState, PeriodRecords } from '@/lib/hints';
import { type Assessments, assess } from '@/lib/lke/assessment';
import type { Answers } from '@/lib/lke/scoring';

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
 * What the pages show of one read of a period (`undefined` before the first read): the score
 * under both blank rules and the verdicts, the hints by indicator, when each last changed. Pure,
 * and free of Dexie: the dashboard's first frame makes it of a read made before Dexie loads.
 */
export function periodOverviewFrom(loaded: LoadedPeriod | undefined): PeriodOverview {
  const data = loaded ?? NO_PERIOD;
  const answers = new Map([...data.states.values()].map((state) => [state.code, state.answer]));
  const hintsByCode = new Map<string, Hint[]>();
  for (const hint of data.hints) hintsByCode.set(hint.code, [...(hintsByCode.get(hint.code) ?? []), hint]);
  return {
    loaded: loaded !== undefined,
    periodId: data.periodId,
    states: data.states,
    answers,
    lastChange: lastChanges(data.records),
    hints: data.hints,
    hintsByCode,
    thresholds: data.thresholds,
    assessments: assess(answers, data.thresholds.thresholds),
  };
}
