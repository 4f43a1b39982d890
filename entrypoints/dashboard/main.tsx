import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { uiLocale } from '@/components/localeFormat';
import { readActiveOverviewDirectly } from '@/lib/db/directOverview';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import { createDatabase } from '@/lib/db/database';
import { App } from './App';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('dashboard.html has no #root element');

// <title> in index.html is static; the tab shows the localized one.
document.title = i18n.t('dashboard.title');
document.documentElement.lang = uiLocale();

// The page renders once, with the period already read, instead of rendering empty, querying, then
// rendering again. React is imported here, not loaded after the read started: the HTML preloads
// every file of the first paint in one round, and a file the browser is asked for later costs a
// second round trip, longer than React's own start. The first read goes to IndexedDB directly
// (lib/db/directOverview.ts), and Dexie's schema is declared while IndexedDB opens; where that
// read cannot answer, the repositories read through Dexie. The scores need nothing of last year,
// so its texts (one hint) come with the live query right after. A failed read leaves the query to
// the page, which reports the failure. The first render is synchronous (flushSync): the scores are
// committed in the task that read them, not after the scheduler's next turns (about 8 ms less here).
const directRead = readActiveOverviewDirectly({ indexedDB, IDBKeyRange }).catch(() => null);
const database = createDatabase();
void directRead
  .then((direct) => direct ?? loadPeriodOverview(database, null, { lastYear: false }))
  .catch(() => undefined)
  .then((primed) => {
    const reactRoot = createRoot(root);
    flushSync(() =>
      reactRoot.render(
        <StrictMode>
          <DatabaseProvider database={database}>
            <App primed={primed} />
          </DatabaseProvider>
        </StrictMode>,
      ),
    );
  });
