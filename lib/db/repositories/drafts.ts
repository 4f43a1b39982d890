import { z } from 'zod';
import type { Draft, LkeDatabase, Revision, ValueSource } from '../schema';
import { newestOf, saveRevision } from './autosave';
import { RepositoryError } from './errors';
import { assertKnownCodes } from './indicators';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

export interface DraftInput {
  periodId: number;
  code: string;
  name: string;
  text?: string;
}

export const MAX_NAME_LENGTH = 120;

/** Names of drafts and templates: trimmed, 1 to MAX_NAME_LENGTH characters. */
export function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
    throw new RepositoryError('invalid_name', `A name needs 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}

const narrativeRevision = (draft: Stored<Draft>, source: ValueSource): Revision => ({
  periodId: draft.periodId,
  code: draft.code,
  field: 'narrative',
  draftId: draft.id,
  text: draft.text,
  source,
  createdAt: draft.updatedAt,
});

async function requireDraft(db: LkeDatabase, draftId: number): Promise<Stored<Draft>> {
  return requireStored(await db.drafts.get(draftId), `Draft ${draftId}`);
}

/** Creates a named draft; non-empty starting text is its first revision. */
export async function createDraft(db: LkeDatabase, input: DraftInput, now: Date): Promise<Stored<Draft>> {
  assertKnownCodes([input.code]);
  const name = cleanName(input.name);
  return db.transaction('rw', db.periods, db.drafts, db.revisions, async () => {
    await requirePeriod(db, input.periodId);
    const draft = await insertRow<Draft>(db.drafts, {
      periodId: input.periodId,
      code: input.code,
      name,
      text: input.text ?? '',
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    });
    if (draft.text !== '') await insertRow<Revision>(db.revisions, narrativeRevision(draft, 'user'));
    return draft;
  });
}

function writeDraftText(
  db: LkeDatabase,
  draftId: number,
  text: string,
  now: Date,
  source: ValueSource,
  replaced: boolean,
): Promise<Stored<Draft>> {
  return db.transaction('rw', db.drafts, db.revisions, async () => {
    const current = await requireDraft(db, draftId);
    if (current.text === text) return current;
    const draft = { ...current, text, updatedAt: now.getTime() };
    await db.drafts.put(draft);
    const history = await db.revisions.where('draftId').equals(draftId).toArray();
    await saveRevision(db, newestOf(history), narrativeRevision(draft, source), replaced);
    return draft;
  });
}

/**
 * Saves typed text into a draft. Autosave calls this often: saves of one editing burst update the
 * burst's revision (as portal autosave does), and the same text again changes nothing.
 */
export function updateDraftText(
  db: LkeDatabase,
  draftId: number,
  text: string,
  now: Date,
  source: ValueSource = 'user',
): Promise<Stored<Draft>> {
  return writeDraftText(db, draftId, text, now, source, false);
}

/**
 * Puts a whole new text into a draft (a template, a restored revision). It always starts a
 * revision of its own, so the text it replaces stays in the history.
 */
export function replaceDraftText(db: LkeDatabase, draftId: number, text: string, now: Date): Promise<Stored<Draft>> {
  return writeDraftText(db, draftId, text, now, 'user', true);
}

export async function renameDraft(db: LkeDatabase, draftId: number, name: string, now: Date): Promise<Stored<Draft>> {
  const cleaned = cleanName(name);
  return db.transaction('rw', db.drafts, async () => {
    const draft = { ...(await requireDraft(db, draftId)), name: cleaned, updatedAt: now.getTime() };
    await db.drafts.put(draft);
    return draft;
  });
}

/**
 * Removes a draft but not its revisions: its texts stay in the indicator's history (shown as a
 * deleted draft), from where any of them can be restored. Forgets it as the active draft.
 */
export function deleteDraft(db: LkeDatabase, draftId: number): Promise<void> {
  return db.transaction('rw', db.drafts, db.settings, async () => {
    const draft = await requireDraft(db, draftId);
    await db.drafts.delete(draftId);
    const key = activeDraftKey(draft.periodId, draft.code);
    if ((await readActiveDraftSetting(db, key)) === draftId) await db.settings.delete(key);
  });
}

const activeDraftKey = (periodId: number, code: string) => `drafts.active.${periodId}.${code}`;

// Settings hold `unknown`: a value written by an older build or edited by hand is ignored.
const readActiveDraftSetting = async (db: LkeDatabase, key: string): Promise<number | null> =>
  z.number().int().safeParse((await db.settings.get(key))?.value).data ?? null;

/** Remembers the draft the user works on for its indicator, so the panel reopens on it. */
export function setActiveDraft(db: LkeDatabase, draftId: number): Promise<void> {
  return db.transaction('rw', db.drafts, db.settings, async () => {
    const draft = await requireDraft(db, draftId);
    await db.settings.put({ key: activeDraftKey(draft.periodId, draft.code), value: draftId });
  });
}

/**
 * The draft the user chose for an indicator; without a (still existing) choice, the one edited
 * last; null when the indicator has no drafts.
 */
export function activeDraftId(db: LkeDatabase, periodId: number, code: string): Promise<number | null> {
  return db.transaction('r', db.drafts, db.settings, async () => {
    const drafts = await listDrafts(db, periodId, code);
    const chosen = await readActiveDraftSetting(db, activeDraftKey(periodId, code));
    if (drafts.some((draft) => draft.id === chosen)) return chosen;
    const lastEdited = drafts.reduce<Stored<Draft> | undefined>((last, draft) => (!last || draft.updatedAt > last.updatedAt ? draft : last), undefined);
    return lastEdited?.id ?? null;
  });
}

/** Drafts in creation order, so tabs in the side panel keep their places while the user types. */
export async function listDrafts(db: LkeDatabase, periodId: number, code: string): Promise<Stored<Draft>[]> {
  const drafts = await db.drafts.where('[periodId+code]').equals([periodId, code]).sortBy('id');
  return drafts as Stored<Draft>[];
}

/** Every revision of an indicator (all fields and drafts), newest first. */
export async function listRevisions(
  db: LkeDatabase,
  periodId: number,
  code: string,
): Promise<Stored<Revision>[]> {
  const revisions = (await db.revisions
    .where('[periodId+code]')
    .equals([periodId, code])
    .toArray()) as Stored<Revision>[];
  // Ids break ties between revisions written in the same millisecond.
  return revisions.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

export interface DraftTextTarget {
  periodId: number;
  code: string;
  /** A whole text to put in: a filled template or a restored revision. */
  text: string;
  /** True to start a new draft rather than replace the active one's text. */
  asNewDraft: boolean;
  /** The name of the new draft, also used when the indicator has no draft yet. */
  newDraftName: string;
}

/**
 * Puts a text into the active draft (whose previous text stays in its history) or into a new draft,
 * which becomes the active one. Returns the draft that now holds the text.
 */
export function putIntoDraft(db: LkeDatabase, target: DraftTextTarget, now: Date): Promise<Stored<Draft>> {
  return db.transaction('rw', [db.periods, db.drafts, db.revisions, db.settings], async () => {
    const activeId = target.asNewDraft ? null : await activeDraftId(db, target.periodId, target.code);
    if (activeId !== null) return replaceDraftText(db, activeId, target.text, now);
    const { periodId, code, text, newDraftName: name } = target;
    const draft = await createDraft(db, { periodId, code, name, text }, now);
    await setActiveDraft(db, draft.id);
    return draft;
  });
}
