import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import type { LoadedPeriod } from '@/lib/db/repositories/periodOverview';
import type { LkeDatabase } from '@/lib/db/schema';
import { App } from './App';

/** Renders the dashboard into `root` with the period read before React loaded (main.tsx). */
export function mountDashboard(root: HTMLElement, database: LkeDatabase, primed: LoadedPeriod | undefined): void {
  createRoot(root).render(
    <StrictMode>
      <DatabaseProvider database={database}>
        <App primed={primed} />
      </DatabaseProvider>
    </StrictMode>,
  );
}
