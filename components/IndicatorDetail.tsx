import { useId } from 'react';
import { i18n } from '#i18n';
import type { Answer, PageState } from '@/lib/db/schema';
import type { Hint } from '@/lib/hints/types';
import type { Indicator } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';
import { criteriaRepeatsOptions, readableName } from '@/lib/ui/presentation';
import { OptionList } from './OptionList';
import { PortalState } from './PortalState';
import { RelatedIndicators } from './RelatedIndicators';
import { WORKBENCH_TABS } from './workbench/tabs';
import type { WorkbenchSession } from './workbench/types';
import { Workbench } from './workbench/Workbench';

export interface IndicatorDetailProps {
  /** The focused indicator code; null shows how to pick one. */
  code: string | null;
  pageState: PageState | undefined;
  savedAnswer: Answer | undefined;
  /** False while the active period is unknown, so nothing stored can be shown. */
  periodKnown: boolean;
  /** Where the user works; null until the active unit and period are known, which hides the workbench. */
  session: WorkbenchSession | null;
  /** The focused indicator's hints. */
  hints: readonly Hint[];
  onSelect: (code: string) => void;
}

/** The "Indikator saat ini" card: the indicator's description, then the workbench's tabs for it. */
export function IndicatorDetail({ code, pageState, savedAnswer, periodKnown, session, hints, onSelect }: IndicatorDetailProps) {
  const headingId = useId();
  const indicator = code ? LKE.byCode.get(code) : undefined;
  return (
    <section
      className="card detail"
      data-testid="indicator-detail"
      data-code={indicator?.code}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="section-heading">
        {i18n.t('sidepanel.detail.heading')}
      </h2>
      {indicator ? (
        <>
          <IndicatorDescription indicator={indicator} onSelect={onSelect} />
          <PortalState
            indicator={indicator}
            pageState={pageState}
            savedAnswer={savedAnswer}
            periodKnown={periodKnown}
          />
          {session && <Workbench code={indicator.code} session={session} hints={hints} tabs={WORKBENCH_TABS} />}
        </>
      ) : (
        <NoFocusedIndicator />
      )}
    </section>
  );
}

function IndicatorDescription({ indicator, onSelect }: { indicator: Indicator; onSelect: (code: string) => void }) {
  const criteriaInOptions = criteriaRepeatsOptions(indicator);
  return (
    <>
      <p className="detail__meta">
        <code className="code">{indicator.code}</code>
        <span className="chip">
          <span className="chip__label">{i18n.t('sidepanel.detail.answerType')}</span>{' '}
          {i18n.t(`answerType.${indicator.answerType}`)}
        </span>
      </p>
      <ol className="breadcrumb" aria-label={i18n.t('sidepanel.detail.breadcrumbLabel')}>
        {LKE.ancestors(indicator.code).map((node) => (
          <li key={node.code}>{readableName(node.name)}</li>
        ))}
      </ol>
      <h3 className="detail__label">{i18n.t('sidepanel.detail.question')}</h3>
      <p className="detail__question">{indicator.question}</p>
      {indicator.criteria && !criteriaInOptions && (
        <>
          <h3 className="detail__label">{i18n.t('sidepanel.detail.criteria')}</h3>
          <p className="detail__criteria">{indicator.criteria}</p>
        </>
      )}
      {indicator.options.length > 0 && (
        <>
          <h3 className="detail__label">
            {criteriaInOptions
              ? i18n.t('sidepanel.detail.criteriaAndOptions')
              : i18n.t('sidepanel.detail.options')}
          </h3>
          <OptionList options={indicator.options} />
        </>
      )}
      <RelatedIndicators indicator={indicator} onSelect={onSelect} />
    </>
  );
}

function NoFocusedIndicator() {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{i18n.t('sidepanel.detail.emptyTitle')}</p>
      <p>{i18n.t('sidepanel.detail.emptyHint')}</p>
    </div>
  );
}
