import { hintsForPeriod, indicatorStates } from '../../hints';
import { computeScore } from '../../lke/scoring';
import { isSnapshotDue, measureProgress, type Progress } from '../../team/snapshot';
import type { LkeDatabase, ProgressSnapshot } from '../schema';
import { hintContextOf, loadPeriodRecords } from './periodRecords';
import { insertRow, requirePeriod, type Stored } from './rows';

// Progress snapshots (issue 7): one per period and week while the extension is used, and any
// number on demand. The numbers are those of lib/team/snapshot.ts over the period's hints and score
// (workbook rule: blanks left out).

const tablesRead = (db: LkeDatabase) => [db.periods, db.pageStates, db.revisions, db.answers, db.evidence, db.evidenceLinks, db.settings];

/** The period's progress now. */
export async function currentProgress(db: LkeDatabase, periodId: number): Promise<Progress> {
  const [records, context] = await Promise.all([loadPeriodRecords(db, periodId), hintContextOf(db, periodId)]);
  const states = indicatorStates(records);
  const answers = new Map([...states.values()].map((state) => [state.code, state.answer]));
  return measureProgress(hintsForPeriod(states, context), computeScore(answers, 'excluded'));
}

export function takeSnapshot(db: LkeDatabase, periodId: number, trigger: ProgressSnapshot['trigger'], now: Date): Promise<Stored<ProgressSnapshot>> {
  return db.transaction('rw', [...tablesRead(db), db.snapshots], async () => {
    await requirePeriod(db, periodId);
    return insertRow<ProgressSnapshot>(db.snapshots, { periodId, takenAt: now.getTime(), trigger, ...(await currentProgress(db, periodId)) });
  });
}

/** Snapshots of a period, oldest first. */
export async function listSnapshots(db: LkeDatabase, periodId: number): Promise<Stored<ProgressSnapshot>[]> {
  return (await db.snapshots.where('[periodId+takenAt]').between([periodId, -Infinity], [periodId, Infinity]).toArray()) as Stored<ProgressSnapshot>[];
}

/**
 * Takes the weekly snapshot when it is due (none yet, or the newest a week old). Checked and
 * written in one transaction, so two pages opened together take one snapshot, not two.
 */
export function ensureWeeklySnapshot(db: LkeDatabase, periodId: number, now: Date): Promise<Stored<ProgressSnapshot> | null> {
  return db.transaction('rw', [...tablesRead(db), db.snapshots], async () => {
    const newest = (await listSnapshots(db, periodId)).at(-1);
    if (!isSnapshotDue(newest?.takenAt ?? null, now.getTime())) return null;
    return takeSnapshot(db, periodId, 'weekly', now);
  });
}
