import { i18n } from '#i18n';
import { uiLocale } from '@/components/localeFormat';
import { loadPeriodOverview } from '@/lib/db/repositories/periodOverview';
import { createDatabase } from '@/lib/db/schema';
import '@/components/theme.css';
import '@/components/page.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('dashboard.html has no #root element');

// <title> in index.html is static; the tab shows the localized one.
document.title = i18n.t('dashboard.title');
document.documentElement.lang = uiLocale();

// The period is read while React and the page's code are still loading, and the page renders
// once with it, instead of loading, rendering empty, querying, then rendering again. The scores
// need nothing of last year, so its texts (one hint) come with the live query right after. A
// failed read leaves the query to the page, which reports the failure.
const database = createDatabase();
const primed = loadPeriodOverview(database, null, { lastYear: false }).catch(() => undefined);
void Promise.all([import('./mount'), primed]).then(([{ mountDashboard }, period]) => mountDashboard(root, database, period));
