import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { LkeDatabase } from '@/lib/db/schema';
import { ErrorBanner } from './ErrorBanner';

// Pages pass the database in rather than components opening it, so tests can render any component
// over their own fake-indexeddb instance.
const DatabaseContext = createContext<LkeDatabase | null>(null);

export function DatabaseProvider({ database, children }: { database: LkeDatabase; children: ReactNode }) {
  const outdated = useOutdated(database);
  return (
    <DatabaseContext value={database}>
      {outdated && (
        <ErrorBanner
          title={i18n.t('faults.databaseClosed.title')}
          message={i18n.t('faults.databaseClosed.message')}
          consequence={i18n.t('faults.databaseClosed.consequence')}
          actionLabel={i18n.t('faults.databaseClosed.reload')}
          onAction={() => location.reload()}
        />
      )}
      {children}
    </DatabaseContext>
  );
}

/** Whether a newer version of the extension took the database over (it closes itself, see createDatabase). */
function useOutdated(database: LkeDatabase): boolean {
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    const listener = () => setOutdated(true);
    database.on('versionchange', listener);
    return () => database.on('versionchange').unsubscribe(listener);
  }, [database]);
  return outdated;
}

export function useDatabase(): LkeDatabase {
  const database = use(DatabaseContext);
  if (!database) throw new Error('useDatabase() must be used inside <DatabaseProvider>');
  return database;
}
