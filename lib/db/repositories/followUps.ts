import type { FollowUp, LkeDatabase } from '../schema';
import { RepositoryError } from './errors';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';

// Follow-up actions drawn from evaluator notes (issue 7). A note's follow-up belongs to the period
// of the year after, the one the action is for. When the unit has no such period yet, the
// follow-up stays on the note's own period and counts as "waiting for the next period"
// (isWaitingForNextPeriod); no period is created behind the user's back, since starting a period
// (possibly rolled over) is the user's decision.

export interface FollowUpTarget {
  periodId: number;
  /** False when the follow-up is kept on the note's own period until the next one exists. */
  nextPeriod: boolean;
}

/** Where a note's follow-up goes: the unit's period of the next year, else the note's period. */
export async function followUpTarget(db: LkeDatabase, notePeriodId: number): Promise<FollowUpTarget> {
  const period = await requirePeriod(db, notePeriodId);
  const next = await db.periods.where({ unitId: period.unitId, year: period.year + 1 }).first();
  return next ? { periodId: next.id!, nextPeriod: true } : { periodId: period.id, nextPeriod: false };
}

export async function followUpFromNote(db: LkeDatabase, noteId: number, text: string, now: Date): Promise<Stored<FollowUp>> {
  const action = text.trim();
  if (action === '') throw new RepositoryError('invalid_text', 'A follow-up needs a text');
  return db.transaction('rw', db.periods, db.evaluatorNotes, db.followUps, async () => {
    const note = requireStored(await db.evaluatorNotes.get(noteId), `Evaluator note ${noteId}`);
    const { periodId } = await followUpTarget(db, note.periodId);
    return insertRow<FollowUp>(db.followUps, { periodId, code: note.code, text: action, sourceNoteId: note.id, doneAt: null, createdAt: now.getTime() });
  });
}

/** The follow-up is still on the period of its note: the period it is meant for does not exist yet. */
export const isWaitingForNextPeriod = (followUp: FollowUp, notePeriodId: number | undefined): boolean => followUp.sourceNoteId !== null && followUp.periodId === notePeriodId;

export function setFollowUpDone(db: LkeDatabase, followUpId: number, done: boolean, now: Date): Promise<void> {
  return db.transaction('rw', db.followUps, async () => {
    requireStored(await db.followUps.get(followUpId), `Follow-up ${followUpId}`);
    await db.followUps.update(followUpId, { doneAt: done ? now.getTime() : null });
  });
}

/** Follow-ups on a period, and those its notes sent on to the next period, oldest first. */
export async function listFollowUps(db: LkeDatabase, periodIds: readonly number[]): Promise<Stored<FollowUp>[]> {
  const rows = (await db.followUps.where('periodId').anyOf([...periodIds]).toArray()) as Stored<FollowUp>[];
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}
