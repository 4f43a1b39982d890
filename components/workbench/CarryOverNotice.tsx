import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { periodErrorText } from '@/components/context/periodErrors';
import { useDatabase } from '@/components/DatabaseProvider';
import { getCarryOver, markCarryOverReviewed } from '@/lib/db/repositories/periods';

/**
 * "Perlu ditinjau" on an indicator carried over from the period before, with what changed in its
 * template entry, until the user marks it reviewed. Nothing for an indicator that was not carried.
 */
export function CarryOverNotice({ periodId, code }: { periodId: number; code: string }) {
  const db = useDatabase();
  const carried = useLiveQuery(async () => {
    const carryOver = await getCarryOver(db, periodId, code);
    return carryOver ? { carryOver, fromYear: (await db.periods.get(carryOver.fromPeriodId))?.year ?? null } : null;
  }, [db, periodId, code]);
  const [failure, setFailure] = useState<string | null>(null);
  if (!carried) return null;
  const { carryOver, fromYear } = carried;
  if (carryOver.reviewedAt !== null) {
    return (
      <p className="carry-over carry-over--reviewed muted" data-testid="carry-over">
        {i18n.t('periods.carryOver.reviewed')}
      </p>
    );
  }
  const markReviewed = () =>
    markCarryOverReviewed(db, periodId, code, new Date()).then(
      () => setFailure(null),
      (error: unknown) => setFailure(periodErrorText(error)),
    );
  return (
    <div className="carry-over" data-testid="carry-over">
      <p>
        <strong className="carry-over__badge">{i18n.t('periods.carryOver.needsReview')}</strong>{' '}
        {fromYear !== null && i18n.t('periods.carryOver.from', [fromYear])}
      </p>
      {carryOver.staleReasons.length > 0 && (
        <ul className="carry-over__reasons">
          {carryOver.staleReasons.map((reason) => (
            <li key={reason}>{i18n.t(`periods.carryOver.stale.${reason}`)}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={() => void markReviewed()}>
        {i18n.t('periods.carryOver.markReviewed')}
      </button>
      {failure && (
        <p role="alert" className="field-problem">
          {failure}
        </p>
      )}
    </div>
  );
}
