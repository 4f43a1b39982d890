import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../lib/db/database';
import { ensureActiveContext } from '../../../lib/db/repositories/context';
import type { LkeDatabase } from '../../../lib/db/schema';

/** A fresh, empty database on its own fake IndexedDB, so tests never see each other's rows. */
export function openTestDatabase(): LkeDatabase {
  return createDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

export const TEST_NOW = new Date(2026, 4, 12, 9, 30);

/** A fresh database with the default unit and its 2026 period. */
export async function openDatabaseWithPeriod(): Promise<{ db: LkeDatabase; periodId: number }> {
  const db = openTestDatabase();
  const { period } = await ensureActiveContext(db, { now: TEST_NOW, defaultUnitName: 'Unit Uji' });
  return { db, periodId: period.id };
}
