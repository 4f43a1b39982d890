import { i18n } from '#i18n';

/** Lateness in words with an icon, so it does not rest on colour alone. */
export function OverdueMark({ daysLate }: { daysLate: number }) {
  if (daysLate === 0) return null;
  return (
    <span className="overdue" data-overdue={daysLate}>
      <span aria-hidden="true">⚠ </span>
      {i18n.t('team.tasks.overdue', [daysLate])}
    </span>
  );
}
