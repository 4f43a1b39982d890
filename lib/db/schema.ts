import Dexie, { type EntityTable, type Table } from 'dexie';

// The database lives in the extension's origin only (ARCHITECTURE.md rule 1): it is opened by the
// background and by extension pages, never by a content script.
//
// Every change to the stores below is a new numbered version appended to `VERSIONS` with its
// upgrade function; test/unit/db/migrations.test.ts walks every version.

export interface Unit {
  id?: number;
  name: string;
  agency: string;
  createdAt: number;
}

export interface Period {
  id?: number;
  unitId: number;
  /** Evaluation year, e.g. 2026. */
  year: number;
  /** Template id + edition, e.g. "permenpanrb-90-2021@portalrb-2026". */
  templateId: string;
  createdAt: number;
}

/** Where a value came from: read off the portal page, or entered by the user in the extension. */
export type ValueSource = 'portal' | 'user';

/** The unit's answer to one indicator in one period. */
export interface Answer {
  periodId: number;
  /** Template indicator code, e.g. "A.I.1.i.a". */
  code: string;
  /** Option key ("Ya", "A" …) or a number as text (counts, 0–4 indices); null when cleared. */
  value: string | null;
  source: ValueSource;
  updatedAt: number;
}

/** What the portal page showed for an indicator the last time it was recognised (rule 10). */
export interface PageState {
  periodId: number;
  code: string;
  answer: string | null;
  narrative: string | null;
  evidence: string[];
  /** Origin of the portal page the state was read from. */
  origin: string;
  observedAt: number;
}

/** A named narrative draft of one indicator ("versi singkat", "final"). */
export interface Draft {
  id?: number;
  periodId: number;
  code: string;
  name: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

export type RevisionField = 'answer' | 'narrative' | 'evidence' | 'count';

/** One saved state of a field; history is kept, never silently expired. */
export interface Revision {
  id?: number;
  periodId: number;
  code: string;
  field: RevisionField;
  /** The draft this revision belongs to, when it was made in a named draft. */
  draftId: number | null;
  text: string;
  source: ValueSource;
  createdAt: number;
}

/** A document in the unit's evidence library. */
export interface Evidence {
  id?: number;
  periodId: number;
  title: string;
  /** http(s) URL only, checked with `new URL()`. */
  url: string;
  documentDate: string | null;
  type: string | null;
  note: string;
  createdAt: number;
}

/** One evidence document serves one or many indicators. */
export interface EvidenceLink {
  evidenceId: number;
  periodId: number;
  code: string;
  createdAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type LkeDatabase = Dexie & {
  units: EntityTable<Unit, 'id'>;
  periods: EntityTable<Period, 'id'>;
  // Compound primary keys: `EntityTable<T>` without a key property would type the key as `never`,
  // which makes get/delete/transaction on these tables uncompilable.
  answers: Table<Answer, [number, string]>;
  pageStates: Table<PageState, [number, string]>;
  drafts: EntityTable<Draft, 'id'>;
  revisions: EntityTable<Revision, 'id'>;
  evidence: EntityTable<Evidence, 'id'>;
  evidenceLinks: Table<EvidenceLink, [number, string]>;
  settings: EntityTable<Setting, 'key'>;
};

export const DATABASE_NAME = 'asisten-lke';

/** Store definitions per version, oldest first. Never edit a published entry: append one. */
export const VERSIONS: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      units: '++id, name',
      periods: '++id, unitId, &[unitId+year]',
      answers: '&[periodId+code], periodId',
      pageStates: '&[periodId+code], periodId',
      drafts: '++id, [periodId+code], updatedAt',
      revisions: '++id, [periodId+code], draftId, createdAt',
      evidence: '++id, periodId, url',
      evidenceLinks: '&[evidenceId+code], [periodId+code], evidenceId',
      settings: '&key',
    },
  },
];

export interface OpenOptions {
  /** An IDBFactory (fake-indexeddb in unit tests); the browser's own when omitted. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  name?: string;
}

export function createDatabase(options: OpenOptions = {}): LkeDatabase {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as LkeDatabase;
  for (const { version, stores } of VERSIONS) db.version(version).stores(stores);
  return db;
}
