import { i18n } from '#i18n';
import type { PortalCommand, PortalWrite, PortalWriter } from '../hooks/usePortalWriter';

export interface EvidenceInsertProps {
  code: string;
  /** The links to insert: the selected documents', else all linked ones. */
  links: readonly string[];
  /** How many documents are selected; 0 inserts all. */
  selectedCount: number;
  writer: PortalWriter;
}

/** Whether a command wrote (or undid) this indicator's evidence field. */
const isOwnEvidenceWrite = (command: PortalCommand, code: string): boolean =>
  command.code === code &&
  (command.type === 'evidence.insert' || (command.type === 'field.undo' && command.field === 'evidence'));

type Outcome = Exclude<PortalWrite, { state: 'idle' }>;

function outcomeText(write: Outcome): string {
  switch (write.state) {
    case 'working':
      return i18n.t(write.command.type === 'field.undo' ? 'evidence.panel.undoing' : 'evidence.panel.inserting');
    case 'done':
      return write.command.type === 'field.undo'
        ? i18n.t('evidence.panel.undone')
        : i18n.t('evidence.panel.inserted', [write.readBack]);
    case 'failed':
      return i18n.t(`portalWrite.failure.${write.reason}`);
  }
}

/**
 * "Sisipkan tautan ke portal": writes the links into the indicator's evidence field on the portal
 * page, shows what the field holds afterwards, and offers to put back what was there before.
 */
export function EvidenceInsert({ code, links, selectedCount, writer }: EvidenceInsertProps) {
  const { write: last } = writer;
  const write: Outcome | null = last.state !== 'idle' && isOwnEvidenceWrite(last.command, code) ? last : null;
  const working = write?.state === 'working';
  return (
    <div className="evidence-insert">
      <button
        type="button"
        className="button button--primary"
        disabled={links.length === 0 || working}
        onClick={() => void writer.send({ type: 'evidence.insert', code, links: [...links] })}
      >
        {selectedCount > 0
          ? i18n.t('evidence.panel.insertSelected', [selectedCount])
          : i18n.t('evidence.panel.insertAll')}
      </button>
      <p role="status" className={`evidence-insert__outcome evidence-insert__outcome--${write?.state ?? 'idle'}`}>
        {write && outcomeText(write)}
      </p>
      {write?.state === 'done' && write.command.type === 'evidence.insert' && write.undoable && (
        <button
          type="button"
          className="button"
          onClick={() => void writer.send({ type: 'field.undo', code, field: 'evidence' })}
        >
          {i18n.t('evidence.panel.undo')}
        </button>
      )}
    </div>
  );
}
