import { useId } from 'react';
import { i18n } from '#i18n';
import type { Answer, PageState } from '@/lib/db/schema';
import type { Indicator } from '@/lib/lke/schema';
import { httpUrl } from '@/lib/ui/presentation';
import { formatDateTime } from './localeFormat';

export interface PortalStateProps {
  indicator: Indicator;
  pageState: PageState | undefined;
  savedAnswer: Answer | undefined;
  periodKnown: boolean;
}

/**
 * "Di halaman portal": what the page showed when it was last read. Everything here came from an
 * untrusted page, so it is rendered as React text only and links are limited to http(s).
 */
export function PortalState({ indicator, pageState, savedAnswer, periodKnown }: PortalStateProps) {
  const headingId = useId();
  return (
    <section className="portal-state" aria-labelledby={headingId}>
      <h3 id={headingId} className="detail__label">
        {i18n.t('sidepanel.portal.heading')}
      </h3>
      {!periodKnown ? (
        <p className="muted">{i18n.t('sidepanel.portal.noPeriod')}</p>
      ) : !pageState && !savedAnswer ? (
        <p className="muted">{i18n.t('sidepanel.portal.notRead')}</p>
      ) : (
        <>
          <dl className="portal-state__fields">
            <div>
              <dt>{i18n.t('sidepanel.portal.answer')}</dt>
              <dd>
                <AnswerValue indicator={indicator} pageAnswer={pageState?.answer} savedAnswer={savedAnswer} />
              </dd>
            </div>
            <div>
              <dt>{i18n.t('sidepanel.portal.narrative')}</dt>
              <dd>
                {pageState?.narrative?.trim() ? (
                  <p className="portal-state__narrative">{pageState.narrative}</p>
                ) : (
                  <NotFilled />
                )}
              </dd>
            </div>
            <div>
              <dt>{i18n.t('sidepanel.portal.evidence')}</dt>
              <dd>
                <EvidenceList entries={pageState?.evidence ?? []} />
              </dd>
            </div>
          </dl>
          {pageState && (
            <p className="muted">
              {i18n.t('sidepanel.portal.observedAt', [formatDateTime(pageState.observedAt)])}
            </p>
          )}
        </>
      )}
    </section>
  );
}

interface AnswerValueProps {
  indicator: Indicator;
  pageAnswer: string | null | undefined;
  savedAnswer: Answer | undefined;
}

/** The page's answer with its option text; the extension's saved answer only when the page has none. */
function AnswerValue({ indicator, pageAnswer, savedAnswer }: AnswerValueProps) {
  const answer = pageAnswer?.trim() || savedAnswer?.value?.trim();
  if (!answer) return <NotFilled />;
  const option = indicator.options.find((candidate) => candidate.key.toLowerCase() === answer.toLowerCase());
  return (
    <>
      <strong className="portal-state__answer">{answer}</strong>
      {option && option.label !== option.key && <span> — {option.label}</span>}
      {!pageAnswer?.trim() && <span className="muted"> ({i18n.t('sidepanel.portal.savedAnswer')})</span>}
    </>
  );
}

function EvidenceList({ entries }: { entries: readonly string[] }) {
  const filled = entries.filter((entry) => entry.trim() !== '');
  if (filled.length === 0) return <NotFilled />;
  return (
    <ul className="evidence">
      {filled.map((entry, position) => {
        const href = httpUrl(entry);
        return (
          <li key={position}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {entry}
              </a>
            ) : (
              entry
            )}
          </li>
        );
      })}
    </ul>
  );
}

function NotFilled() {
  return <span className="not-filled">{i18n.t('sidepanel.portal.empty')}</span>;
}
