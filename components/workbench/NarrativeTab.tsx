import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { z } from 'zod';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { MIN_NARRATIVE_LENGTH_KEY } from '@/lib/db/repositories/narrativeMinimum';
import { DEFAULT_MIN_NARRATIVE_LENGTH } from '@/lib/hints/rules';
import { DraftBar } from './DraftBar';
import { TemplateSection } from './TemplateSection';
import type { WorkbenchContext } from './types';
import { useDraftEditor, type SaveState } from './useDraftEditor';

const SAVE_STATE_KEYS = {
  saved: 'drafts.saved',
  unsaved: 'drafts.unsaved',
  saving: 'drafts.saving',
  failed: 'drafts.saveFailed',
  full: 'faults.storageFull',
} as const satisfies Record<SaveState, string>;

/** The user's minimum from the settings (as the hints judge it), else the default. */
function useMinimumLength(): number {
  const db = useDatabase();
  const setting = useLiveQuery(() => db.settings.get(MIN_NARRATIVE_LENGTH_KEY), [db]);
  return z.number().int().min(0).safeParse(setting?.value).data ?? DEFAULT_MIN_NARRATIVE_LENGTH;
}

/** "Narasi": the named drafts, the editor that saves as the user types, insert into the portal, templates. */
export function NarrativeTab(context: WorkbenchContext) {
  const { periodId, code, writer } = context;
  const editorId = useId();
  const editor = useDraftEditor(periodId, code, i18n.t('drafts.defaultName'));
  const minimum = useMinimumLength();
  if (editor.drafts === undefined) return null;

  const length = editor.text.length;
  const insert = async () => {
    await editor.flush();
    await writer.send({ type: 'narrative.insert', code, text: editor.text });
  };
  return (
    <div className="narrative">
      <DraftBar periodId={periodId} code={code} editor={editor} />
      <label htmlFor={editorId} className="narrative__label">
        {i18n.t('drafts.editorLabel')}
        {editor.active && <span className="muted"> — {editor.active.name}</span>}
      </label>
      <textarea
        id={editorId}
        className="narrative__editor input"
        rows={8}
        value={editor.text}
        aria-describedby={`${editorId}-count`}
        onChange={(event) => editor.edit(event.target.value)}
        onBlur={() => void editor.flush()}
      />
      <div className="narrative__meta">
        <p id={`${editorId}-count`} className={length < minimum ? 'narrative__count narrative__count--short' : 'narrative__count'}>
          {i18n.t('drafts.count', [length])} · {i18n.t('drafts.minimum', [minimum])}
          {length < minimum && ` · ${i18n.t('drafts.belowMinimum', [minimum - length])}`}
        </p>
        <p role="status" className={editor.saveState === 'failed' || editor.saveState === 'full' ? 'narrative__save narrative__save--failed' : 'narrative__save'}>
          {i18n.t(SAVE_STATE_KEYS[editor.saveState])}
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={editor.text.trim() === '' || writer.write.state === 'working'}
        onClick={() => void insert()}
      >
        {i18n.t('workbench.write.insert')}
      </button>
      <TemplateSection context={context} editor={editor} />
    </div>
  );
}
