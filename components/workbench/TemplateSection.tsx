import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { MAX_NAME_LENGTH, putIntoDraft } from '@/lib/db/repositories/drafts';
import { createTemplate, deleteTemplate, listTemplates } from '@/lib/db/repositories/templates';
import { fillTemplate, TEMPLATE_VARIABLES, type FilledTemplate } from '@/lib/narrative/template';
import type { WorkbenchContext } from './types';
import type { DraftEditor } from './useDraftEditor';
import { useOutcome } from './useOutcome';
import { useTemplateValues } from './useTemplateValues';

const braces = (names: readonly string[]) => names.map((name) => `{${name}}`).join(', ');

/** The variables a filled template could not fill, for the user to complete. */
function TemplateFlags({ filled }: { filled: FilledTemplate }) {
  return (
    <>
      {filled.missing.length > 0 && <p className="template__flag">{i18n.t('templates.missing', [braces(filled.missing)])}</p>}
      {filled.unknown.length > 0 && <p className="template__flag">{i18n.t('templates.unknown', [braces(filled.unknown)])}</p>}
    </>
  );
}

/**
 * Narrative templates: apply one (filled from the unit profile and year) into the active draft or
 * a new one, the replaced text staying in the history; save the current draft as a template.
 */
export function TemplateSection({ context, editor }: { context: WorkbenchContext; editor: DraftEditor }) {
  const { periodId, code, unitId, year } = context;
  const db = useDatabase();
  const headingId = useId();
  const selectId = useId();
  const nameId = useId();
  const templates = useLiveQuery(() => listTemplates(db, code), [db, code]);
  const values = useTemplateValues(unitId, year);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [forAnyIndicator, setForAnyIndicator] = useState(false);
  const [nameInvalid, setNameInvalid] = useState(false);
  const [outcome, run] = useOutcome(i18n.t('templates.failed'));

  const chosen = templates?.find((template) => template.id === chosenId) ?? templates?.[0];
  const filled = chosen && values ? fillTemplate(chosen.text, values) : undefined;

  const apply = (asNewDraft: boolean) => {
    if (!chosen || !filled) return;
    void run(async () => {
      await editor.flush();
      const draft = await putIntoDraft(db, { periodId, code, text: filled.text, asNewDraft, newDraftName: chosen.name }, new Date());
      return i18n.t('templates.applied', [chosen.name, draft.name]);
    });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
      setNameInvalid(true);
      return;
    }
    void run(async () => {
      await editor.flush();
      const template = await createTemplate(db, { name: trimmed, code: forAnyIndicator ? null : code, text: editor.text }, new Date());
      setChosenId(template.id);
      setName('');
      return i18n.t('templates.saved', [template.name]);
    });
  };

  const remove = () => {
    if (!chosen) return;
    void run(async () => {
      await deleteTemplate(db, chosen.id);
      setChosenId(null);
      return i18n.t('templates.deleted', [chosen.name]);
    });
  };

  return (
    <section className="template" aria-labelledby={headingId}>
      <h4 id={headingId} className="workbench__heading">
        {i18n.t('templates.heading')}
      </h4>
      {templates && templates.length === 0 && <p className="muted">{i18n.t('templates.none')}</p>}
      {chosen && (
        <>
          <label htmlFor={selectId}>{i18n.t('templates.select')}</label>
          <select id={selectId} className="input" value={chosen.id} onChange={(event) => setChosenId(Number(event.target.value))}>
            {templates?.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} ({template.code === null ? i18n.t('templates.forAny') : i18n.t('templates.forIndicator')})
              </option>
            ))}
          </select>
          {filled && (
            <>
              <p className="detail__label">{i18n.t('templates.preview')}</p>
              <p className="template__preview" data-testid="template-preview">
                {filled.text}
              </p>
              <TemplateFlags filled={filled} />
            </>
          )}
          <div className="button-row">
            <button type="button" className="button" disabled={!filled} onClick={() => apply(false)}>
              {i18n.t('templates.applyToDraft')}
            </button>
            <button type="button" className="button" disabled={!filled} onClick={() => apply(true)}>
              {i18n.t('templates.applyAsNew')}
            </button>
            <button type="button" className="button" onClick={remove}>
              {i18n.t('templates.delete')}
            </button>
          </div>
        </>
      )}
      <form className="template__save" onSubmit={save}>
        <label htmlFor={nameId}>{i18n.t('templates.nameLabel')}</label>
        <input
          id={nameId}
          className="input"
          value={name}
          maxLength={MAX_NAME_LENGTH + 1}
          aria-invalid={nameInvalid}
          aria-describedby={nameInvalid ? `${nameId}-problem` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setNameInvalid(false);
          }}
        />
        {nameInvalid && (
          <p id={`${nameId}-problem`} className="field-problem">
            {i18n.t('templates.invalidName', [MAX_NAME_LENGTH])}
          </p>
        )}
        <label className="toggle">
          <input type="checkbox" checked={forAnyIndicator} onChange={(event) => setForAnyIndicator(event.target.checked)} />
          {i18n.t('templates.anyIndicator')}
        </label>
        <button type="submit" className="button" disabled={editor.text.trim() === ''}>
          {i18n.t('templates.save')}
        </button>
        <p className="muted">
          {i18n.t('templates.variables')}{' '}
          {TEMPLATE_VARIABLES.map((variable) => (
            <code key={variable} className="code template__variable">{`{${variable}}`}</code>
          ))}
        </p>
      </form>
      <p role="status" className="workbench__outcome">
        {outcome}
      </p>
    </section>
  );
}
