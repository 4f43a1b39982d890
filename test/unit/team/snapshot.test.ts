import { describe, expect, it } from 'vitest';
import { saveAnswer } from '../../../lib/db/repositories/answers';
import { ensureWeeklySnapshot, listSnapshots, takeSnapshot } from '../../../lib/db/repositories/snapshots';
import { type HintContext, hintsForPeriod, type IndicatorState } from '../../../lib/hints';
import { computeScore } from '../../../lib/lke/scoring';
import { answeredCodes, isSnapshotDue, measureProgress, referenceSnapshot, WEEK_MS } from '../../../lib/team/snapshot';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';

const CONTEXT: HintContext = { year: 2026, minNarrativeLength: 10 };
const LINK = 'https://contoh.go.id/sk-tim.pdf';

function progressOf(states: IndicatorState[]) {
  const byCode = new Map(states.map((state) => [state.code, state]));
  const hints = hintsForPeriod(byCode, CONTEXT);
  const sheet = computeScore(new Map(states.map((state) => [state.code, state.answer])), 'excluded');
  return { hints, sheet, progress: measureProgress(hints, sheet) };
}

describe('snapshot arithmetic', () => {
  it('measures answered and evidenced shares of the 127 indicators, open hints and scores per area', () => {
    const { hints, progress } = progressOf([
      { code: 'A.I.1.i.a', answer: 'Ya', narrative: 'Tim kerja dibentuk dengan SK Kepala Kantor.', evidence: [{ url: LINK }] },
      { code: 'A.I.1.i.b', answer: 'B', narrative: null, evidence: [] },
      // Not an option of this indicator: the workbook shows "Blm Diisi", so it is not answered.
      { code: 'A.I.1.ii.a', answer: 'Mungkin', narrative: null, evidence: [] },
    ]);
    expect([...answeredCodes(hints)]).toEqual(['A.I.1.i.a', 'A.I.1.i.b']);
    expect(progress.answeredPercent).toBe(1.6);
    expect(progress.withEvidencePercent).toBe(0.8);
    expect(progress.hintsOpen).toBe(hints.filter((hint) => hint.severity !== 'info').length);
    // A.I.1.i: (1 + 0.5) / 2 × 0.5 = 0.375, shown at two decimals as the workbook does.
    expect(progress.scores['A.I.1']).toBe(0.38);
    expect(progress.scores['A.II.1']).toBe(0);
    expect(progress.scores.total).toBe(0.38);
    expect(Object.keys(progress.scores)).toEqual([
      ...['A.I.1', 'A.I.2', 'A.I.3', 'A.I.4', 'A.I.5', 'A.I.6', 'A.II.1', 'A.II.2', 'A.II.3', 'A.II.4', 'A.II.5', 'A.II.6', 'B.I', 'B.II'],
      'total',
      'pengungkit',
      'hasil',
    ]);
  });

  it('is due weekly and compares with the newest snapshot at least six days old', () => {
    const now = TEST_NOW.getTime();
    expect(isSnapshotDue(null, now)).toBe(true);
    expect(isSnapshotDue(now - WEEK_MS + 1, now)).toBe(false);
    expect(isSnapshotDue(now - WEEK_MS, now)).toBe(true);
    const day = 24 * 60 * 60 * 1000;
    const snapshots = [14, 7, 6, 1].map((days) => ({ takenAt: now - days * day }));
    expect(referenceSnapshot(snapshots, now)).toBe(snapshots[2]);
    expect(referenceSnapshot(snapshots.slice(3), now)).toBeNull();
  });
});

describe('snapshots in the database', () => {
  it('takes the weekly snapshot once a week, and manual ones any time', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await saveAnswer(db, { periodId, code: 'A.I.1.i.a', value: 'Ya', source: 'user' }, TEST_NOW);

    const first = await ensureWeeklySnapshot(db, periodId, TEST_NOW);
    expect(first).toMatchObject({ trigger: 'weekly', answeredPercent: 0.8, takenAt: TEST_NOW.getTime() });
    expect(await ensureWeeklySnapshot(db, periodId, new Date(TEST_NOW.getTime() + WEEK_MS - 1))).toBeNull();
    await takeSnapshot(db, periodId, 'manual', new Date(TEST_NOW.getTime() + 1000));
    // Any snapshot counts as the newest: a manual one taken this week postpones the weekly one.
    expect(await ensureWeeklySnapshot(db, periodId, new Date(TEST_NOW.getTime() + WEEK_MS))).toBeNull();
    expect(await ensureWeeklySnapshot(db, periodId, new Date(TEST_NOW.getTime() + WEEK_MS + 1000))).toMatchObject({ trigger: 'weekly' });
    expect((await listSnapshots(db, periodId)).map((snapshot) => snapshot.trigger)).toEqual(['weekly', 'manual', 'weekly']);
  });
});
