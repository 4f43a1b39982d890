import type { OpenOptions } from './database';
import { type LoadedPeriod, loadedPeriodOf, NO_PERIOD, periodRecordsOf } from './periodRows';
import { ACTIVE_CONTEXT_KEY, rememberedContext, storedContextIds } from './repositories/context';
import { MIN_NARRATIVE_LENGTH_KEY, minNarrativeLengthFrom } from './repositories/narrativeMinimum';
import { HEADS_FOLDED_UP_TO_KEY, foldMarkOf, revisionsOfHeads } from './repositories/revisionHeads';
import { type Answer, DATABASE_NAME, type Evidence, type EvidenceLink, type PageState, type Period, type Revision, type RevisionHead, type Unit, VERSIONS } from './schema';
import { DEFAULT_STORED_THRESHOLDS, THRESHOLDS_KEY } from './storedThresholds';

// The dashboard's first frame, read with IndexedDB itself, so that the frame needs no Dexie at all
// (entrypoints/dashboard/main.tsx); even where Dexie is loaded, its first open and queries on a
// page that has just loaded run cold. Only the reading is done here: what the rows mean (the
// context check, the heads check, the records, the hints) is the repositories' own pure code.
// Whenever this read cannot answer as the repositories would, it answers null and the page asks
// the repositories: no database yet, one at another version, heads behind the history.

/** Dexie opens schema version n as IndexedDB version n × 10. */
const NATIVE_VERSION = Math.round(VERSIONS.at(-1)!.version * 10);

const STORES = ['settings', 'periods', 'units', 'pageStates', 'answers', 'evidence', 'evidenceLinks', 'revisionHeads', 'revisions'] as const;

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The database at the version this build declares, or null (none yet, or another version). */
function openCurrent(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = factory.open(DATABASE_NAME);
    // There is no database yet: creating an empty one would take its creation away from Dexie.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const database = request.result;
      if (database.version === NATIVE_VERSION) return resolve(database);
      database.close();
      resolve(null);
    };
  });
}

/** The IndexedDB the database is opened with (createDatabase's options), here both required. */
export type IndexedDbApi = Required<Pick<OpenOptions, 'indexedDB' | 'IDBKeyRange'>>;

/**
 * The overview of the stored active period, as `loadPeriodOverview(db, null, { lastYear: false })`
 * gives it, read in one transaction without Dexie; null when that read must be left to Dexie.
 */
export async function readActiveOverviewDirectly({ indexedDB, IDBKeyRange }: IndexedDbApi): Promise<LoadedPeriod | null> {
  const database = await openCurrent(indexedDB);
  if (!database) return null;
  // An upgrade by a newer version of the extension must never wait for this connection.
  database.onversionchange = () => database.close();
  try {
    const transaction = database.transaction(STORES, 'readonly');
    const store = (name: (typeof STORES)[number]) => transaction.objectStore(name);
    const setting = async (key: string): Promise<unknown> => ((await result(store('settings').get(key))) as { value?: unknown } | undefined)?.value;
    const stored = storedContextIds(await setting(ACTIVE_CONTEXT_KEY));
    if (!stored) return NO_PERIOD;
    const { periodId, unitId } = stored;
    // The same ranges the repositories query: [periodId, …] up to, not including, [periodId, '\uffff', …].
    const ofPeriod = (width: number) => IDBKeyRange.bound([periodId, ...Array(width).fill('')], [periodId, ...Array(width).fill('\uffff')], false, true);
    const [period, unit, foldMark, latest, heads, pageStates, answers, evidence, links, minNarrativeLength, storedThresholds] = await Promise.all([
      result(store('periods').get(periodId)) as Promise<Period | undefined>,
      result(store('units').get(unitId)) as Promise<Unit | undefined>,
      setting(HEADS_FOLDED_UP_TO_KEY).then(foldMarkOf),
      result(store('revisions').openKeyCursor(null, 'prev')).then((cursor) => (cursor?.primaryKey as number | undefined) ?? 0),
      result(store('revisionHeads').getAll(ofPeriod(2))) as Promise<RevisionHead[]>,
      result(store('pageStates').index('periodId').getAll(periodId)) as Promise<PageState[]>,
      result(store('answers').index('periodId').getAll(periodId)) as Promise<Answer[]>,
      result(store('evidence').index('periodId').getAll(periodId)) as Promise<Evidence[]>,
      result(store('evidenceLinks').index('[periodId+code]').getAll(ofPeriod(1))) as Promise<EvidenceLink[]>,
      setting(MIN_NARRATIVE_LENGTH_KEY).then(minNarrativeLengthFrom),
      setting(THRESHOLDS_KEY),
    ]);
    const context = rememberedContext(period, unit);
    if (!context) return NO_PERIOD;
    if (foldMark !== latest) return null;
    const headRows = await Promise.all(heads.map((head) => result(store('revisions').get(head.revisionId)) as Promise<Revision | undefined>));
    const revisions = revisionsOfHeads(periodId, heads, headRows);
    if (!revisions) return null;
    const records = periodRecordsOf({ pageStates, revisions, answers, evidence, links });
    // The table's schema (zod) loads only where the user stored a table: the first frame has no zod.
    const thresholds = storedThresholds === undefined ? DEFAULT_STORED_THRESHOLDS : (await import('./repositories/thresholds')).readThresholds(storedThresholds);
    return loadedPeriodOf(periodId, records, { year: context.period.year, minNarrativeLength }, thresholds);
  } finally {
    database.close();
  }
}
