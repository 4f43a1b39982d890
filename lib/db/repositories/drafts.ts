import type { Draft, LkeDatabase, Revision, ValueSource } from '../schema';
import { RepositoryError } from './errors';
import { assertKnownCodes } from './indicators';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

export interface DraftInput {
  periodId: number;
  code: string;
  name: string;
  text?: string;
}

const MAX_NAME_LENGTH = 120;

function cleanDraftName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
    throw new RepositoryError('invalid_name', `A draft name needs 1 to ${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}

function appendNarrativeRevision(
  db: LkeDatabase,
  draft: Stored<Draft>,
  source: ValueSource,
): Promise<Stored<Revision>> {
  return insertRow<Revision>(db.revisions, {
    periodId: draft.periodId,
    code: draft.code,
    field: 'narrative',
    draftId: draft.id,
    text: draft.text,
    source,
    createdAt: draft.updatedAt,
  });
}

async function requireDraft(db: LkeDatabase, draftId: number): Promise<Stored<Draft>> {
  return requireStored(await db.drafts.get(draftId), `Draft ${draftId}`);
}

/** Creates a named draft; non-empty starting text is its first revision. */
export async function createDraft(db: LkeDatabase, input: DraftInput, now: Date): Promise<Stored<Draft>> {
  assertKnownCodes([input.code]);
  const name = cleanDraftName(input.name);
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
    if (draft.text !== '') await appendNarrativeRevision(db, draft, 'user');
    return draft;
  });
}

/**
 * Saves new text into a draft and appends it as a revision. Autosave calls this often, so the same
 * text again changes nothing instead of filling the history with copies.
 */
export function updateDraftText(
  db: LkeDatabase,
  draftId: number,
  text: string,
  now: Date,
  source: ValueSource = 'user',
): Promise<Stored<Draft>> {
  return db.transaction('rw', db.drafts, db.revisions, async () => {
    const current = await requireDraft(db, draftId);
    if (current.text === text) return current;
    const draft = { ...current, text, updatedAt: now.getTime() };
    await db.drafts.put(draft);
    await appendNarrativeRevision(db, draft, source);
    return draft;
  });
}

export async function renameDraft(db: LkeDatabase, draftId: number, name: string, now: Date): Promise<Stored<Draft>> {
  const cleanName = cleanDraftName(name);
  return db.transaction('rw', db.drafts, async () => {
    const draft = { ...(await requireDraft(db, draftId)), name: cleanName, updatedAt: now.getTime() };
    await db.drafts.put(draft);
    return draft;
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
