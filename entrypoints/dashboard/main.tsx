import { lazy, StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { uiLocale } from '@/components/localeFormat';
import { readActiveOverviewDirectly } from '@/lib/db/directOverview';
import type { LkeDatabase } from '@/lib/db/schema';
import { App } from './App';
import type { LiveDashboardProps } from './LiveDashboard';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('dashboard.html has no #root element');

// <title> in index.html is static; the tab shows the localized one.
document.title = i18n.t('dashboard.title');
document.documentElement.lang = uiLocale();

// The page is two chunks. The first frame (this file and App) is the scores and verdicts of the
// active period, read with IndexedDB itself (lib/db/directOverview.ts). Loading Dexie, zod, the
// messaging and the live queries before it made the scores 16 ms later here (144 against 128 ms
// in interleaved loads); they come with the live dashboard, once the frame is on screen. Where the
// direct read cannot answer (no database yet, another version, heads behind), Dexie loads first
// and the repositories read.
let database: Promise<LkeDatabase> | undefined;
const openDatabase = () => (database ??= import('@/lib/db/database').then(({ createDatabase }) => createDatabase()));

const Live = lazy(async () => {
  const [opened, { LiveDashboard }] = await Promise.all([openDatabase(), import('./LiveDashboard')]);
  return {
    default: (props: LiveDashboardProps) => (
      <DatabaseProvider database={opened}>
        <LiveDashboard {...props} />
      </DatabaseProvider>
    ),
  };
});

const readThroughRepositories = async () => {
  const [opened, { loadPeriodOverview }] = await Promise.all([openDatabase(), import('@/lib/db/repositories/periodOverview')]);
  return loadPeriodOverview(opened, null, { lastYear: false });
};

// The page renders once, with the period already read, instead of rendering empty, querying, then
// rendering again. The scores need nothing of last year, so its texts (one hint) come with the live
// query. A failed read leaves the query to the live dashboard, which reports the failure. The first
// render is synchronous (flushSync): the scores are committed in the task that read them, not after
// the scheduler's next turns.
void readActiveOverviewDirectly({ indexedDB, IDBKeyRange })
  .catch(() => null)
  .then((direct) => direct ?? readThroughRepositories())
  .catch(() => undefined)
  .then((primed) => {
    const reactRoot = createRoot(root);
    flushSync(() =>
      reactRoot.render(
        <StrictMode>
          <App primed={primed} Live={Live} />
        </StrictMode>,
      ),
    );
  });
