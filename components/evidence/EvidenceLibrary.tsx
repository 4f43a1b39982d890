import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { deleteEvidence, linkEvidence, updateEvidence, type LibraryEntry } from '@/lib/db/repositories/evidence';
import { matchesQuery, parseIndicatorCodes } from '@/lib/evidence/form';
import { LKE } from '@/lib/lke/template';
import { useDatabase } from '../DatabaseProvider';
import { EvidenceDocument } from './EvidenceDocument';
import { draftOf, EvidenceForm } from './EvidenceForm';
import { SearchField } from './SearchField';
import { useEvidenceLibrary, type EvidenceLibraryData } from './useEvidenceLibrary';

export interface EvidenceLibraryProps {
  periodId: number;
}

/**
 * "Pustaka bukti dukung": every document of the period, what each serves and what to check about
 * it; documents are edited, deleted or linked to several indicators at once here.
 */
export function EvidenceLibrary({ periodId }: EvidenceLibraryProps) {
  const headingId = useId();
  const library = useEvidenceLibrary(periodId);
  const [query, setQuery] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const entries = library.entries ?? [];
  const shown = entries.filter(
    (entry) => matchesQuery(entry.document, query.trim()) && (!flaggedOnly || library.flags.has(entry.document.id)),
  );
  return (
    <section className="card evidence-library" data-testid="evidence-library" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {i18n.t('evidence.library.heading')}{' '}
        <span className="evidence-library__count">{i18n.t('evidence.library.count', [entries.length])}</span>
      </h2>
      {library.entries !== undefined && entries.length === 0 ? (
        <p className="muted">{i18n.t('evidence.library.empty')}</p>
      ) : (
        <>
          <div className="evidence-library__filters">
            <SearchField label={i18n.t('evidence.library.search')} value={query} onChange={setQuery} />
            <label className="toggle">
              <input type="checkbox" checked={flaggedOnly} onChange={(event) => setFlaggedOnly(event.target.checked)} />
              {i18n.t('evidence.library.flaggedOnly')}
            </label>
          </div>
          {library.entries !== undefined && shown.length === 0 && (
            <p className="muted">{i18n.t('evidence.library.noMatch')}</p>
          )}
          <ul className="evidence-list">
            {shown.map((entry) => (
              <li key={entry.document.id}>
                <LibraryItem entry={entry} library={library} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type ItemMode = 'view' | 'edit' | 'confirmDelete';

/** What the last "Tautkan" did, for the line under the codes field. */
type LinkOutcome =
  | { state: 'idle' }
  | { state: 'linked'; count: number }
  | { state: 'noCodes' }
  | { state: 'unknown'; codes: string[] }
  | { state: 'failed' };

function linkOutcomeText(outcome: LinkOutcome): string {
  switch (outcome.state) {
    case 'idle':
      return '';
    case 'linked':
      return i18n.t('evidence.library.linked', [outcome.count]);
    case 'noCodes':
      return i18n.t('evidence.library.noCodes');
    case 'unknown':
      return i18n.t('evidence.library.unknownCodes', [outcome.codes.join(', ')]);
    case 'failed':
      return i18n.t('evidence.library.failed');
  }
}

function LibraryItem({ entry, library }: { entry: LibraryEntry; library: EvidenceLibraryData }) {
  const database = useDatabase();
  const codesId = useId();
  const { document, codes } = entry;
  const [mode, setMode] = useState<ItemMode>('view');
  const [codesText, setCodesText] = useState('');
  const [outcome, setOutcome] = useState<LinkOutcome>({ state: 'idle' });

  if (mode === 'edit') {
    return (
      <EvidenceForm
        heading={i18n.t('evidence.form.editHeading')}
        submitLabel={i18n.t('evidence.form.save')}
        initial={draftOf(document)}
        // The typical evidence of every indicator the document serves.
        typeOptions={[...new Set(codes.flatMap((code) => LKE.byCode.get(code)?.evidenceChecklist ?? []))]}
        library={library.entries ?? []}
        editingId={document.id}
        onSubmit={async (values) => {
          await updateEvidence(database, document.id, values);
          setMode('view');
        }}
        onCancel={() => setMode('view')}
      />
    );
  }

  // Nothing is linked unless every code is known: a typo should not link half of a list.
  const link = async (event: FormEvent) => {
    event.preventDefault();
    const { codes: parsed, unknown } = parseIndicatorCodes(codesText);
    if (unknown.length > 0) return setOutcome({ state: 'unknown', codes: unknown });
    if (parsed.length === 0) return setOutcome({ state: 'noCodes' });
    try {
      setOutcome({ state: 'linked', count: await linkEvidence(database, document.id, parsed, new Date()) });
      setCodesText('');
    } catch {
      setOutcome({ state: 'failed' });
    }
  };

  const remove = async () => {
    try {
      await deleteEvidence(database, document.id);
    } catch {
      setOutcome({ state: 'failed' });
    }
  };

  return (
    <EvidenceDocument
      document={document}
      flags={library.flags.get(document.id) ?? []}
      titleOf={library.titleOf}
      codes={codes}
    >
      <form className="evidence-library__link" onSubmit={link}>
        <label htmlFor={codesId}>{i18n.t('evidence.library.codes')}</label>
        <input
          id={codesId}
          className="site-access__input"
          placeholder={i18n.t('evidence.library.codesHint')}
          value={codesText}
          onChange={(event) => setCodesText(event.target.value)}
        />
        <button type="submit" className="button">
          {i18n.t('evidence.library.link')}
        </button>
        <p role="status" className={`evidence-library__outcome evidence-library__outcome--${outcome.state}`}>
          {linkOutcomeText(outcome)}
        </p>
      </form>
      {mode === 'confirmDelete' ? (
        <div className="evidence-doc__actions" role="group">
          <p>{i18n.t('evidence.library.deleteWarning', [codes.length])}</p>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {i18n.t('evidence.library.deleteConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setMode('view')}>
            {i18n.t('evidence.form.cancel')}
          </button>
        </div>
      ) : (
        <div className="evidence-doc__actions">
          <button type="button" className="button" onClick={() => setMode('edit')}>
            {i18n.t('evidence.panel.edit')}
          </button>
          <button type="button" className="button" onClick={() => setMode('confirmDelete')}>
            {i18n.t('evidence.library.delete')}
          </button>
        </div>
      )}
    </EvidenceDocument>
  );
}
