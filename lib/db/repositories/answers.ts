import type { Answer, LkeDatabase, ValueSource } from '../schema';
import { assertKnownCodes } from './indicators';
import { requirePeriod } from './rows';

export interface AnswerInput {
  periodId: number;
  code: string;
  value: string | null;
  source: ValueSource;
}

export function getAnswer(db: LkeDatabase, periodId: number, code: string): Promise<Answer | undefined> {
  return db.answers.get([periodId, code]);
}

/**
 * Upserts the answer of one indicator. A changed value also appends an 'answer' revision (a cleared
 * answer is recorded as empty text), so the history shows every answer the unit ever gave.
 */
export async function saveAnswer(db: LkeDatabase, input: AnswerInput, now: Date): Promise<Answer> {
  assertKnownCodes([input.code]);
  return db.transaction('rw', db.periods, db.answers, db.revisions, async () => {
    await requirePeriod(db, input.periodId);
    const previous = await getAnswer(db, input.periodId, input.code);
    const { periodId, code, value, source } = input;
    const answer: Answer = { periodId, code, value, source, updatedAt: now.getTime() };
    await db.answers.put(answer);
    if (previous?.value !== value) {
      await db.revisions.add({
        periodId,
        code,
        field: 'answer',
        draftId: null,
        text: value ?? '',
        source,
        createdAt: answer.updatedAt,
      });
    }
    return answer;
  });
}
