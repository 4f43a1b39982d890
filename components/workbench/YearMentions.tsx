import { i18n } from '#i18n';
import type { YearMention } from '@/lib/periods/yearReferences';
import { splitAtMentions } from '@/lib/periods/yearReferences';

export interface YearMentionsProps {
  text: string;
  mentions: readonly YearMention[];
  onApply: (mention: YearMention) => void;
}

/**
 * The draft with last period's years highlighted (text nodes and marks only: the draft is the
 * user's or the portal's text, never HTML) and one button per suggestion; nothing changes until
 * one is clicked.
 */
export function YearMentions({ text, mentions, onApply }: YearMentionsProps) {
  if (mentions.length === 0) return <p className="muted">{i18n.t('periods.years.none')}</p>;
  return (
    <>
      <p className="year-mentions__text" data-testid="year-mentions">
        {splitAtMentions(text, mentions).map((part, index) =>
          part.kind === 'year' ? (
            <mark key={index} className="year-mentions__year">
              {part.text}
            </mark>
          ) : (
            part.text
          ),
        )}
      </p>
      <ul className="year-mentions__suggestions">
        {mentions.map((mention, index) => (
          <li key={`${mention.start}-${index}`}>
            <button
              type="button"
              className="button"
              aria-label={i18n.t('periods.years.applyLabel', [mention.year, mention.suggestion, index + 1])}
              onClick={() => onApply(mention)}
            >
              {i18n.t('periods.years.apply', [mention.year, mention.suggestion])}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
