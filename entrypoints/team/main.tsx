import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { DatabaseProvider } from '@/components/DatabaseProvider';
import { uiLocale } from '@/components/localeFormat';
import { createDatabase } from '@/lib/db/database';
import { App } from './App';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('team.html has no #root element');

// <title> in index.html is static; the tab shows the localized one.
document.title = i18n.t('team.title');
document.documentElement.lang = uiLocale();

createRoot(root).render(
  <StrictMode>
    <DatabaseProvider database={createDatabase()}>
      <App />
    </DatabaseProvider>
  </StrictMode>,
);
