import { i18n } from '#i18n';
import type { EvidenceFlag } from '@/lib/evidence/flags';

// One shape per kind, so the flags differ by more than colour: a folder, a padlock, two sheets.
const GLYPHS: Record<EvidenceFlag['kind'], string> = {
  folder: 'M2 4.5h4l1.5 1.5H14v6.5H2z',
  private: 'M4.5 7.5h7v5.5h-7zM6 7.5V5.5a2 2 0 0 1 4 0v2',
  duplicate: 'M3 5h6.5v8H3zM6.5 5V3H13v8h-3.5',
};

export interface EvidenceFlagsProps {
  flags: readonly EvidenceFlag[];
  /** Titles of the other entries a duplicate flag names. */
  titleOf: (id: number) => string;
}

/** Each flag of a document: an icon naming its kind, its title, and what to do about it. */
export function EvidenceFlags({ flags, titleOf }: EvidenceFlagsProps) {
  if (flags.length === 0) return null;
  return (
    <ul className="evidence-flags" aria-label={i18n.t('evidence.document.flags')}>
      {flags.map((flag) => {
        const kind = i18n.t(`evidence.flag.kind.${flag.kind}`);
        return (
          <li key={flag.rule} className={`evidence-flag evidence-flag--${flag.kind}`} data-flag={flag.rule}>
            <span role="img" aria-label={kind} title={kind} className="evidence-flag__icon">
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d={GLYPHS[flag.kind]} />
              </svg>
            </span>
            <span>
              <strong className="evidence-flag__title">{i18n.t(`evidence.flag.${flag.rule}.title`)}</strong>{' '}
              <span className="evidence-flag__explanation">
                {flag.kind === 'duplicate'
                  ? i18n.t('evidence.flag.duplicate.explanation', [
                      flag.duplicateOf.map((id) => `"${titleOf(id)}"`).join(', '),
                    ])
                  : i18n.t(`evidence.flag.${flag.rule}.explanation`)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
