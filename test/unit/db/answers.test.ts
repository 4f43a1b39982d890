import { describe, expect, it } from 'vitest';
import { getAnswer, saveAnswer } from '../../../lib/db/repositories/answers';
import { listRevisions } from '../../../lib/db/repositories/drafts';
import { openDatabaseWithPeriod, TEST_NOW } from './testDatabase';

const CODE = 'A.I.1.i.a';
const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

describe('answers', () => {
  it('upserts one answer per period and indicator, keeping where it came from', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    expect(await getAnswer(db, periodId, CODE)).toBeUndefined();

    await saveAnswer(db, { periodId, code: CODE, value: 'Tidak', source: 'portal' }, TEST_NOW);
    const saved = await saveAnswer(db, { periodId, code: CODE, value: 'Ya', source: 'user' }, later(1));

    expect(saved).toEqual({ periodId, code: CODE, value: 'Ya', source: 'user', updatedAt: later(1).getTime() });
    expect(await getAnswer(db, periodId, CODE)).toEqual(saved);
    expect(await db.answers.count()).toBe(1);
  });

  it('keeps every changed value as an answer revision, and skips unchanged saves', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await saveAnswer(db, { periodId, code: CODE, value: 'Tidak', source: 'portal' }, TEST_NOW);
    await saveAnswer(db, { periodId, code: CODE, value: 'Ya', source: 'user' }, later(1));
    await saveAnswer(db, { periodId, code: CODE, value: 'Ya', source: 'user' }, later(2));
    await saveAnswer(db, { periodId, code: CODE, value: null, source: 'user' }, later(3));

    const history = await listRevisions(db, periodId, CODE);
    expect(history.map(({ field, text, source, draftId }) => ({ field, text, source, draftId }))).toEqual([
      { field: 'answer', text: '', source: 'user', draftId: null },
      { field: 'answer', text: 'Ya', source: 'user', draftId: null },
      { field: 'answer', text: 'Tidak', source: 'portal', draftId: null },
    ]);
  });

  it('rejects codes outside the template and periods that do not exist', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await expect(
      saveAnswer(db, { periodId, code: 'Z.9', value: 'Ya', source: 'user' }, TEST_NOW),
    ).rejects.toMatchObject({ code: 'unknown_indicator' });
    await expect(
      saveAnswer(db, { periodId: 999, code: CODE, value: 'Ya', source: 'user' }, TEST_NOW),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.answers.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });
});
