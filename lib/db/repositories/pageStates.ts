import type { RowState } from '../../messaging/protocol';
import type { LkeDatabase, PageState } from '../schema';
import { isKnownCode } from './indicators';
import { requirePeriod } from './rows';

export interface RecordedPageStates {
  /** Distinct indicators written. */
  stored: number;
  /** Rows whose code the template does not know. */
  skipped: number;
  /** The indicators written, in the order the page listed them. */
  codes: string[];
}

/**
 * Records what the portal page shows (ARCHITECTURE rule 10), replacing the previous observation of
 * each indicator. Rows with unknown codes come from a recogniser gone wrong and are skipped rather
 * than failing the whole snapshot; when a page shows an indicator twice, the last row wins.
 */
export function recordPageStates(
  db: LkeDatabase,
  periodId: number,
  origin: string,
  rows: readonly RowState[],
  now: Date,
): Promise<RecordedPageStates> {
  const known = rows.filter((row) => isKnownCode(row.code));
  const latestByCode = new Map(known.map((row) => [row.code, row]));
  const states: PageState[] = [...latestByCode.values()].map((row) => ({
    periodId,
    code: row.code,
    answer: row.answer,
    narrative: row.narrative,
    evidence: row.evidence,
    origin,
    observedAt: now.getTime(),
  }));
  return db.transaction('rw', db.periods, db.pageStates, async () => {
    await requirePeriod(db, periodId);
    await db.pageStates.bulkPut(states);
    return { stored: states.length, skipped: rows.length - known.length, codes: [...latestByCode.keys()] };
  });
}

export function getPageState(db: LkeDatabase, periodId: number, code: string): Promise<PageState | undefined> {
  return db.pageStates.get([periodId, code]);
}
