import { useMemo } from 'react';
import { i18n } from '#i18n';
import { abbreviateEqual, diffWords } from '@/lib/narrative/diff';

/**
 * The word-level changes from `before` to `after` as React text in <ins>/<del> (never as HTML:
 * revisions hold text read from the portal). Screen readers hear "added"/"removed" before each.
 */
export function DiffText({ before, after }: { before: string; after: string }) {
  const diff = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <>
      <p className="revision__text revision__diff">
        {abbreviateEqual(diff.parts).map((part, index) => {
          if (part.kind === 'equal') return <span key={index}>{part.text}</span>;
          const Tag = part.kind === 'insert' ? 'ins' : 'del';
          return (
            <Tag key={index}>
              <span className="sr-only">{i18n.t(part.kind === 'insert' ? 'revisions.added' : 'revisions.removed')} </span>
              {part.text}
            </Tag>
          );
        })}
      </p>
      {!diff.exact && <p className="muted">{i18n.t('revisions.roughDiff')}</p>}
    </>
  );
}
