import { i18n } from '#i18n';
import { STATUS_FIELDS, type IndicatorStatus, type StatusField } from '@/lib/ui/indicatorStatus';

// One glyph per field, so the three icons differ by shape, not only by position.
const GLYPHS: Record<StatusField, string> = {
  answer: 'M5 8.3l2 2 4-4.6',
  narrative: 'M5 6h6M5 8h6M5 10h4',
  evidence: 'M6 4.5h3l2 2v5H6z',
};

/** Filled: a solid disc; missing: a dashed ring. The text alternative names field and state. */
export function StatusIcon({ field, filled }: { field: StatusField; filled: boolean }) {
  const label = i18n.t(`status.${field}.${filled ? 'filled' : 'missing'}`);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`status-icon status-icon--${filled ? 'filled' : 'missing'}`}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r={filled ? 7.5 : 6.75} className="status-icon__ring" />
        <path d={GLYPHS[field]} className="status-icon__glyph" />
      </svg>
    </span>
  );
}

export function StatusIcons({ status }: { status: IndicatorStatus }) {
  return (
    <span className="status-icons">
      {STATUS_FIELDS.map((field) => (
        <StatusIcon key={field} field={field} filled={status[field]} />
      ))}
    </span>
  );
}
