import { i18n } from '#i18n';
import type { PortalWrite, PortalWriter } from '@/components/hooks/usePortalWriter';

/** Read-back texts can be whole narratives; the status line quotes their start. */
const QUOTE_CHARS = 160;

const quote = (text: string): string => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);

function message(write: PortalWrite): string {
  switch (write.state) {
    case 'idle':
      return '';
    case 'working':
      return write.command.type === 'field.undo' ? i18n.t('workbench.write.undoing') : i18n.t('workbench.write.working');
    case 'failed':
      return i18n.t(`portalWrite.failure.${write.reason}`);
    case 'done':
      if (write.command.type === 'field.undo') return i18n.t('workbench.write.undone');
      return write.readBack === ''
        ? i18n.t('workbench.write.insertedEmpty')
        : i18n.t('workbench.write.inserted', [quote(write.readBack)]);
  }
}

/**
 * The outcome of the last narrative write into the portal for this indicator: what the page holds
 * now (read back, shown as text only) or why it failed, with "Batalkan" while it can be undone.
 */
export function PortalWriteStatus({ code, writer }: { code: string; writer: PortalWriter }) {
  const { write, send } = writer;
  const mine = write.state !== 'idle' && write.command.code === code;
  const undoable = mine && write.state === 'done' && write.undoable && write.command.type === 'narrative.insert';
  return (
    <div className="workbench__write">
      {/* Stays in the page while empty, so the text put into it later is announced. */}
      <p role="status" className={write.state === 'failed' ? 'workbench__write-text workbench__write-text--failed' : 'workbench__write-text'}>
        {mine ? message(write) : ''}
      </p>
      {undoable && (
        <button type="button" className="button" onClick={() => void send({ type: 'field.undo', code, field: 'narrative' })}>
          {i18n.t('workbench.write.undo')}
        </button>
      )}
    </div>
  );
}
