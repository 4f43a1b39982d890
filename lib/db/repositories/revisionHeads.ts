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

/** The highest revision id a stored fold mark says the heads account for; null when it is no such id. */
export function foldMarkOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

async function foldedUpTo(db: LkeDatabase): Promise<number | null> {
  return foldMarkOf((await db.settings.get(HEADS_FOLDED_UP_TO_KEY))?.value);
}

async function latestRevisionId(db: LkeDatabase): Promise<number> {
  return ((await db.revisions.toCollection().lastKey()) as number | undefined) ?? 0;
}

/**
 * Beyond how many unfolded revisions the heads are rebuilt from the index keys instead: reading
 * that many whole rows (years of history after an upgrade) would hold a page up for seconds.
 */
const REBUILD_BEYOND = 2_000;

const headOf = ({ periodId, code, field, id }: Revision): RevisionHead => ({ periodId, code, field, revisionId: id! });

/**
 * Brings the heads up to date with every revision added since the last fold, in one transaction
 * so none is added halfway. A few new revisions are read whole and compared with the heads; many,
 * or a mark the history does not explain (beyond its newest id, or not a number), rebuild every
 * period's heads from the index keys.
 */
export async function foldRevisionHeads(db: LkeDatabase, rebuildBeyond = REBUILD_BEYOND): Promise<void> {
  await db.transaction('rw', db.periods, db.revisions, db.revisionHeads, db.settings, async () => {
    const [upTo, latest] = await Promise.all([foldedUpTo(db), latestRevisionId(db)]);
    if (upTo === latest) return;
    if (upTo === null || upTo > latest || latest - upTo > rebuildBeyond) {
      await db.revisionHeads.clear();
      for (const periodId of await db.periods.toCollection().primaryKeys()) {
        await db.revisionHeads.bulkPut((await scanNewestFormRevisions(db, periodId as number)).map(headOf));
      }
    } else {
      const candidates = new Map<string, Revision>();
      for (const revision of await db.revisions.where(':id').above(upTo).toArray()) {
        if (revision.draftId !== null) continue;
        const slot = slotOf(revision);
        const current = candidates.get(slot);
        if (!current || newestFirst(revision, current) < 0) candidates.set(slot, revision);
      }
      const newest = [...candidates.values()];
      const heads = await db.revisionHeads.bulkGet(newest.map(({ periodId, code, field }): HeadKey => [periodId, code, field]));
      // Compared with the rows themselves: an autosave burst moves its revision's time forward.
      const current = await db.revisions.bulkGet(heads.map((head) => head?.revisionId ?? -1));
      await db.revisionHeads.bulkPut(
        newest.filter((revision, index) => {
          const head = current[index];
          return !(head && head.draftId === null && newestFirst(head, revision) < 0);
        }).map(headOf),
      );
    }
    await db.settings.put({ key: HEADS_FOLDED_UP_TO_KEY, value: latest });
  });
}

/**
 * The newest form revision of every field of a period, newest first, found without the heads:
 * the index keys alone rank the period's revisions, and only the candidates are read, further
 * ones where a draft's revision was newest.
 */
export async function scanNewestFormRevisions(db: LkeDatabase, periodId: number): Promise<Revision[]> {
  const idsByField = new Map<string, number[]>();
  await db.revisions
    .where('[periodId+code+field+createdAt]')
    .between([periodId, '', '', -Infinity], [periodId, '\uffff', '\uffff', Infinity])
    .eachKey((key, cursor) => {
      const [, code, field] = key as [number, string, string, number];
      const slot = `${code}\u0000${field}`;
      const ids = idsByField.get(slot);
      if (ids) ids.push(cursor.primaryKey as number);
      else idsByField.set(slot, [cursor.primaryKey as number]);
    });

  const found: Revision[] = [];
  let pending = [...idsByField.values()];
  // Each round reads twice as many candidates per unresolved field as the last.
  for (let batch = 1; pending.length > 0; batch *= 2) {
    const candidates = pending.map((ids) => ids.splice(-batch).reverse());
    const rows = await db.revisions.bulkGet(candidates.flat());
    let offset = 0;
    pending = pending.filter((ids, index) => {
      const batchRows = rows.slice(offset, (offset += candidates[index]!.length));
      const newest = batchRows.find((row) => row?.draftId === null);
      if (newest) found.push(newest);
      return !newest && ids.length > 0;
    });
  }
  return found.sort(newestFirst);
}

const folding = new WeakMap<LkeDatabase, Promise<void>>();

/**
 * Folds once the page is idle, from a task of its own: a live query's reads may not write, and
 * their context follows promises but not timers or idle callbacks. One fold at a time per
 * database. A failed fold (storage full, database closed) changes nothing: readers find the heads
 * behind and scan instead.
 */
export function scheduleHeadsFold(db: LkeDatabase): void {
  if (folding.has(db)) return;
  const fold = new Promise<void>((resolve) => {
    const start = () => resolve(foldRevisionHeads(db).catch(() => undefined));
    // A service worker has no idle callbacks.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2_000 });
    else setTimeout(start, 0);
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
  return revisionsOfHeads(periodId, heads, await db.revisions.bulkGet(heads.map((head) => head.revisionId)));
}

/**
 * The revisions a period's heads name, newest first, once read (`rows`, in the order of `heads`);
 * null when any of them is not the form revision of its head's field.
 */
export function revisionsOfHeads(periodId: number, heads: readonly RevisionHead[], rows: readonly (Revision | undefined)[]): Revision[] | null {
  const agree = rows.every(
    (row, index) => row?.draftId === null && row.periodId === periodId && row.code === heads[index]!.code && row.field === heads[index]!.field,
  );
  return agree ? (rows as Revision[]).toSorted(newestFirst) : null;
}
