import { useEffect } from 'react';
import { ensureWeeklySnapshot } from '@/lib/db/repositories/snapshots';
import { useDatabase } from '../DatabaseProvider';

/**
 * Takes the period's weekly progress snapshot when one is due (issue 7: "once a week when the
 * extension is used"). Every page a team opens calls it: the side panel, the dashboard's trend
 * chart, the team page; the repository makes sure a week gets one snapshot, however many open.
 */
export function useWeeklySnapshot(periodId: number | null): void {
  const database = useDatabase();
  useEffect(() => {
    if (periodId === null) return;
    // A failed snapshot only means no new point on the trend this week; nothing else depends on it.
    ensureWeeklySnapshot(database, periodId, new Date()).catch(() => undefined);
  }, [database, periodId]);
}
