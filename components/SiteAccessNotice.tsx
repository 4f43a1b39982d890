import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { siteOfAddress } from '@/lib/portal/site-access';
import { ErrorBanner } from './ErrorBanner';
import type { Enabling, SiteStatus } from './hooks/useSiteAccess';

export interface SiteAccessNoticeProps {
  status: SiteStatus | null;
  enabling: Enabling;
  /** Must ask for the permission synchronously: it is called inside the user's click. */
  onEnable: (site: string) => void;
}

/**
 * "Asisten LKE belum aktif di situs ini": shown when the page in the panel's window is a web page
 * the extension does not run on, with the way to enable it, and what came of the last attempt.
 */
export function SiteAccessNotice({ status, enabling, onEnable }: SiteAccessNoticeProps) {
  const asking = enabling.state === 'asking';
  return (
    <>
      {status?.page === 'web' && status.enabled === 'no' && (
        <NotActiveCard intro={i18n.t('sites.notice.intro')}>
          <p>
            {i18n.t('sites.notice.siteLabel')}: <code className="site-access__site">{status.site}</code>
          </p>
          <button type="button" className="button" disabled={asking} onClick={() => onEnable(status.site)}>
            {asking ? i18n.t('sites.notice.asking') : i18n.t('sites.notice.enable')}
          </button>
        </NotActiveCard>
      )}
      {status?.page === 'hidden' && (
        <NotActiveCard intro={i18n.t('sites.notice.hiddenIntro')}>
          <AddressForm asking={asking} onEnable={onEnable} />
        </NotActiveCard>
      )}
      <EnablingOutcome enabling={enabling} />
    </>
  );
}

function NotActiveCard({ intro, children }: { intro: string; children: React.ReactNode }) {
  const titleId = useId();
  return (
    <section className="card site-access" aria-labelledby={titleId} data-testid="site-access">
      <h2 id={titleId} className="site-access__title">
        {i18n.t('sites.notice.title')}
      </h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}

/** Browsers hide the address of a tab the extension may not access yet, so the user supplies it. */
function AddressForm({ asking, onEnable }: { asking: boolean; onEnable: (site: string) => void }) {
  const inputId = useId();
  const invalidId = useId();
  const [address, setAddress] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const site = siteOfAddress(address);
    setInvalid(site === null);
    if (site) onEnable(site);
  };

  return (
    <form className="site-access__form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{i18n.t('sites.notice.addressLabel')}</label>
      <input
        id={inputId}
        className="site-access__input"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={address}
        aria-invalid={invalid}
        aria-describedby={invalid ? invalidId : undefined}
        onChange={(event) => {
          setAddress(event.target.value);
          setInvalid(false);
        }}
      />
      {invalid && (
        <p id={invalidId} className="site-access__invalid">
          {i18n.t('sites.notice.invalidAddress')}
        </p>
      )}
      <button type="submit" className="button" disabled={asking}>
        {asking ? i18n.t('sites.notice.asking') : i18n.t('sites.notice.enable')}
      </button>
    </form>
  );
}

function EnablingOutcome({ enabling }: { enabling: Enabling }) {
  if (enabling.state === 'failed') {
    return (
      <ErrorBanner
        title={i18n.t('sites.outcome.failedTitle', [enabling.site])}
        message={
          enabling.failure === 'permission' ? i18n.t('sites.outcome.permissionFailed') : i18n.t(`error.${enabling.failure}`)
        }
        consequence={i18n.t('sites.outcome.stillUsable')}
      />
    );
  }
  // One live region that stays in the page, so screen readers announce the text put into it.
  return (
    <p role="status" className="site-access__outcome">
      {enabling.state === 'enabled' && i18n.t('sites.outcome.enabled', [enabling.site])}
      {enabling.state === 'declined' && i18n.t('sites.outcome.declined', [enabling.site])}
    </p>
  );
}
