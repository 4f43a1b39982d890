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

/** The newest of `revisions`; ids break ties between revisions written in the same millisecond. */
export function newestOf<T extends Revision>(revisions: readonly T[]): T | undefined {
  return revisions.reduce<T | undefined>(
    (newest, revision) =>
      !newest || revision.createdAt > newest.createdAt ||
      (revision.createdAt === newest.createdAt && revision.id! > newest.id!)
        ? revision
        : newest,
    undefined,
  );
}

/**
 * Adds `next` to the history, where `newest` is the newest revision of the same field (or draft).
 * Equal text changes nothing. Within one editing burst of the same source and draft, the burst's
 * own revision is updated instead, unless the edit deletes most of it or `newBurst` says the text
 * was replaced wholesale (a template or restored revision), whose previous text must stay.
 * Call inside a transaction that includes `revisions`. Returns whether anything was written.
 */
export async function saveRevision(
  db: LkeDatabase,
  newest: Revision | undefined,
  next: Revision,
  newBurst = false,
): Promise<boolean> {
  if (newest?.text === next.text) return false;
  const continuesBurst =
    !newBurst &&
    newest !== undefined &&
    newest.source === next.source &&
    newest.draftId === next.draftId &&
    next.createdAt - newest.createdAt < BURST_MS &&
    !losesText(newest.text, next.text);
  if (continuesBurst) {
    await db.revisions.update(newest.id!, { text: next.text, createdAt: Math.max(next.createdAt, newest.createdAt) });
  } else {
    await insertRow<Revision>(db.revisions, next);
  }
  return true;
}

/**
 * Keeps what the user typed into the portal as revisions (source 'portal', no draft). History is
 * only ever added to (see saveRevision): a portal edit continues a burst only when the newest
 * revision of the field is a portal one, so a draft's history is never overwritten. Edits with
 * codes the template lacks come from a recogniser gone wrong and are skipped rather than failing
 * the others.
 */
export function recordPortalEdits(
  db: LkeDatabase,
  periodId: number,
  edits: readonly PortalEdit[],
  now: Date,
  /** Whether an edit must start a revision of its own rather than continue the burst (another tab wrote last). */
  startsRevision: (edit: PortalEdit) => boolean = () => false,
): Promise<RecordedEdits> {
  return db.transaction('rw', db.periods, db.revisions, async () => {
    await requirePeriod(db, periodId);
    let saved = 0;
    const codes = new Set<string>();
    for (const edit of edits) {
      if (!isKnownCode(edit.code)) continue;
      // The time comes from the page; it may not claim to be later than now.
      const at = Math.min(edit.at, now.getTime());
      const sameField = await db.revisions
        .where('[periodId+code]')
        .equals([periodId, edit.code])
        .filter((revision) => revision.field === edit.field)
        .toArray();
      const next: Revision = { periodId, code: edit.code, field: edit.field, draftId: null, text: edit.text, source: 'portal', createdAt: at };
      if (!(await saveRevision(db, newestOf(sameField), next, startsRevision(edit)))) continue;
      saved++;
      codes.add(edit.code);
    }
    return { saved, codes: [...codes] };
  });
}
