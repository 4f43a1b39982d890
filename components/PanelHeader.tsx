import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ContextSwitcher } from './context/ContextSwitcher';
import type { ActiveContextState } from './hooks/useActiveContext';

export interface PanelHeaderProps {
  context: ActiveContextState;
  answered: number;
  total: number;
  /** The portal site beside the panel, which remembers the unit and period chosen here; null for none. */
  site: string | null;
  /** Called after the user switched unit or period. */
  onSwitched: () => void;
}

export function PanelHeader({ context, answered, total, site, onSwitched }: PanelHeaderProps) {
  return (
    <header className="panel-header">
      <div className="panel-header__top">
        <h1 className="panel-header__title">{i18n.t('sidepanel.title')}</h1>
        {/* A page of the extension's own, opened in a tab: the score needs more room than the panel. */}
        <a className="panel-header__dashboard" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
          {i18n.t('sidepanel.header.dashboard')}
        </a>
        <a className="panel-header__dashboard" href={browser.runtime.getURL('/team.html')} target="_blank" rel="noopener">
          {i18n.t('team.open')}
        </a>
      </div>
      {context.status === 'loading' && (
        <p className="panel-header__unit">{i18n.t('sidepanel.header.loadingContext')}</p>
      )}
      {context.status === 'ready' && (
        <p className="panel-header__unit">
          <span className="panel-header__unit-name">{context.context.unitName}</span>
          <span className="panel-header__period">
            {i18n.t('sidepanel.header.unitYear', [context.context.year])}
          </span>
        </p>
      )}
      {context.status === 'ready' && <ContextSwitcher current={context.context} site={site} onSwitched={onSwitched} />}
      <p className="panel-header__count" data-testid="answered-count">
        {i18n.t('sidepanel.header.answeredCount', [answered, total])}
      </p>
      <div className="progress" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${total ? (answered / total) * 100 : 0}%` }} />
      </div>
    </header>
  );
}
