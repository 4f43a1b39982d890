import type { Severity } from '@/lib/hints';

// Each severity has its own shape (octagon, triangle, circle) and glyph, so it reads without colour.
const SHAPES: Record<Severity, { outline: string; glyph: string }> = {
  error: { outline: 'M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2z', glyph: 'M5.5 5.5l5 5M10.5 5.5l-5 5' },
  warning: { outline: 'M8 1.2L15.2 14.5H0.8z', glyph: 'M8 5.8v4.2M8 11.8v.6' },
  info: { outline: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z', glyph: 'M8 7.2v4.6M8 4.6v.6' },
};

/** Decorative: every use puts the severity in words next to it (visible or for screen readers). */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const { outline, glyph } = SHAPES[severity];
  return (
    <svg
      className={`severity-icon severity-icon--${severity}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={outline} className="severity-icon__shape" />
      <path d={glyph} className="severity-icon__glyph" />
    </svg>
  );
}
