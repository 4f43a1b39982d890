import type { EvaluatorNote, LkeDatabase } from '../schema';
import { RepositoryError } from './errors';
import { assertKnownCodes } from './indicators';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

export interface EvaluatorNoteInput {
  periodId: number;
  code: string;
  evaluator: EvaluatorNote['evaluator'];
  note: string;
  score: string | null;
}

const MAX_NOTE = 20_000;
const MAX_SCORE = 40;

/** Records what the TPI or TPN said about an indicator, beside the unit's own answer. */
export async function addEvaluatorNote(db: LkeDatabase, input: EvaluatorNoteInput, now: Date): Promise<Stored<EvaluatorNote>> {
  assertKnownCodes([input.code]);
  const note = input.note.trim();
  const score = input.score?.trim() || null;
  if (note === '' && score === null) throw new RepositoryError('invalid_text', 'A note needs a text or a score');
  if (note.length > MAX_NOTE || (score?.length ?? 0) > MAX_SCORE) throw new RepositoryError('invalid_text', 'Note or score too long');
  return db.transaction('rw', db.periods, db.evaluatorNotes, async () => {
    await requirePeriod(db, input.periodId);
    return insertRow<EvaluatorNote>(db.evaluatorNotes, { ...input, note, score, createdAt: now.getTime() });
  });
}

export function removeEvaluatorNote(db: LkeDatabase, noteId: number): Promise<void> {
  return db.transaction('rw', db.evaluatorNotes, async () => {
    requireStored(await db.evaluatorNotes.get(noteId), `Evaluator note ${noteId}`);
    await db.evaluatorNotes.delete(noteId);
  });
}

/** A period's evaluator notes, newest first. */
export async function listEvaluatorNotes(db: LkeDatabase, periodId: number): Promise<Stored<EvaluatorNote>[]> {
  const notes = (await db.evaluatorNotes.where('periodId').equals(periodId).toArray()) as Stored<EvaluatorNote>[];
  return notes.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}
