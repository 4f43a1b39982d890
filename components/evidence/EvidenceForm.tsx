import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { EvidenceChanges, LibraryEntry } from '@/lib/db/repositories/evidence';
import type { Evidence } from '@/lib/db/schema';
import { documentKey } from '@/lib/evidence/documentKey';
import { checkEvidenceDraft, parseDocumentDate, type EvidenceDraft } from '@/lib/evidence/form';

/** The form's fields for a document, or empty ones (with a type chosen from the checklist). */
export function draftOf(document: Evidence | null, type = ''): EvidenceDraft {
  return {
    title: document?.title ?? '',
    url: document?.url ?? '',
    documentDate: document?.documentDate ?? '',
    type: document?.type ?? type,
    note: document?.note ?? '',
  };
}

/** What the form hands over once every field is valid: the values as stored. */
export type EvidenceValues = Required<EvidenceChanges>;

export interface EvidenceFormProps {
  heading: string;
  submitLabel: string;
  initial: EvidenceDraft;
  /** Offered in the "Jenis" field: the indicator's typical evidence; free text is accepted too. */
  typeOptions: readonly string[];
  /** The period's library, to say when the link is a document already there. */
  library: readonly LibraryEntry[];
  /** The document being edited, which is not a duplicate of itself. */
  editingId?: number;
  /** Rejects when the database refused the write; the form then stays open with a message. */
  onSubmit: (values: EvidenceValues) => Promise<void>;
  onCancel: () => void;
}

type Field = keyof EvidenceDraft;

/** Adds or edits a library document. Problems are shown after the first submit, then as the user types. */
export function EvidenceForm({ heading, submitLabel, initial, typeOptions, library, editingId, onSubmit, onCancel }: EvidenceFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const problems = submitted ? checkEvidenceDraft(draft) : {};
  const key = draft.url.trim() === '' ? null : documentKey(draft.url);
  const existing = library.find((entry) => entry.document.id !== editingId && documentKey(entry.document.url) === key);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(checkEvidenceDraft(draft)).length > 0) return;
    setSaving(true);
    setFailed(false);
    try {
      await onSubmit({
        title: draft.title,
        url: draft.url,
        documentDate: parseDocumentDate(draft.documentDate) ?? null,
        type: draft.type,
        note: draft.note.trim(),
      });
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  const problemText: Record<'title' | 'url' | 'documentDate', string | undefined> = {
    title: problems.title && i18n.t(`evidence.problem.title.${problems.title}`),
    url: problems.url && i18n.t(`evidence.problem.url.${problems.url}`),
    documentDate: problems.documentDate && i18n.t(`evidence.problem.documentDate.${problems.documentDate}`),
  };

  const textField = (field: 'title' | 'url' | 'documentDate', label: string, hint?: string) => {
    const problem = problemText[field];
    const describedBy = [hint && `${id}-${field}-hint`, problem && `${id}-${field}-problem`].filter(Boolean).join(' ');
    return (
      <div className="evidence-form__field">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          className="site-access__input"
          type={field === 'url' ? 'url' : 'text'}
          value={draft[field]}
          onChange={set(field)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {hint && (
          <p id={`${id}-${field}-hint`} className="muted">
            {hint}
          </p>
        )}
        {problem && (
          <p id={`${id}-${field}-problem`} className="site-access__invalid">
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="evidence-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="detail__label">
        {heading}
      </h4>
      {textField('title', i18n.t('evidence.form.title'))}
      {textField('url', i18n.t('evidence.form.url'))}
      {existing && (
        <p className="evidence-form__existing" role="status">
          {editingId === undefined
            ? i18n.t('evidence.form.existing', [existing.document.title])
            : // Editing cannot merge two entries; saving keeps both, flagged as duplicates.
              i18n.t('evidence.flag.duplicate.explanation', [`"${existing.document.title}"`])}
        </p>
      )}
      {textField('documentDate', i18n.t('evidence.form.documentDate'), i18n.t('evidence.form.documentDateHint'))}
      <div className="evidence-form__field">
        <label htmlFor={`${id}-type`}>{i18n.t('evidence.form.type')}</label>
        <input
          id={`${id}-type`}
          className="site-access__input"
          list={typeOptions.length > 0 ? `${id}-types` : undefined}
          value={draft.type}
          onChange={set('type')}
          aria-describedby={typeOptions.length > 0 ? `${id}-type-hint` : undefined}
        />
        {typeOptions.length > 0 && (
          <>
            <datalist id={`${id}-types`}>
              {typeOptions.map((option) => (
                <option key={option} value={option} />
              ))}
            </datalist>
            <p id={`${id}-type-hint`} className="muted">
              {i18n.t('evidence.form.typeHint')}
            </p>
          </>
        )}
      </div>
      <div className="evidence-form__field">
        <label htmlFor={`${id}-note`}>{i18n.t('evidence.form.note')}</label>
        <textarea id={`${id}-note`} className="site-access__input" rows={2} value={draft.note} onChange={set('note')} />
      </div>
      {failed && (
        <p role="alert" className="site-access__invalid">
          {i18n.t('evidence.form.failed')}
        </p>
      )}
      <div className="evidence-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {i18n.t('evidence.form.cancel')}
        </button>
      </div>
    </form>
  );
}
