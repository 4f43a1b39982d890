import { describe, expect, it } from 'vitest';
import { addEvaluatorNote, listEvaluatorNotes } from '../../../lib/db/repositories/evaluatorNotes';
import { followUpFromNote, isWaitingForNextPeriod, listFollowUps, setFollowUpDone } from '../../../lib/db/repositories/followUps';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';

describe('evaluator notes and follow-ups', () => {
  it('keeps TPI/TPN notes and scores; a note needs a text or a score', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await addEvaluatorNote(db, { periodId, code: 'A.I.1.i.a', evaluator: 'TPI', note: ' SK belum ditandatangani ', score: 'Tidak' }, TEST_NOW);
    await addEvaluatorNote(db, { periodId, code: 'A.I.1.i.b', evaluator: 'TPN', note: '', score: 'B' }, new Date(TEST_NOW.getTime() + 1));
    await expect(addEvaluatorNote(db, { periodId, code: 'A.I.1.i.b', evaluator: 'TPN', note: ' ', score: ' ' }, TEST_NOW)).rejects.toMatchObject({ code: 'invalid_text' });
    expect((await listEvaluatorNotes(db, periodId)).map(({ code, evaluator, note, score }) => [code, evaluator, note, score])).toEqual([
      ['A.I.1.i.b', 'TPN', '', 'B'],
      ['A.I.1.i.a', 'TPI', 'SK belum ditandatangani', 'Tidak'],
    ]);
  });

  it('sends a follow-up to next year’s period, or keeps it on the note’s period until that exists', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const note = await addEvaluatorNote(db, { periodId, code: 'A.I.1.i.a', evaluator: 'TPI', note: 'Lengkapi SK', score: null }, TEST_NOW);

    const kept = await followUpFromNote(db, note.id, 'Tandatangani SK tim kerja', TEST_NOW);
    expect(kept.periodId).toBe(periodId);
    expect(isWaitingForNextPeriod(kept, note.periodId)).toBe(true);

    const period = (await db.periods.get(periodId))!;
    const nextId = (await db.periods.add({ ...period, id: undefined, year: period.year + 1, rolledFrom: periodId })) as number;
    const sent = await followUpFromNote(db, note.id, 'Perbarui SK tahun depan', TEST_NOW);
    expect(sent).toMatchObject({ periodId: nextId, code: 'A.I.1.i.a', sourceNoteId: note.id, doneAt: null });
    expect(isWaitingForNextPeriod(sent, note.periodId)).toBe(false);

    await setFollowUpDone(db, sent.id, true, TEST_NOW);
    expect((await listFollowUps(db, [periodId, nextId])).map(({ text, doneAt }) => [text, doneAt])).toEqual([
      ['Tandatangani SK tim kerja', null],
      ['Perbarui SK tahun depan', TEST_NOW.getTime()],
    ]);
  });
});
