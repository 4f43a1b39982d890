import { type LoadedPeriod, loadedPeriodOf, NO_PERIOD } from '../periodRows';
import type { LkeDatabase } from '../schema';
import { getActiveContext } from './context';
import { hintContextOf, loadPeriodRecords } from './periodRecords';
import { loadThresholds } from './thresholds';

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
  // The stored active context, read here: a page need not wait for a service worker that may be
  // asleep before it can show anything. Before first use there is none yet.
  const periodId = requested ?? (await getActiveContext(database))?.period.id ?? null;
  if (periodId === null) return NO_PERIOD;
  const [records, context, thresholds] = await Promise.all([
    loadPeriodRecords(database, periodId),
    hintContextOf(database, periodId, { lastYear }),
    loadThresholds(database),
  ]);
  return loadedPeriodOf(periodId, records, context, thresholds);
}
