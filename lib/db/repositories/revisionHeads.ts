import type { LkeDatabase, Revision, RevisionHead } from '../schema';

// The newest form revision of each field, kept aside so a period's state is read from one row
// per field instead of a scan of years of history. The table is derived, never exported, and
// brought up to date by folding in the revisions added since the last fold, whoever wrote them
// (autosave, drafts, roll-over, imports): no writer has to remember it. That relies on how
// revisions are written: only ever added, with new ids, and only the newest of a field updated in
// place (autosave.ts), which leaves it the newest.

/** The settings key of the highest revision id the heads account for. */
export const HEADS_FOLDED_UP_TO_KEY = 'revisionHeads.foldedUpTo';

type HeadKey = [number, string, string];

/** Newest first; ids break ties between revisions written in the same millisecond. */
export const newestFirst = (a: Revision, b: Revision): number => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);

const slotOf = ({ periodId, code, field }: Revision): string => `${periodId}\u0000${code}\u0000${field}`;

async function foldedUpTo(db: LkeDatabase): Promise<number | null> {
  const value = (await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

async function latestRevisionId(db: LkeDatabase): Promise<number> {
  return ((await db.revisions.toCollection().lastKey()) as number | undefined) ?? 0;
}

/**
 * Brings the heads up to date with the revisions added since the last fold, in one transaction
 * so none is added halfway. A mark the history does not explain (beyond its newest id, or not a
 * number) is not trusted: the heads are then rebuilt from the whole history.
 */
export async function foldRevisionHeads(db: LkeDatabase): Promise<void> {
  await db.transaction('rw', db.revisions, db.revisionHeads, db.settings, async () => {
    const [upTo, latest] = await Promise.all([foldedUpTo(db), latestRevisionId(db)]);
    if (upTo === latest) return;
    const from = upTo !== null && upTo < latest ? upTo : 0;
    if (from === 0) await db.revisionHeads.clear();

    const candidates = new Map<string, Revision>();
    const added = await db.revisions.where(':id').above(from).filter((revision) => revision.draftId === null).toArray();
    for (const revision of added) {
      const slot = slotOf(revision);
      const current = candidates.get(slot);
      if (!current || newestFirst(revision, current) < 0) candidates.set(slot, revision);
    }
    const newest = [...candidates.values()];
    const heads = await db.revisionHeads.bulkGet(newest.map(({ periodId, code, field }): HeadKey => [periodId, code, field]));
    // Compared with the rows themselves: an autosave burst moves its revision's time forward.
    const current = await db.revisions.bulkGet(heads.map((head) => head?.revisionId ?? -1));
    const changed = newest.flatMap((revision, index): RevisionHead[] => {
      const head = current[index];
      if (head && head.draftId === null && newestFirst(head, revision) < 0) return [];
      return [{ periodId: revision.periodId, code: revision.code, field: revision.field, revisionId: revision.id! }];
    });
    await db.revisionHeads.bulkPut(changed);
    await db.settings.put({ key: HEADS_FOLDED_UP_TO_KEY, value: latest });
  });
}

const folding = new WeakMap<LkeDatabase, Promise<void>>();

/**
 * Folds once the current work is done, from a task of its own: a live query's reads may not write,
 * and their context follows promises but not timers. One fold at a time per database. A failed
 * fold (storage full, database closed) changes nothing: readers find the heads behind and scan.
 */
export function scheduleHeadsFold(db: LkeDatabase): void {
  if (folding.has(db)) return;
  const fold = new Promise<void>((resolve) => {
    setTimeout(() => resolve(foldRevisionHeads(db).catch(() => undefined)), 0);
  }).finally(() => folding.delete(db));
  folding.set(db, fold);
}

/**
 * The newest form revision of every field of a period, newest first, read through the heads; null
 * when the heads are behind the history or disagree with it, and the caller must look itself.
 */
export async function formRevisionsByHeads(db: LkeDatabase, periodId: number): Promise<Revision[] | null> {
  const [upTo, latest, heads] = await Promise.all([
    foldedUpTo(db),
    latestRevisionId(db),
    db.revisionHeads.where('[periodId+code+field]').between([periodId, '', ''], [periodId, '\uffff', '\uffff']).toArray(),
  ]);
  if (upTo !== latest) return null;
  const rows = await db.revisions.bulkGet(heads.map((head) => head.revisionId));
  const agree = rows.every(
    (row, index) => row?.draftId === null && row.periodId === periodId && row.code === heads[index]!.code && row.field === heads[index]!.field,
  );
  return agree ? (rows as Revision[]).sort(newestFirst) : null;
}
