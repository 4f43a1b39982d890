import { z } from 'zod';
import { type Hint, type IndicatorState, type PeriodRecords, hintsForPeriod, indicatorStates } from '../../hints';
import type { LkeDatabase } from '../schema';
import { ACTIVE_CONTEXT_KEY } from './context';
import { hintContextOf, loadPeriodRecords } from './periodRecords';
import { type StoredThresholds, loadThresholds, readThresholds } from './thresholds';

/** What one read of the database gives a page's overview of a period (`loadPeriodOverview`). */
export interface LoadedPeriod {
  periodId: number | null;
  records: PeriodRecords;
  states: Map<string, IndicatorState>;
  hints: Hint[];
  thresholds: StoredThresholds;
}

/** Before there is any period. */
export const NO_PERIOD: LoadedPeriod = {
  periodId: null,
  records: { observed: [], saved: [], library: [] },
  states: new Map(),
  hints: [],
  thresholds: readThresholds(undefined),
};

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
 * One read of everything an overview needs about a period: the one asked for, else the stored
 * active one. Pages call it before React has loaded, so the first paint already has the data;
 * such a first read may leave out last year's texts (see hintContextOf), which the live query
 * adds a moment later.
 */
export async function loadPeriodOverview(
  database: LkeDatabase,
  requested: number | null,
  { lastYear = true } = {},
): Promise<LoadedPeriod> {
  const periodId = requested ?? (await storedActivePeriod(database));
  if (periodId === null) return NO_PERIOD;
  const [records, context, thresholds] = await Promise.all([
    loadPeriodRecords(database, periodId),
    hintContextOf(database, periodId, { lastYear }),
    loadThresholds(database),
  ]);
  const states = indicatorStates(records);
  return { periodId, records, states, hints: hintsForPeriod(states, context), thresholds };
}
