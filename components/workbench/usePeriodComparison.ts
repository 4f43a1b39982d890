import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '@/components/DatabaseProvider';
import { activeDraftId } from '@/lib/db/repositories/drafts';
import { loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import { previousPeriodOf } from '@/lib/db/repositories/periodRecords';
import { requirePeriod } from '@/lib/db/repositories/rows';
import type { LkeDatabase, Period } from '@/lib/db/schema';
import { indicatorStates } from '@/lib/hints';

/** One indicator as it stands in one period. */
export interface IndicatorSide {
  year: number;
  answer: string | null;
  /** The text the unit works with: the active draft's, else what the form holds. */
  narrative: string | null;
}

export interface PeriodComparison {
  current: IndicatorSide;
  /** Null when the unit has no earlier period to set beside this one. */
  previous: IndicatorSide | null;
}

async function sideOf(db: LkeDatabase, period: Period & { id: number }, code: string): Promise<IndicatorSide> {
  const [records, draftId] = await Promise.all([loadPeriodRecords(db, period.id), activeDraftId(db, period.id, code)]);
  const state = indicatorStates(records).get(code);
  const draft = draftId === null ? undefined : await db.drafts.get(draftId);
  return { year: period.year, answer: state?.answer ?? null, narrative: draft?.text || state?.narrative || null };
}

async function compare(db: LkeDatabase, periodId: number, code: string): Promise<PeriodComparison> {
  const [period, previous] = await Promise.all([requirePeriod(db, periodId), previousPeriodOf(db, periodId)]);
  const [current, before] = await Promise.all([sideOf(db, period, code), previous && sideOf(db, previous, code)]);
  return { current, previous: before };
}

/** The indicator in this period and in the one before, kept current as either changes; undefined while loading. */
export function usePeriodComparison(periodId: number, code: string): PeriodComparison | undefined {
  const db = useDatabase();
  return useLiveQuery(() => compare(db, periodId, code), [db, periodId, code]);
}
