import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Evidence } from '@/lib/db/schema';
import type { EvidenceFlag } from '@/lib/evidence/flags';
import { httpUrl } from '@/lib/ui/presentation';
import { dateTimeFormat } from '../localeFormat';
import { EvidenceFlags } from './EvidenceFlags';

export interface EvidenceDocumentProps {
  document: Evidence;
  flags: readonly EvidenceFlag[];
  titleOf: (id: number) => string;
  /** The indicators the document serves. */
  codes: readonly string[];
  /** The indicator being worked on: the others are listed as "also serves". */
  currentCode?: string;
  /** Controls for this document (select, edit, unlink…). */
  children?: ReactNode;
}

/** "2026-03-14" in the UI's words; a year alone stays a year. */
function documentDateText(date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return i18n.t('evidence.document.year', [date]);
  const time = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return i18n.t('evidence.document.date', [dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(time)]);
}

/**
 * One library document. Its text was typed by the team or read from a page, so it is rendered as
 * React text, and the link is an anchor only when `new URL()` gives http(s) (rule 3).
 */
export function EvidenceDocument({ document, flags, titleOf, codes, currentCode, children }: EvidenceDocumentProps) {
  const href = httpUrl(document.url);
  const served = currentCode === undefined ? codes : codes.filter((code) => code !== currentCode);
  return (
    <article className="evidence-doc" data-evidence-id={document.id}>
      <p className="evidence-doc__title">{document.title}</p>
      <p className="evidence-doc__url">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {document.url}
          </a>
        ) : (
          document.url
        )}
      </p>
      {(document.documentDate || document.type) && (
        <p className="evidence-doc__meta">
          {document.documentDate && <span>{documentDateText(document.documentDate)}</span>}
          {document.type && (
            <span className="chip">
              <span className="chip__label">{i18n.t('evidence.document.type')}</span> {document.type}
            </span>
          )}
        </p>
      )}
      {document.note.trim() !== '' && (
        <p className="evidence-doc__note">
          <span className="chip__label">{i18n.t('evidence.document.note')}</span> {document.note}
        </p>
      )}
      <EvidenceFlags flags={flags} titleOf={titleOf} />
      {served.length > 0 ? (
        <p className="evidence-doc__codes">
          <span className="chip__label">
            {i18n.t(currentCode === undefined ? 'evidence.document.serves' : 'evidence.document.alsoServes')}
          </span>{' '}
          {served.map((code) => (
            <code key={code} className="code evidence-doc__code">
              {code}
            </code>
          ))}
        </p>
      ) : (
        currentCode === undefined && <p className="muted">{i18n.t('evidence.document.servesNone')}</p>
      )}
      {children}
    </article>
  );
}
