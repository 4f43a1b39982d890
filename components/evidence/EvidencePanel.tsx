import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import {
  addEvidenceFor,
  linkEvidence,
  listEvidenceOf,
  unlinkEvidence,
  updateEvidence,
  type LibraryEntry,
} from '@/lib/db/repositories/evidence';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Evidence } from '@/lib/db/schema';
import { matchesQuery } from '@/lib/evidence/form';
import { LKE } from '@/lib/lke/template';
import { httpUrl } from '@/lib/ui/presentation';
import { useDatabase } from '../DatabaseProvider';
import type { PortalWriter } from '../hooks/usePortalWriter';
import { EvidenceChecklist } from './EvidenceChecklist';
import { EvidenceDocument } from './EvidenceDocument';
import { draftOf, EvidenceForm } from './EvidenceForm';
import { EvidenceInsert } from './EvidenceInsert';
import { SearchField } from './SearchField';
import { useEvidenceLibrary, type EvidenceLibraryData } from './useEvidenceLibrary';

export interface EvidencePanelProps {
  /** The focused indicator's template code. */
  code: string;
  periodId: number;
  /** The side panel's writer for the portal tab (`usePortalWriter`). */
  writer: PortalWriter;
}

/** Which form is open: adding (with a type picked from the checklist) or editing a document. */
type OpenForm = { mode: 'add'; type: string } | { mode: 'edit'; id: number } | null;

/**
 * "Bukti dukung" of one indicator: its linked documents, the typical evidence still missing, adding
 * or linking documents of the period's library, and inserting the links into the portal.
 */
export function EvidencePanel(props: EvidencePanelProps) {
  // Selection and open forms belong to one indicator: moving to another starts afresh.
  return <IndicatorEvidence key={`${props.periodId}:${props.code}`} {...props} />;
}

