import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { TabCommand } from '@/lib/messaging/protocol';
import type { Calibration } from '@/lib/portal/calibration';
import type { SiteStatus } from './hooks/useSiteAccess';
import type { TaughtPatterns } from './hooks/useTaughtPatterns';

export interface TeachPageProps {
  /** The page in the panel's window: teaching is offered where the extension runs. */
  status: SiteStatus | null;
}

/** "Ajari halaman ini": starts the teaching panel on the portal page in the panel's window. */
export function TeachPage({ status }: TeachPageProps) {
  const [failed, setFailed] = useState(false);
  if (status?.page !== 'web' || status.enabled === 'no') return null;
  const start = () => {
    setFailed(false);
    const command: TabCommand = { type: 'calibration.start' };
    browser.tabs.sendMessage(status.tabId, command).catch(() => setFailed(true));
  };
  return (
    <section className="card teach" data-testid="teach-page">
      <p className="muted">{i18n.t('calibration.startHint')}</p>
      <button type="button" className="button" onClick={start}>
        {i18n.t('calibration.start')}
      </button>
      <p role="status" className="teach__outcome">
        {failed && i18n.t('calibration.startFailed')}
      </p>
    </section>
  );
}

export interface TaughtPatternListProps {
  patterns: TaughtPatterns;
  onRemove: (calibration: Calibration) => void;
}

/** The taught patterns, one per site and path, each with a way to forget it. */
export function TaughtPatternList({ patterns, onRemove }: TaughtPatternListProps) {
  const headingId = useId();
  if (patterns.state !== 'ready' || patterns.calibrations.length === 0) return null;
  return (
    <section className="card site-list" aria-labelledby={headingId} data-testid="taught-patterns">
      <h2 id={headingId} className="section-heading">
        {i18n.t('calibration.listHeading')}
      </h2>
      <ul className="site-list__items">
        {patterns.calibrations.map((calibration) => (
          <li key={`${calibration.origin}${calibration.pathPattern}`} className="site-list__item">
            <code className="site-list__site">
              {calibration.origin}
              {calibration.pathPattern}
            </code>
            <button type="button" className="button" onClick={() => onRemove(calibration)}>
              {i18n.t('calibration.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
