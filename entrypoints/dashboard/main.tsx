import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { loadPeriodOverview } from '@/components/hooks/usePeriodOverview';
import { uiLocale } from '@/components/localeFormat';
import { createDatabase } from '@/lib/db/schema';
import { App } from './App';
import '@/components/theme.css';
import '@/components/page.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('dashboard.html has no #root element');

// <title> in index.html is static; the tab shows the localized one.
document.title = i18n.t('dashboard.title');
document.documentElement.lang = uiLocale();

const database = createDatabase();
// The period is read while nothing is on screen yet, and the page renders once with it, instead of
// rendering empty, then querying, then rendering again. The scores need nothing of last year, so
// its texts (one hint) come with the live query right after. A failed read leaves the query to
// the page, which reports the failure.
void loadPeriodOverview(database, null, { lastYear: false })
  .catch(() => undefined)
  .then((primed) =>
    createRoot(root).render(
      <StrictMode>
        <DatabaseProvider database={database}>
          <App primed={primed} />
        </DatabaseProvider>
      </StrictMode>,
    ),
  );
