import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LoadedPeriod } from '@/lib/db/periodRows';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import { useDatabase } from '../DatabaseProvider';
import { type PeriodOverview, periodOverviewFrom } from '../periodOverview';

/**
 * Everything the dashboard shows about a period, live: the merged indicator states, their hints,
 * the score under both blank rules and the verdicts under the stored threshold table. `primed` is
 * a read made before the first render (`loadPeriodOverview` with the same `requested`): it is
 * shown at once and replaced when the live query answers.
 */
export function usePeriodOverview(requested: number | null, primed?: LoadedPeriod): PeriodOverview {
  const database = useDatabase();
  const loaded = useLiveQuery(() => loadPeriodOverview(database, requested), [database, requested], primed);

  return useMemo(() => periodOverviewFrom(loaded), [loaded]);
}
