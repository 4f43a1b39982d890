import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { uiLocale } from '@/components/localeFormat';
import { createDatabase } from '@/lib/db/database';
import { App } from './App';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root element');

// <title> in index.html is static (it also names the Firefox sidebar); the tab shows the localized one.
document.title = i18n.t('sidepanel.title');
document.documentElement.lang = uiLocale();

const database = createDatabase();
createRoot(root).render(
  <StrictMode>
    <DatabaseProvider database={database}>
      <App codeFromUrl={new URLSearchParams(location.search).get('code')} />
    </DatabaseProvider>
  </StrictMode>,
);