function IndicatorEvidence({ code, periodId, writer }: EvidencePanelProps) {
  const database = useDatabase();
  const headingId = useId();
  const library = useEvidenceLibrary(periodId);
  // Undefined until the first query answers, so "nothing linked" is not flashed before the list.
  const loaded = useLiveQuery(() => listEvidenceOf(database, periodId, code), [database, periodId, code]);
  const linked = loaded ?? [];
  const [form, setForm] = useState<OpenForm>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [failed, setFailed] = useState(false);
  const checklist = LKE.byCode.get(code)?.evidenceChecklist ?? [];
  const entries = library.entries ?? [];
  const codesOf = new Map(entries.map((entry) => [entry.document.id, entry.codes]));
  const chosen = linked.filter((document) => selected.has(document.id));

  // Writes that are not a form's (link, unlink) report a refusal here instead of failing silently.
  const attempt = async (write: () => Promise<unknown>) => {
    setFailed(false);
    try {
      await write();
    } catch {
      setFailed(true);
    }
  };

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const editForm = (document: Stored<Evidence>) => (
    <EvidenceForm
      heading={i18n.t('evidence.form.editHeading')}
      submitLabel={i18n.t('evidence.form.save')}
      initial={draftOf(document)}
      typeOptions={checklist}
      library={entries}
      editingId={document.id}
      onSubmit={async (values) => {
        await updateEvidence(database, document.id, values);
        setForm(null);
      }}
      onCancel={() => setForm(null)}
    />
  );

  return (
    <section className="card evidence-panel" data-testid="evidence-panel" data-code={code} aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {i18n.t('evidence.panel.heading')}
      </h2>
      <EvidenceChecklist
        items={checklist}
        linkedTypes={linked.map((document) => document.type)}
        onAdd={(type) => setForm({ mode: 'add', type })}
      />
      <h3 className="detail__label">{i18n.t('evidence.panel.linked')}</h3>
      {loaded?.length === 0 ? (
        <p className="muted">{i18n.t('evidence.panel.empty')}</p>
      ) : (
        <ul className="evidence-list">
          {linked.map((document) => (
            <li key={document.id}>
              {form?.mode === 'edit' && form.id === document.id ? (
                editForm(document)
              ) : (
                <EvidenceDocument
                  document={document}
                  flags={library.flags.get(document.id) ?? []}
                  titleOf={library.titleOf}
                  codes={codesOf.get(document.id) ?? []}
                  currentCode={code}
                >
                  <div className="evidence-doc__actions">
                    <label className="toggle">
                      <input type="checkbox" checked={selected.has(document.id)} onChange={() => toggle(document.id)} />
                      {i18n.t('evidence.panel.select')}
                    </label>
                    <button type="button" className="button" onClick={() => setForm({ mode: 'edit', id: document.id })}>
                      {i18n.t('evidence.panel.edit')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={i18n.t('evidence.panel.unlinkLabel', [document.title])}
                      onClick={() => void attempt(() => unlinkEvidence(database, document.id, [code]))}
                    >
                      {i18n.t('evidence.panel.unlink')}
                    </button>
                  </div>
                </EvidenceDocument>
              )}
            </li>
          ))}
        </ul>
      )}
      <EvidenceInsert
        code={code}
        // Rows stored before the http(s) check would make the portal refuse the whole command.
        links={(chosen.length > 0 ? chosen : linked).flatMap((document) => httpUrl(document.url) ?? [])}
        selectedCount={chosen.length}
        writer={writer}
      />
      {failed && (
        <p role="alert" className="site-access__invalid">
          {i18n.t('evidence.library.failed')}
        </p>
      )}
      {form?.mode === 'add' ? (
        <EvidenceForm
          // A new type picked from the checklist starts a fresh form with that type.
          key={form.type}
          heading={i18n.t('evidence.form.addHeading')}
          submitLabel={i18n.t('evidence.form.saveAndLink')}
          initial={draftOf(null, form.type)}
          typeOptions={checklist}
          library={entries}
          onSubmit={async (values) => {
            await addEvidenceFor(database, { periodId, ...values }, code, new Date());
            setForm(null);
          }}
          onCancel={() => setForm(null)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setForm({ mode: 'add', type: '' })}>
          {i18n.t('evidence.panel.add')}
        </button>
      )}
      <LinkFromLibrary
        code={code}
        library={library}
        onLink={(id) => void attempt(() => linkEvidence(database, id, [code], new Date()))}
      />
    </section>
  );
}

interface LinkFromLibraryProps {
  code: string;
  library: EvidenceLibraryData;
  onLink: (id: number) => void;
}

/** "Tautkan dari pustaka": finds a document the team already added for another indicator. */
function LinkFromLibrary({ code, library, onLink }: LinkFromLibraryProps) {
  const [query, setQuery] = useState('');
  const candidates: LibraryEntry[] =
    query.trim() === ''
      ? []
      : (library.entries ?? []).filter(
          (entry) => !entry.codes.includes(code) && matchesQuery(entry.document, query.trim()),
        );
  return (
    <details className="evidence-link-existing">
      <summary>{i18n.t('evidence.panel.linkExisting')}</summary>
      <SearchField label={i18n.t('evidence.panel.search')} value={query} onChange={setQuery} />
      {query.trim() !== '' && candidates.length === 0 && <p className="muted">{i18n.t('evidence.panel.noMatch')}</p>}
      {candidates.length > 0 && (
        <ul className="evidence-list">
          {candidates.map(({ document, codes }) => (
            <li key={document.id}>
              <EvidenceDocument
                document={document}
                flags={library.flags.get(document.id) ?? []}
                titleOf={library.titleOf}
                codes={codes}
              >
                <button
                  type="button"
                  className="button"
                  aria-label={i18n.t('evidence.panel.linkLabel', [document.title])}
                  onClick={() => onLink(document.id)}
                >
                  {i18n.t('evidence.panel.link')}
                </button>
              </EvidenceDocument>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
