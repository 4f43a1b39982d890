import { useId } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from './ErrorBanner';
import type { Removal, UserSites } from './hooks/useSiteAccess';

export interface UserSiteListProps {
  sites: UserSites;
  removal: Removal;
  onRemove: (site: string) => void;
}

/** "Situs yang diaktifkan": the sites the user enabled, each with a way to take it back. */
export function UserSiteList({ sites, removal, onRemove }: UserSiteListProps) {
  const headingId = useId();
  const removing = removal.state === 'removing' ? removal.site : null;
  return (
    <section className="card site-list" aria-labelledby={headingId} data-testid="user-sites">
      <h2 id={headingId} className="section-heading">
        {i18n.t('sites.list.heading')}
      </h2>
      <p className="muted">{i18n.t('sites.list.intro')}</p>
      {sites.state === 'failed' && (
        // Quiet on purpose: the list is a setting, and the panel's work does not depend on it.
        <p className="muted">
          {i18n.t('sites.list.loadFailedTitle')}. {i18n.t(`error.${sites.failure}`)}
        </p>
      )}
      {sites.state === 'ready' && sites.sites.length === 0 && <p className="muted">{i18n.t('sites.list.empty')}</p>}
      {sites.state === 'ready' && sites.sites.length > 0 && (
        <ul className="site-list__items">
          {sites.sites.map((site) => (
            <li key={site} className="site-list__item">
              <code className="site-list__site">{site}</code>
              <button
                type="button"
                className="button"
                aria-label={i18n.t('sites.list.removeLabel', [site])}
                disabled={removing === site}
                onClick={() => onRemove(site)}
              >
                {removing === site ? i18n.t('sites.list.removing') : i18n.t('sites.list.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removal.state === 'failed' && (
        <ErrorBanner title={i18n.t('sites.list.removeFailedTitle', [removal.site])} message={i18n.t(`error.${removal.failure}`)} />
      )}
      <p role="status" className="site-list__outcome">
        {removal.state === 'removed' && i18n.t('sites.list.removed', [removal.site])}
      </p>
    </section>
  );
}
