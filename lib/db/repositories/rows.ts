import type { LkeDatabase, Period } from '../schema';
import { RepositoryError } from './errors';

/** A row read back from a `++id` table, whose id is therefore set. */
export type Stored<T extends { id?: number }> = T & { id: number };

export function requireStored<T extends { id?: number }>(row: T | undefined, what: string): Stored<T> {
  if (row?.id === undefined) throw new RepositoryError('not_found', `${what} does not exist`);
  return row as Stored<T>;
}

/** Call inside a transaction that includes `periods`, so the period cannot vanish before the write. */
export async function requirePeriod(db: LkeDatabase, periodId: number): Promise<Stored<Period>> {
  return requireStored(await db.periods.get(periodId), `Period ${periodId}`);
}


/** Adds a row to a `++id` table and returns it with the id the database gave it. */
export async function insertRow<T extends { id?: number }>(
  table: { add(row: T): PromiseLike<number | undefined> },
  row: T,
): Promise<Stored<T>> {
  const id = await table.add(row);
  if (id === undefined) throw new Error('The database returned no id for a new row');
  return { ...row, id };
}
