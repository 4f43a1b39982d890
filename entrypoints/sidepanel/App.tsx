import { useMemo } from 'react';
import { i18n } from '#i18n';
import { ErrorBanner } from '@/components/ErrorBanner';
import { EvidenceLibrary } from '@/components/evidence/EvidenceLibrary';
import { HintSettings } from '@/components/hints/HintSettings';
import { NextGapButton } from '@/components/hints/NextGapButton';
import { IndicatorDetail } from '@/components/IndicatorDetail';
import { IndicatorList } from '@/components/IndicatorList';
import { PanelHeader } from '@/components/PanelHeader';
import { SiteAccessNotice } from '@/components/SiteAccessNotice';
import { TaughtPatternList, TeachPage } from '@/components/TeachPage';
import { UserSiteList } from '@/components/UserSiteList';
import { UnitProfileCard } from '@/components/workbench/UnitProfileCard';
import { useAnnounceContext } from '@/components/context/useAnnounceContext';
import { useWorkContext } from '@/components/context/useWorkContext';
import { useWeeklySnapshot } from '@/components/hooks/useWeeklySnapshot';
import { useFocusedIndicator } from '@/components/hooks/useFocusedIndicator';
import { useIndicatorRecords } from '@/components/hooks/useIndicatorRecords';
import { usePeriodHints } from '@/components/hooks/usePeriodHints';
import { type SiteStatus, useSiteAccess } from '@/components/hooks/useSiteAccess';
import { useTaughtPatterns } from '@/components/hooks/useTaughtPatterns';
import type { Hint } from '@/lib/hints/types';
import type { ProtocolErrorCode } from '@/lib/messaging/client';
import { LKE } from '@/lib/lke/template';
import { groupAnswerable } from '@/lib/ui/indicatorGroups';
import { statusesByCode } from '@/lib/ui/indicatorStatus';

const GROUPS = groupAnswerable(LKE);

/** The site of the portal tab beside the panel, where the extension runs; null for any other page. */
const portalSiteOf = (status: SiteStatus | null): string | null =>
  status?.page === 'web' && status.enabled !== 'no' ? status.site : null;
const NO_HINTS: readonly Hint[] = [];

export interface AppProps {
  /** `?code=` of the page URL: opens the panel on that indicator (end-to-end tests use it). */
  codeFromUrl: string | null;
}

/** The side panel. Needs a <DatabaseProvider> above it. */
export function App({ codeFromUrl }: AppProps) {
  const siteAccess = useSiteAccess();
  const site = portalSiteOf(siteAccess.status);
  const { state: context, refresh } = useWorkContext(site);
  const periodId = context.status === 'ready' ? context.context.periodId : null;
  const { pageStates, answers } = useIndicatorRecords(periodId);
  const { focusedCode, focus, portalTabId } = useFocusedIndicator(codeFromUrl);
  const periodHints = usePeriodHints(periodId);
  const statuses = useMemo(() => statusesByCode(LKE.answerable, periodHints.states), [periodHints.states]);
  const answered = [...statuses.values()].filter((status) => status.answer).length;
  const taught = useTaughtPatterns();
  // Writes go to the tab whose badge was clicked, else to the active tab.
  const portalTab = portalTabId ?? siteAccess.status?.tabId ?? null;
  useAnnounceContext(portalTab, periodId);
  useWeeklySnapshot(periodId);
  const session =
    context.status === 'ready'
      ? { unitId: context.context.unitId, periodId: context.context.periodId, year: context.context.year, tabId: portalTab }
      : null;

  return (
    <div className="panel">
      <PanelHeader context={context} answered={answered} total={LKE.answerable.length} site={site} onSwitched={refresh} />
      {context.status === 'failed' && <ContextErrorBanner failure={context.failure} onRetry={refresh} />}
      <main className="panel__main">
        <SiteAccessNotice status={siteAccess.status} enabling={siteAccess.enabling} onEnable={siteAccess.enable} />
        <IndicatorDetail
          code={focusedCode}
          pageState={focusedCode ? pageStates.get(focusedCode) : undefined}
          savedAnswer={focusedCode ? answers.get(focusedCode) : undefined}
          periodKnown={periodId !== null}
          session={session}
          hints={(focusedCode && periodHints.byCode.get(focusedCode)) || NO_HINTS}
          onSelect={focus}
        />
        <NextGapButton
          target={periodHints.nextGapAfter(focusedCode)}
          tabId={portalTab}
          onFocus={focus}
        />
        <IndicatorList
          groups={GROUPS}
          statuses={statuses}
          hintsByCode={periodHints.byCode}
          rollUp={periodHints.rollUp}
          focusedCode={focusedCode}
          onSelect={focus}
        />
        {periodId !== null && <EvidenceLibrary periodId={periodId} />}
        <TeachPage status={siteAccess.status} />
        {/* Settings have no page of their own yet; the list lives at the end of the panel until they do. */}
        <UserSiteList sites={siteAccess.sites} removal={siteAccess.removal} onRemove={siteAccess.disable} />
        <TaughtPatternList patterns={taught.patterns} onRemove={taught.remove} />
        {/* Keyed by unit: the form starts again from the unit switched to. */}
        {session && <UnitProfileCard key={session.unitId} unitId={session.unitId} />}
        <HintSettings />
      </main>
    </div>
  );
}

function ContextErrorBanner({ failure, onRetry }: { failure: ProtocolErrorCode; onRetry: () => void }) {
  return (
    <ErrorBanner
      title={i18n.t('sidepanel.error.contextTitle')}
      message={i18n.t(`error.${failure}`)}
      consequence={i18n.t('sidepanel.error.stillUsable')}
      actionLabel={i18n.t('sidepanel.error.retry')}
      onAction={onRetry}
    />
  );
}
