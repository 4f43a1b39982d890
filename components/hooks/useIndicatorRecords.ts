import { useLiveQuery } from 'dexie-react-hooks';
import type { Answer, PageState } from '@/lib/db/schema';
import { useDatabase } from '../DatabaseProvider';

/** What is stored for one period, by indicator code. */
export interface IndicatorRecords {
  /** What the portal page showed. */
  pageStates: ReadonlyMap<string, PageState>;
  /** What the user saved in the extension. */
  answers: ReadonlyMap<string, Answer>;
}

const NO_RECORDS: IndicatorRecords = { pageStates: new Map(), answers: new Map() };

const byCode = <T extends { code: string }>(rows: T[]): Map<string, T> =>
  new Map(rows.map((row) => [row.code, row]));

/** Live view of a period's page states and answers; empty while loading or without a period. */
export function useIndicatorRecords(periodId: number | null): IndicatorRecords {
  const database = useDatabase();
  const records = useLiveQuery(async (): Promise<IndicatorRecords> => {
    if (periodId === null) return NO_RECORDS;
    const [pageStates, answers] = await Promise.all([
      database.pageStates.where('periodId').equals(periodId).toArray(),
      database.answers.where('periodId').equals(periodId).toArray(),
    ]);
    return { pageStates: byCode(pageStates), answers: byCode(answers) };
  }, [database, periodId]);
  return records ?? NO_RECORDS;
}
