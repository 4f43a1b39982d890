import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { createDraft, deleteDraft, MAX_NAME_LENGTH, renameDraft, setActiveDraft } from '@/lib/db/repositories/drafts';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Draft } from '@/lib/db/schema';
import type { DraftEditor } from './useDraftEditor';
import { useOutcome } from './useOutcome';

type Naming = { mode: 'idle' } | { mode: 'new' | 'rename'; name: string; invalid: boolean };

/**
 * The indicator's named drafts: choose the active one, start, rename or delete one. Deleting asks
 * nothing because nothing is lost: the draft's texts stay in the history (Riwayat).
 */
export function DraftBar({ periodId, code, editor }: { periodId: number; code: string; editor: DraftEditor }) {
  const db = useDatabase();
  const selectId = useId();
  const nameId = useId();
  const [naming, setNaming] = useState<Naming>({ mode: 'idle' });
  const [outcome, run] = useOutcome(i18n.t('drafts.failed'));
  const drafts = editor.drafts ?? [];
  const active = editor.active;

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    if (naming.mode === 'idle') return;
    const name = naming.name.trim();
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      setNaming({ ...naming, invalid: true });
      return;
    }
    setNaming({ mode: 'idle' });
    void run(async () => {
      await editor.flush();
      if (naming.mode === 'rename' && active) {
        await renameDraft(db, active.id, name, new Date());
        return i18n.t('drafts.renamed', [name]);
      }
      const draft = await createDraft(db, { periodId, code, name }, new Date());
      await setActiveDraft(db, draft.id);
      return i18n.t('drafts.created', [name]);
    });
  };

  const remove = (draft: Stored<Draft>) =>
    void run(async () => {
      await editor.flush();
      await deleteDraft(db, draft.id);
      return i18n.t('drafts.deleted', [draft.name]);
    });

  return (
    <div className="drafts">
      {drafts.length > 0 && active ? (
        <div className="drafts__choice">
          <label htmlFor={selectId}>{i18n.t('drafts.select')}</label>
          <select id={selectId} className="input" value={active.id} onChange={(event) => void editor.choose(Number(event.target.value))}>
            {drafts.map((draft) => (
              <option key={draft.id} value={draft.id}>
                {draft.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">{i18n.t('drafts.none', [i18n.t('drafts.defaultName')])}</p>
      )}
      {naming.mode === 'idle' ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setNaming({ mode: 'new', name: i18n.t('drafts.newName', [drafts.length + 1]), invalid: false })}>
            {i18n.t('drafts.new')}
          </button>
          {active && (
            <>
              <button type="button" className="button" onClick={() => setNaming({ mode: 'rename', name: active.name, invalid: false })}>
                {i18n.t('drafts.rename')}
              </button>
              <button type="button" className="button" onClick={() => remove(active)}>
                {i18n.t('drafts.delete')}
              </button>
            </>
          )}
        </div>
      ) : (
        <form className="drafts__naming" onSubmit={submitName}>
          <label htmlFor={nameId}>{i18n.t('drafts.nameLabel')}</label>
          <input
            id={nameId}
            className="input"
            value={naming.name}
            maxLength={MAX_NAME_LENGTH + 1}
            aria-invalid={naming.invalid}
            aria-describedby={naming.invalid ? `${nameId}-problem` : undefined}
            autoFocus
            onChange={(event) => setNaming({ ...naming, name: event.target.value, invalid: false })}
          />
          {naming.invalid && (
            <p id={`${nameId}-problem`} className="field-problem">
              {i18n.t('drafts.invalidName', [MAX_NAME_LENGTH])}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button">
              {naming.mode === 'new' ? i18n.t('drafts.create') : i18n.t('drafts.saveName')}
            </button>
            <button type="button" className="button" onClick={() => setNaming({ mode: 'idle' })}>
              {i18n.t('drafts.cancel')}
            </button>
          </div>
        </form>
      )}
      <p role="status" className="workbench__outcome">
        {outcome}
      </p>
    </div>
  );
}
