import type { PortalEdit } from '../../messaging/protocol';
import type { LkeDatabase, Revision } from '../schema';
import { isKnownCode } from './indicators';
import { insertRow, requirePeriod } from './rows';

/**
 * Edits closer together than this belong to one editing burst and update one revision, so typing a
 * paragraph leaves one entry in the history instead of one per debounce.
 */
export const BURST_MS = 60_000;

export interface RecordedEdits {
  /** Edits that added or updated a revision. */
  saved: number;
  /** The indicators whose revisions changed, each once. */
  codes: string[];
}

/**
 * A burst that deletes most of a text (select all, delete) keeps what was there as a revision of
 * its own: updating the burst's revision would lose it.
 */
function losesText(before: string, after: string): boolean {
  return before.length - after.length > LOST_TEXT_CHARS && after.length < before.length / 2;
}

/** Deleting more than this many characters at once is worth a revision of its own. */
const LOST_TEXT_CHARS = 20;

async function newestRevision(
  db: LkeDatabase,
  periodId: number,
  edit: PortalEdit,
): Promise<Revision | undefined> {
  const revisions = await db.revisions
    .where('[periodId+code]')
    .equals([periodId, edit.code])
    .filter((revision) => revision.field === edit.field)
    .toArray();
  // Ids break ties between revisions written in the same millisecond.
  return revisions.reduce<Revision | undefined>(
    (newest, revision) =>
      !newest || revision.createdAt > newest.createdAt ||
      (revision.createdAt === newest.createdAt && revision.id! > newest.id!)
        ? revision
        : newest,
    undefined,
  );
}

/**
 * Keeps what the user typed into the portal as revisions (source 'portal', no draft). History is
 * only ever added to: within one editing burst the burst's own revision is updated, and a value
 * equal to the newest revision changes nothing. Edits with codes the template lacks come from a
 * recogniser gone wrong and are skipped rather than failing the others.
 */
export function recordPortalEdits(
  db: LkeDatabase,
  periodId: number,
  edits: readonly PortalEdit[],
  now: Date,
): Promise<RecordedEdits> {
  return db.transaction('rw', db.periods, db.revisions, async () => {
    await requirePeriod(db, periodId);
    let saved = 0;
    const codes = new Set<string>();
    for (const edit of edits) {
      if (!isKnownCode(edit.code)) continue;
      // The time comes from the page; it may not claim to be later than now.
      const at = Math.min(edit.at, now.getTime());
      const newest = await newestRevision(db, periodId, edit);
      if (newest?.text === edit.text) continue;
      if (newest && newest.source === 'portal' && newest.draftId === null && at - newest.createdAt < BURST_MS && !losesText(newest.text, edit.text)) {
        await db.revisions.update(newest.id!, { text: edit.text, createdAt: Math.max(at, newest.createdAt) });
      } else {
        await insertRow<Revision>(db.revisions, {
          periodId,
          code: edit.code,
          field: edit.field,
          draftId: null,
          text: edit.text,
          source: 'portal',
          createdAt: at,
        });
      }
      saved++;
      codes.add(edit.code);
    }
    return { saved, codes: [...codes] };
  });
}
