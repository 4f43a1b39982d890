import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { type PortalWrite, usePortalWriter } from '@/components/hooks/usePortalWriter';

export interface NextGapButtonProps {
  /** The indicator to go to: the next one with an error or warning; null when there is none. */
  target: string | null;
  /** The portal tab to highlight the row in; null when no portal tab is known. */
  tabId: number | null;
  /** Moves the panel's focus to an indicator. */
  onFocus: (code: string) => void;
}

function outcomeText(write: PortalWrite): string {
  if (write.state === 'idle' || write.state === 'working') return '';
  const { code } = write.command;
  if (write.state === 'done') return i18n.t('hintsPanel.nextGap.moved', [code]);
  if (write.reason === 'not_on_page') return i18n.t('hintsPanel.nextGap.notOnPage', [code]);
  return i18n.t('hintsPanel.nextGap.notSent', [code, i18n.t(`portalWrite.failure.${write.reason}`)]);
}

/**
 * "Kekurangan berikutnya": the panel moves first (it works without a portal tab), then the portal
 * is asked to scroll to that row; whether it could is said in a status line.
 */
export function NextGapButton({ target, tabId, onFocus }: NextGapButtonProps) {
  const statusId = useId();
  const { write, send } = usePortalWriter(tabId);
  // Set when a click found nothing to go to, so the status says why nothing moved.
  const [noGap, setNoGap] = useState(false);

  const go = () => {
    setNoGap(target === null);
    if (target === null) return;
    onFocus(target);
    void send({ type: 'row.focus', code: target });
  };

  return (
    <div className="next-gap">
      <button type="button" className="button" aria-describedby={statusId} onClick={go}>
        {i18n.t('hintsPanel.nextGap.button')}
      </button>
      <p id={statusId} role="status" className="next-gap__status">
        {noGap ? i18n.t('hintsPanel.nextGap.none') : outcomeText(write)}
      </p>
    </div>
  );
}
