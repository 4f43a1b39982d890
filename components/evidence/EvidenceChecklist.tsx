import { useId } from 'react';
import { i18n } from '#i18n';

export interface EvidenceChecklistProps {
  /** The indicator's typical evidence (`evidenceChecklist`). */
  items: readonly string[];
  /** Types of the documents linked to the indicator. */
  linkedTypes: readonly (string | null)[];
  /** Opens the add form with this type chosen. */
  onAdd: (type: string) => void;
}

const sameType = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * "Bukti yang lazim": what reviewers usually expect for the indicator, ticked where a linked
 * document has that type, so what is still missing stands out.
 */
export function EvidenceChecklist({ items, linkedTypes, onAdd }: EvidenceChecklistProps) {
  const headingId = useId();
  if (items.length === 0) return null;
  const present = items.map((item) => linkedTypes.some((type) => type !== null && sameType(type, item)));
  return (
    <section className="evidence-checklist" aria-labelledby={headingId}>
      <h3 id={headingId} className="detail__label">
        {i18n.t('evidence.checklist.heading')}{' '}
        <span className="evidence-checklist__progress">
          {i18n.t('evidence.checklist.progress', [present.filter(Boolean).length, items.length])}
        </span>
      </h3>
      <p className="muted">{i18n.t('evidence.checklist.note')}</p>
      <ul className="evidence-checklist__items">
        {items.map((item, position) => {
          const state = i18n.t(present[position] ? 'evidence.checklist.present' : 'evidence.checklist.missing');
          return (
            <li key={position} className="evidence-checklist__item" data-present={present[position]}>
              <span role="img" aria-label={state} title={state} className="evidence-checklist__mark">
                {present[position] ? '✓' : '○'}
              </span>
              <span className="evidence-checklist__text">{item}</span>
              {!present[position] && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={i18n.t('evidence.checklist.addLabel', [item])}
                  onClick={() => onAdd(item)}
                >
                  {i18n.t('evidence.checklist.add')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
