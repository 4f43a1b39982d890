import { useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import type { ActiveContext } from '@/components/hooks/useActiveContext';
import { getAnswer, saveAnswer } from '@/lib/db/repositories/answers';
import { type ImportChoice, type ImportPlan, applyImport, exportBackup, planImport, readBackup } from '@/lib/db/repositories/backup';
import { putIntoDraft } from '@/lib/db/repositories/drafts';
import { addEvidence, linkEvidence } from '@/lib/db/repositories/evidence';
import type { LkeDatabase } from '@/lib/db/schema';
import type { IndicatorState } from '@/lib/hints';
import { BACKUP_REJECTION_MESSAGES, BACKUP_TABLES, type BackupScope, MAX_BACKUP_CHARS } from '@/lib/interchange/backup';
import { buildJawabanUnit } from '@/lib/interchange/portalrb';
import { type LibrarySnapshot, type WorkbookEvidencePlan, planWorkbookEvidence } from '@/lib/interchange/workbookEvidence';

// Types only, named without a static import: test/unit/interchange/excel.test.ts keeps every
// static import of the excel module (and so exceljs) out of the extension's pages.
type ExcelLayout = import('@/lib/interchange/excel').ExcelLayout;
type ExcelProblem = import('@/lib/interchange/excel').ExcelProblem;
type ExcelValue = import('@/lib/interchange/excel').ExcelValue;

interface Props {
  context: ActiveContext;
  states: ReadonlyMap<string, IndicatorState>;
}

type Note = { tone: 'status' | 'alert'; text: string } | null;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands the bytes to the browser as a download; the object URL is freed once the click started it. */
function download(content: BlobPart, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}

/** e.g. `kpp-pratama-contoh-2026-backup-period-2026-11-28.json`: who, which year and when, so files do not overwrite each other. */
function fileName(context: ActiveContext, what: string, extension: string) {
  const unit = context.unitName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unit';
  return `${unit}-${context.year}-${what}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

// The problem's kind decides at run time which message and how many placeholders apply, which the
// generated per-key types of `i18n.t` cannot follow; lib/interchange's tests check the keys.
const translate = i18n.t as (key: string, substitutions?: (string | number)[]) => string;
const problemText = (problem: ExcelProblem) => translate(`excel.${problem.kind}`, Object.values(problem.params));

const rejectionText = (reason: keyof typeof BACKUP_REJECTION_MESSAGES, path?: string) =>
  reason === 'too_large'
    ? i18n.t(BACKUP_REJECTION_MESSAGES.too_large, [MAX_BACKUP_CHARS / 1024 / 1024])
    : reason === 'invalid'
      ? i18n.t(BACKUP_REJECTION_MESSAGES.invalid, [path ?? ''])
      : i18n.t(BACKUP_REJECTION_MESSAGES[reason]);

function NoteLine({ note }: { note: Note }) {
  // Both live regions stay mounted so screen readers announce the text when it appears.
  return (
    <>
      <p role="status">{note?.tone === 'status' && note.text}</p>
      <p role="alert" className={note?.tone === 'alert' ? 'notice notice--warning' : undefined}>
        {note?.tone === 'alert' && note.text}
      </p>
    </>
  );
}

const status = (text: string): Note => ({ tone: 'status', text });

/**
 * One piece of work at a time per part: `perform` shows `progress` while `work` runs, then the note
 * `work` returns, or `failure` as an alert when it throws.
 */
function useTask() {
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const perform = async (progress: string | null, failure: string, work: () => Promise<Note>) => {
    setBusy(true);
    setNote(progress === null ? null : status(progress));
    try {
      setNote(await work());
    } catch {
      setNote({ tone: 'alert', text: failure });
    } finally {
      setBusy(false);
    }
  };
  return { note, busy, perform };
}

/** A file input that hands over the chosen file and forgets it, so the same file can be chosen again. */
function FilePicker({ label, accept, disabled, onFile }: { label: string; accept: string; disabled: boolean; onFile: (file: File) => void }) {
  return (
    <label className="data-transfer__file">
      {label}
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

function ProblemList({ problems }: { problems: readonly ExcelProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="data-transfer__problems">
      {problems.map((problem, index) => (
        <li key={index}>{problemText(problem)}</li>
      ))}
    </ul>
  );
}

/** The dashboard card that moves data in and out: backups, LKE workbooks and PortalRB answers. */
export function DataTransfer({ context, states }: Props) {
  return (
    <section className="card data-transfer" aria-labelledby="data-transfer-heading">
      <h2 id="data-transfer-heading">{i18n.t('dataTransfer.heading')}</h2>
      <BackupPart context={context} />
      <ExcelPart context={context} states={states} />
      <section aria-labelledby="data-transfer-portalrb">
        <h3 id="data-transfer-portalrb">{i18n.t('dataTransfer.portalrb.heading')}</h3>
        <p className="muted">{i18n.t('dataTransfer.portalrb.intro')}</p>
        <button
          type="button"
          onClick={() => download(JSON.stringify(buildJawabanUnit(states), null, 2), 'application/json', fileName(context, 'jawaban-unit', 'json'))}
        >
          {i18n.t('dataTransfer.portalrb.export')}
        </button>
      </section>
    </section>
  );
}

function BackupPart({ context }: { context: ActiveContext }) {
  const database = useDatabase();
  const { note, busy, perform } = useTask();
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [choices, setChoices] = useState<Map<string, ImportChoice>>(new Map());

  const exportScope = (scope: BackupScope, what: string) =>
    perform(null, i18n.t('dataTransfer.backup.exportFailed'), async () => {
      const backup = await exportBackup(database, scope, { appVersion: browser.runtime.getManifest().version, exportedAt: Date.now() });
      download(JSON.stringify(backup), 'application/json', fileName(context, `backup-${what}`, 'json'));
      return status(i18n.t('dataTransfer.backup.exported'));
    });

  const readFile = (file: File) => {
    setPlan(null);
    return perform(i18n.t('dataTransfer.reading'), i18n.t('dataTransfer.backup.readFailed'), async () => {
      const parsed = await readBackup(database, await file.text());
      if (!parsed.ok) return { tone: 'alert', text: rejectionText(parsed.reason, parsed.path) };
      const next = await planImport(database, parsed.backup);
      setChoices(new Map(next.indicators.map((indicator) => [indicator.key, indicator.defaultChoice])));
      setPlan(next);
      return null;
    });
  };

  const apply = (current: ImportPlan) =>
    perform(i18n.t('dataTransfer.applying'), i18n.t('dataTransfer.backup.applyFailed'), async () => {
      await applyImport(database, current, choices);
      setPlan(null);
      const total = (kind: 'new' | 'changed' | 'conflict') => BACKUP_TABLES.reduce((sum, table) => sum + current.tables[table][kind], 0);
      return status(i18n.t('dataTransfer.backup.applied', [total('new'), total('changed') + total('conflict')]));
    });

  const differing = plan?.indicators.filter((indicator) => indicator.status === 'changed' || indicator.status === 'conflict') ?? [];
  return (
    <section aria-labelledby="data-transfer-backup">
      <h3 id="data-transfer-backup">{i18n.t('dataTransfer.backup.heading')}</h3>
      <p className="muted">{i18n.t('dataTransfer.backup.intro')}</p>
      <div className="data-transfer__actions">
        <button type="button" disabled={busy} onClick={() => exportScope({ kind: 'period', periodId: context.periodId }, 'period')}>
          {i18n.t('dataTransfer.backup.exportPeriod')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportScope({ kind: 'unit', unitId: context.unitId }, 'unit')}>
          {i18n.t('dataTransfer.backup.exportUnit')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportScope({ kind: 'all' }, 'all')}>
          {i18n.t('dataTransfer.backup.exportAll')}
        </button>
      </div>
      <FilePicker label={i18n.t('dataTransfer.backup.importLabel')} accept=".json,application/json" disabled={busy} onFile={readFile} />
      <NoteLine note={note} />
      {plan && (
        <div className="data-transfer__preview">
          <h4>{i18n.t('dataTransfer.backup.previewHeading')}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{i18n.t('dataTransfer.backup.table')}</th>
                <th scope="col">{i18n.t('dataTransfer.backup.new')}</th>
                <th scope="col">{i18n.t('dataTransfer.backup.changed')}</th>
                <th scope="col">{i18n.t('dataTransfer.backup.conflict')}</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLES.map((table) => (
                <tr key={table} data-table={table}>
                  <th scope="row">{i18n.t(`dataTransfer.tables.${table}`)}</th>
                  <td>{plan.tables[table].new}</td>
                  <td>{plan.tables[table].changed}</td>
                  <td>{plan.tables[table].conflict}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {differing.length > 0 && (
            <fieldset>
              <legend>{i18n.t('dataTransfer.backup.choicesLegend')}</legend>
              {differing.map((indicator) => (
                <label key={indicator.key} className="data-transfer__choice">
                  {i18n.t(`dataTransfer.backup.status.${indicator.status as 'changed' | 'conflict'}`, [indicator.code, indicator.unitName, indicator.year])}
                  <select
                    value={choices.get(indicator.key) ?? indicator.defaultChoice}
                    onChange={(event) => setChoices(new Map(choices).set(indicator.key, event.currentTarget.value as ImportChoice))}
                  >
                    <option value="file">{i18n.t('dataTransfer.backup.keepFile')}</option>
                    <option value="local">{i18n.t('dataTransfer.backup.keepLocal')}</option>
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <div className="data-transfer__actions">
            <button type="button" disabled={busy} onClick={() => apply(plan)}>
              {i18n.t('dataTransfer.backup.apply')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setPlan(null)}>
              {i18n.t('dataTransfer.backup.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

interface ExcelOutcome {
  kind: 'exported' | 'imported';
  layout: ExcelLayout | null;
  values: ReadonlyMap<string, ExcelValue>;
  problems: ExcelProblem[];
  /** What saving would add to the evidence library (read workbooks only). */
  evidence: WorkbookEvidencePlan | null;
}

/** The period's evidence library, as the workbook's links are matched against it. */
async function librarySnapshot(database: LkeDatabase, periodId: number): Promise<LibrarySnapshot> {
  const [documents, links] = await Promise.all([
    database.evidence.where('periodId').equals(periodId).toArray(),
    database.evidenceLinks.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray(),
  ]);
  return { documents, links };
}

interface SavedWorkbook {
  /** Indicators that got an answer, a narrative or an evidence link. */
  indicators: number;
  links: number;
}

/**
 * Writes a workbook's answers, narratives and evidence links into the period in one transaction,
 * so a failure leaves nothing half-written. Narratives go into each indicator's active draft, whose
 * previous text stays in its history; links become library documents (one per file, reused where
 * the library has it) linked to their indicators.
 */
function saveWorkbookValues(
  database: LkeDatabase,
  periodId: number,
  values: ReadonlyMap<string, ExcelValue>,
  names: { draft: string; evidence: (code: string) => string },
): Promise<SavedWorkbook> {
  const now = new Date();
  const tables = [database.periods, database.answers, database.revisions, database.drafts, database.settings, database.evidence, database.evidenceLinks];
  return database.transaction('rw', tables, async () => {
    const written = new Set<string>();
    for (const [code, { answer, narrative }] of values) {
      // A blank cell says nothing about the answer, so it never clears one.
      const writesAnswer = answer !== null && (await getAnswer(database, periodId, code))?.value !== answer;
      if (writesAnswer) await saveAnswer(database, { periodId, code, value: answer, source: 'user' }, now);
      if (narrative) await putIntoDraft(database, { periodId, code, text: narrative, asNewDraft: false, newDraftName: names.draft }, now);
      if (writesAnswer || narrative) written.add(code);
    }
    // Planned again inside the transaction: the library may have changed since the preview.
    const { links } = planWorkbookEvidence(values, await librarySnapshot(database, periodId));
    for (const { code, url } of links) {
      const document = await addEvidence(database, { periodId, title: names.evidence(code), url }, now);
      await linkEvidence(database, document.id, [code], now);
      written.add(code);
    }
    return { indicators: written.size, links: links.length };
  });
}

function ExcelPart({ context, states }: Props) {
  const database = useDatabase();
  const { note, busy, perform } = useTask();
  const [outcome, setOutcome] = useState<ExcelOutcome | null>(null);

  // exceljs is large: it is loaded only when the user asks for a workbook.
  const run = (work: () => Promise<ExcelOutcome>) => {
    setOutcome(null);
    return perform(i18n.t('dataTransfer.reading'), i18n.t('dataTransfer.excel.failed'), async () => {
      setOutcome(await work());
      return null;
    });
  };

  const exportLayout = (layout: ExcelLayout) =>
    run(async () => {
      const { exportWorkbook } = await import('@/lib/interchange/excel');
      const { bytes, problems } = await exportWorkbook(states, layout, { unit: context.unitName, year: context.year });
      download(bytes as Uint8Array<ArrayBuffer>, XLSX_TYPE, fileName(context, layout, 'xlsx'));
      return { kind: 'exported', layout, values: new Map(), problems, evidence: null };
    });

  const importFile = (file: File) =>
    run(async () => {
      const { importWorkbook } = await import('@/lib/interchange/excel');
      const { layout, values, problems } = await importWorkbook(await file.arrayBuffer());
      const evidence = planWorkbookEvidence(values, await librarySnapshot(database, context.periodId));
      return { kind: 'imported', layout, values, problems, evidence };
    });

  const saveValues = (values: ReadonlyMap<string, ExcelValue>) =>
    perform(i18n.t('dataTransfer.applying'), i18n.t('dataTransfer.excel.saveFailed'), async () => {
      const saved = await saveWorkbookValues(database, context.periodId, values, {
        draft: i18n.t('dataTransfer.excel.draftName'),
        evidence: (code) => i18n.t('dataTransfer.excel.evidenceTitle', [code]),
      });
      setOutcome(null);
      return status(
        saved.links > 0
          ? i18n.t('dataTransfer.excel.savedWithEvidence', [saved.indicators, saved.links])
          : i18n.t('dataTransfer.excel.saved', [saved.indicators]),
      );
    });

  return (
    <section aria-labelledby="data-transfer-excel">
      <h3 id="data-transfer-excel">{i18n.t('dataTransfer.excel.heading')}</h3>
      <div className="data-transfer__actions">
        <button type="button" disabled={busy} onClick={() => exportLayout('portalrb')}>
          {i18n.t('dataTransfer.excel.exportPortalrb')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportLayout('lampiran3')}>
          {i18n.t('dataTransfer.excel.exportLampiran3')}
        </button>
      </div>
      <FilePicker label={i18n.t('dataTransfer.excel.importLabel')} accept={`.xlsx,${XLSX_TYPE}`} disabled={busy} onFile={importFile} />
      <NoteLine note={note} />
      {outcome && (
        <div className="data-transfer__preview" data-excel-outcome={outcome.kind}>
          {outcome.kind === 'exported' ? (
            <p>{i18n.t('dataTransfer.excel.exported')}</p>
          ) : (
            <>
              <p>{outcome.layout ? i18n.t(`dataTransfer.excel.layout.${outcome.layout}`) : i18n.t('dataTransfer.excel.layout.none')}</p>
              <p>{i18n.t('dataTransfer.excel.found', [outcome.values.size])}</p>
              {outcome.evidence && outcome.evidence.links.length > 0 && (
                <p data-excel-evidence={outcome.evidence.links.length}>
                  {i18n.t('dataTransfer.excel.evidenceFound', [outcome.evidence.links.length, outcome.evidence.newDocuments])}
                </p>
              )}
              {outcome.evidence && outcome.evidence.notLinks > 0 && <p>{i18n.t('dataTransfer.excel.evidenceNotLinks', [outcome.evidence.notLinks])}</p>}
            </>
          )}
          <ProblemList problems={outcome.problems} />
          {outcome.kind === 'imported' && outcome.values.size > 0 && (
            <>
              <p className="muted">{i18n.t('dataTransfer.excel.saveIntro')}</p>
              <div className="data-transfer__actions">
                <button type="button" disabled={busy} onClick={() => saveValues(outcome.values)}>
                  {i18n.t('dataTransfer.excel.save')}
                </button>
                <button type="button" className="secondary" disabled={busy} onClick={() => setOutcome(null)}>
                  {i18n.t('dataTransfer.backup.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
