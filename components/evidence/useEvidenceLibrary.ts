import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listLibrary, type LibraryEntry } from '@/lib/db/repositories/evidence';
import { flagDocuments, type EvidenceFlag } from '@/lib/evidence/flags';
import { useDatabase } from '../DatabaseProvider';

export interface EvidenceLibraryData {
  /** Undefined while the first query runs. */
  entries: LibraryEntry[] | undefined;
  flags: ReadonlyMap<number, EvidenceFlag[]>;
  /** A document's title by id, for flags that name other documents. */
  titleOf: (id: number) => string;
}

/** Live view of a period's evidence library with each document's flags. */
export function useEvidenceLibrary(periodId: number): EvidenceLibraryData {
  const database = useDatabase();
  const entries = useLiveQuery(() => listLibrary(database, periodId), [database, periodId]);
  return useMemo(() => {
    const documents = (entries ?? []).map((entry) => entry.document);
    const titles = new Map(documents.map((document) => [document.id, document.title]));
    return { entries, flags: flagDocuments(documents), titleOf: (id: number) => titles.get(id) ?? String(id) };
  }, [entries]);
}
