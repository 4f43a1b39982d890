import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '@/lib/db/database';
import type { LkeDatabase, PageState } from '@/lib/db/schema';

/**
 * A fresh database over its own fake-indexeddb. Dexie's `liveQuery` (and so `useLiveQuery`) runs a
 * query only if Dexie found a global `indexedDB` when it loaded, which happy-dom has not; the
 * dependency Dexie checks is filled in here, while each test still gets its own factory.
 */
export function createTestDatabase(): LkeDatabase {
  const indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB ??= indexedDB;
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
  return createDatabase({ indexedDB, IDBKeyRange });
}

/** What a portal page showed for `code` with nothing filled in; tests set the fields they are about. */
export function emptyPageState(code: string, fields: Partial<PageState> = {}): PageState {
  return {
    periodId: 1,
    code,
    answer: null,
    narrative: null,
    evidence: [],
    origin: 'https://lke.example.go.id',
    observedAt: Date.UTC(2026, 2, 14, 3, 30),
    ...fields,
  };
}
