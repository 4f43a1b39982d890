import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { z } from 'zod';
import { ACTIVE_CONTEXT_KEY } from '@/lib/db/repositories/context';
import { type StoredThresholds, loadThresholds, readThresholds } from '@/lib/db/repositories/thresholds';
import { hintContextOf, loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import { type Hint, type IndicatorState, type PeriodRecords, hintsForPeriod, indicatorStates } from '@/lib/hints';
import { type Answers, type BlankRule, type ScoreSheet, computeScore } from '@/lib/lke/scoring';
import { type Predicate, type Thresholds, type Verdict, judge } from '@/lib/lke/verdict';
import type { LkeDatabase } from '@/lib/db/schema';
import { useDatabase } from '../DatabaseProvider';

/** A score sheet with both predicates judged on it. */
export interface Assessment {
  sheet: ScoreSheet;
  verdicts: Record<Predicate, Verdict>;
}

export type Assessments = Record<BlankRule, Assessment>;

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

/** What one read of the database gives the overview; `loadPeriodOverview` reads it. */
export interface LoadedPeriod {
  periodId: number | null;
  records: PeriodRecords;
  states: Map<string, IndicatorState>;
  hints: Hint[];
  thresholds: StoredThresholds;
}

/** Scores one set of answers under both blank rules and judges WBK and WBBM on each. */
export function assess(answers: Answers, thresholds: Thresholds): Assessments {
  const under = (blanks: BlankRule): Assessment => {
    const sheet = computeScore(answers, blanks);
    return { sheet, verdicts: { wbk: judge(sheet, 'wbk', thresholds), wbbm: judge(sheet, 'wbbm', thresholds) } };
  };
  return { excluded: under('excluded'), zero: under('zero') };
}

/** The newest moment each code was read off the page or saved in the extension. */
function lastChanges(records: PeriodRecords): Map<string, number> {
  const latest = new Map<string, number>();
  const note = (code: string, at: number) => latest.set(code, Math.max(at, latest.get(code) ?? -Infinity));
  for (const page of records.observed) note(page.code, page.observedAt);
  for (const saved of records.saved) note(saved.code, saved.at);
  return latest;
}

const EMPTY_RECORDS: PeriodRecords = { observed: [], saved: [], library: [] };
const EMPTY: LoadedPeriod = { periodId: null, records: EMPTY_RECORDS, states: new Map(), hints: [], thresholds: readThresholds(undefined) };

// Only the period is needed here; the background owns the rest of the stored context.
const StoredPeriodSchema = z.object({ periodId: z.number().int() });

/**
 * The active period as the background stored it. Reading it here spares a page the round trip to
 * a service worker that may be asleep before anything can be shown; on first use, before the
 * background created one, there is none yet.
 */
async function storedActivePeriod(database: LkeDatabase): Promise<number | null> {
  const stored = StoredPeriodSchema.safeParse((await database.settings.get(ACTIVE_CONTEXT_KEY))?.value).data;
  return stored && (await database.periods.get(stored.periodId)) ? stored.periodId : null;
}

/**
 * One read of everything the overview needs about a period: the one asked for, else the stored
 * active one. Pages may call it before React renders, so the first paint already has the data;
 * such a first read may leave out last year's texts (see hintContextOf), which the live query
 * adds a moment later.
 */
export async function loadPeriodOverview(
  database: LkeDatabase,
  requested: number | null,
  { lastYear = true } = {},
): Promise<LoadedPeriod> {
  const periodId = requested ?? (await storedActivePeriod(database));
  if (periodId === null) return EMPTY;
  const [records, context, thresholds] = await Promise.all([
    loadPeriodRecords(database, periodId),
    hintContextOf(database, periodId, { lastYear }),
    loadThresholds(database),
  ]);
  const states = indicatorStates(records);
  return { periodId, records, states, hints: hintsForPeriod(states, context), thresholds };
}

/**
 * Everything the dashboard shows about a period, live: the merged indicator states, their hints,
 * the score under both blank rules and the verdicts under the stored threshold table. `primed` is
 * a read made before the first render (`loadPeriodOverview` with the same `requested`): it is
 * shown at once and replaced when the live query answers.
 */
export function usePeriodOverview(requested: number | null, primed?: LoadedPeriod): PeriodOverview {
  const database = useDatabase();
  const loaded = useLiveQuery(() => loadPeriodOverview(database, requested), [database, requested], primed);

  const data = loaded ?? EMPTY;
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
