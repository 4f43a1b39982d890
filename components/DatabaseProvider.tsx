import { createContext, use, type ReactNode } from 'react';
import type { LkeDatabase } from '@/lib/db/schema';

// Pages pass the database in rather than components opening it, so tests can render any component
// over their own fake-indexeddb instance.
const DatabaseContext = createContext<LkeDatabase | null>(null);

export function DatabaseProvider({ database, children }: { database: LkeDatabase; children: ReactNode }) {
  return <DatabaseContext value={database}>{children}</DatabaseContext>;
}

export function useDatabase(): LkeDatabase {
  const database = use(DatabaseContext);
  if (!database) throw new Error('useDatabase() must be used inside <DatabaseProvider>');
  return database;
}
