import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { formatDateTime } from '@/components/localeFormat';
import { useDatabase } from '@/components/DatabaseProvider';
import { listRevisions, putIntoDraft } from '@/lib/db/repositories/drafts';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Revision } from '@/lib/db/schema';
import { DiffText } from './DiffText';
import type { WorkbenchContext } from './types';
import { useOutcome } from './useOutcome';

/** Revisions shown at first and added per "tampilkan lebih banyak": keeps long histories quick. */
export const REVISION_PAGE = 20;

/** Revisions that follow each other: the same field, and for narratives the same draft (or the portal). */
const lineOf = (revision: Revision) => `${revision.field}:${revision.draftId ?? 'form'}`;

/** For each revision (newest first), the one before it in its line, if any. */
function previousInLine(revisions: readonly Stored<Revision>[]): Map<number, Stored<Revision>> {
  const previous = new Map<number, Stored<Revision>>();
  const newerWaiting = new Map<string, Stored<Revision>>();
  for (const revision of revisions) {
    const newer = newerWaiting.get(lineOf(revision));
    if (newer) previous.set(newer.id, revision);
    newerWaiting.set(lineOf(revision), revision);
  }
  return previous;
}

/**
 * "Riwayat": every revision of the indicator, newest first, each compared word by word with the one
 * before it in its line. Narrative revisions can be restored into the editor or put into the portal.
 */
export function RevisionTimeline({ periodId, code, writer, openTab }: WorkbenchContext) {
  const db = useDatabase();
  const headingId = useId();
  const revisions = useLiveQuery(() => listRevisions(db, periodId, code), [db, periodId, code]);
  const draftNames = useLiveQuery(
    async () => new Map((await db.drafts.where('[periodId+code]').equals([periodId, code]).toArray()).map((draft) => [draft.id!, draft.name])),
    [db, periodId, code],
  );
  const [shown, setShown] = useState(REVISION_PAGE);
  const [outcome, run] = useOutcome(i18n.t('revisions.restoreFailed'));
  const previous = useMemo(() => previousInLine(revisions ?? []), [revisions]);
  if (!revisions || !draftNames) return null;

  const restore = (revision: Stored<Revision>) =>
    run(async () => {
      await putIntoDraft(
        db,
        { periodId, code, text: revision.text, asNewDraft: false, newDraftName: i18n.t('drafts.defaultName') },
        new Date(),
      );
      // The editor shows the restored text; the text it replaced stays in this history.
      openTab('narrative');
      return '';
    });

  const draftLabel = (draftId: number) => {
    const name = draftNames.get(draftId);
    return name === undefined ? i18n.t('revisions.deletedDraft') : i18n.t('revisions.draft', [name]);
  };

  return (
    <section className="revisions" aria-labelledby={headingId}>
      <h4 id={headingId} className="workbench__heading">
        {i18n.t('revisions.heading')} <span className="muted">({i18n.t('revisions.count', [revisions.length])})</span>
      </h4>
      <p role="status" className="workbench__outcome">
        {outcome}
      </p>
      {revisions.length === 0 ? (
        <p className="muted">{i18n.t('revisions.empty')}</p>
      ) : (
        <ol className="revisions__list">
          {revisions.slice(0, shown).map((revision) => {
            const before = previous.get(revision.id);
            return (
              <li key={revision.id} className="revision" data-testid="revision">
                <p className="revision__meta">
                  <strong>{i18n.t(`revisions.field.${revision.field}`)}</strong>
                  {' · '}
                  {i18n.t(`revisions.source.${revision.source}`)}
                  {revision.draftId !== null && ` · ${draftLabel(revision.draftId)}`}
                  {' · '}
                  <time dateTime={new Date(revision.createdAt).toISOString()}>{formatDateTime(revision.createdAt)}</time>
                </p>
                {before ? (
                  <DiffText before={before.text} after={revision.text} />
                ) : (
                  <>
                    <p className="muted">{i18n.t('revisions.first')}</p>
                    <p className="revision__text">{revision.text === '' ? i18n.t('revisions.emptyText') : revision.text}</p>
                  </>
                )}
                {revision.field === 'narrative' && (
                  <div className="button-row">
                    <button type="button" className="button" onClick={() => void restore(revision)}>
                      {i18n.t('revisions.restore')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={revision.text.trim() === '' || writer.write.state === 'working'}
                      onClick={() => void writer.send({ type: 'narrative.insert', code, text: revision.text })}
                    >
                      {i18n.t('workbench.write.insert')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {revisions.length > shown && (
        <button type="button" className="button" onClick={() => setShown((count) => count + REVISION_PAGE)}>
          {i18n.t('revisions.more', [revisions.length - shown])}
        </button>
      )}
    </section>
  );
}
