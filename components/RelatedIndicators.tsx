import { i18n } from '#i18n';
import type { Indicator } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';

/** Links a "Jumlah" count input to the percentage it feeds, and a percentage to its inputs. */
export function RelatedIndicators({ indicator, onSelect }: { indicator: Indicator; onSelect: (code: string) => void }) {
  const percentage = indicator.inputOf ? LKE.byCode.get(indicator.inputOf) : undefined;
  const inputs = indicator.inputs.flatMap((code) => LKE.byCode.get(code) ?? []);
  return (
    <>
      {percentage && (
        <>
          <h3 className="detail__label">{i18n.t('sidepanel.detail.feedsPercentage')}</h3>
          <IndicatorLink indicator={percentage} onSelect={onSelect} />
        </>
      )}
      {inputs.length > 0 && (
        <>
          <h3 className="detail__label">{i18n.t('sidepanel.detail.computedFrom')}</h3>
          <ul className="related">
            {inputs.map((input) => (
              <li key={input.code}>
                <IndicatorLink indicator={input} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function IndicatorLink({ indicator, onSelect }: { indicator: Indicator; onSelect: (code: string) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onSelect(indicator.code)}>
      <code className="code">{indicator.code}</code> {indicator.question}
    </button>
  );
}
