import { z } from 'zod';
import { activeDraftId, createDraft, setActiveDraft, updateDraftText } from '@/lib/db/repositories/drafts';
import type { LkeDatabase } from '@/lib/db/schema';

/**
 * A synchronous copy of narrative text typed but not yet in the database. Closing the panel ends
 * the page before an IndexedDB write started in `pagehide` can finish, so each keystroke also goes
 * to the page's localStorage (the extension's origin, like the database), and the next panel that
 * opens an editor saves what is left there.
 */
const PREFIX = 'asisten-lke.unsavedNarrative.';

const LeftoverSchema = z.object({
  periodId: z.number().int(),
  code: z.string(),
  /** The draft the text was typed into; null when it had none yet. */
  draftId: z.number().int().nullable(),
  /** The name for the draft to create when there is none. */
  draftName: z.string(),
  text: z.string(),
});
export type Leftover = z.infer<typeof LeftoverSchema>;

const keyOf = (periodId: number, code: string) => `${PREFIX}${periodId}.${code}`;

export function keepUnsaved(storage: Storage, leftover: Leftover): void {
  try {
    storage.setItem(keyOf(leftover.periodId, leftover.code), JSON.stringify(leftover));
  } catch {
    // A full or disabled storage leaves the debounced database save, which still runs.
  }
}

/** Forgets the copy once `text` is saved, unless newer text has replaced it meanwhile. */
export function forgetUnsaved(storage: Storage, periodId: number, code: string, text: string): void {
  const key = keyOf(periodId, code);
  const stored = LeftoverSchema.safeParse(parseJson(storage.getItem(key)));
  if (!stored.success || stored.data.text === text) storage.removeItem(key);
}

function parseJson(value: string | null): unknown {
  try {
    return value === null ? null : JSON.parse(value);
  } catch {
    return null;
  }
}

// This page's own saves in progress: their copies are not leftovers, and saving them twice could
// create a draft twice while the first creation is still being written.
let savesInProgress: Promise<unknown> = Promise.resolve();

/** Registers a save of this page that forgets its copy when it is done. */
export function trackSave(save: Promise<unknown>): void {
  savesInProgress = Promise.all([savesInProgress, save.catch(() => undefined)]);
}

/**
 * Saves every copy left by a panel that closed before its save, into its draft, then forgets it.
 * Runs after this page's saves and recoveries in progress, so none of them writes a text twice.
 */
export function saveLeftovers(db: LkeDatabase, storage: Storage, now: Date): Promise<void> {
  const recovery = savesInProgress.then(() => saveAll(db, storage, now));
  trackSave(recovery);
  return recovery;
}

async function saveAll(db: LkeDatabase, storage: Storage, now: Date): Promise<void> {
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
    (key): key is string => key?.startsWith(PREFIX) ?? false,
  );
  for (const key of keys) {
    const leftover = LeftoverSchema.safeParse(parseJson(storage.getItem(key)));
    if (leftover.success) await saveLeftover(db, leftover.data, now);
    storage.removeItem(key);
  }
}

async function saveLeftover(db: LkeDatabase, { periodId, code, draftId, draftName, text }: Leftover, now: Date): Promise<void> {
  // Without a draft id, the save that was cut off may still have created the draft.
  const target = draftId !== null && (await db.drafts.get(draftId)) ? draftId : await activeDraftId(db, periodId, code);
  if (target !== null) {
    await updateDraftText(db, target, text, now);
    return;
  }
  const draft = await createDraft(db, { periodId, code, name: draftName, text }, now);
  await setActiveDraft(db, draft.id);
}
