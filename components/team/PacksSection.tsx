import { useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { formatDateTime } from '@/components/localeFormat';
import { applyPackImport, exportPack, type PackImportPlan, planPackImport } from '@/lib/db/repositories/packs';
import { MAX_PACK_CHARS, PACK_REJECTION_MESSAGES, parsePack, type ParsedPack } from '@/lib/interchange/pack';
import type { MergeChoice, MergeRow } from '@/lib/team/packMerge';
import { MemberSelect } from './MemberSelect';
import { indicatorLabel, saveFile, slug, translate } from './text';
import type { TeamData } from './useTeamData';

interface Props {
  periodId: number;
  year: number;
  team: TeamData;
}

const rejectionText = (name: string, result: Extract<ParsedPack, { ok: false }>) =>
  `${name}: ${translate(PACK_REJECTION_MESSAGES[result.reason], result.reason === 'too_large' ? [MAX_PACK_CHARS / 1024 / 1024] : result.reason === 'invalid' ? [result.path ?? ''] : [])}`;

/** Work packs: a PIC exports their indicators; the coordinator merges several with a preview. */
export function PacksSection({ periodId, year, team }: Props) {
  return (
    <section className="card" aria-labelledby="team-packs-heading">
      <h2 id="team-packs-heading">{i18n.t('packs.heading')}</h2>
      <p className="muted">{i18n.t('packs.intro')}</p>
      <PackExport periodId={periodId} year={year} team={team} />
      <PackImport periodId={periodId} />
    </section>
  );
}

function PackExport({ periodId, year, team }: Props) {
  const database = useDatabase();
  const [chosen, setChosen] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const memberId = chosen ?? team.me;

  const exportNow = async () => {
    if (memberId === null) return;
    try {
      const pack = await exportPack(database, { periodId, memberId, appVersion: browser.runtime.getManifest().version, now: new Date() });
      saveFile(JSON.stringify(pack), 'application/json', `paket-kerja-${slug(pack.data.pic.name)}-${year}-${new Date().toISOString().slice(0, 10)}.json`);
      setNote(i18n.t('packs.exported', [pack.data.items.length, pack.data.pic.name]));
    } catch {
      setNote(i18n.t('team.failed'));
    }
  };

  return (
    <section aria-labelledby="packs-export-heading">
      <h3 id="packs-export-heading">{i18n.t('packs.exportHeading')}</h3>
      <MemberSelect label={i18n.t('packs.member')} members={team.members} value={memberId} onChange={setChosen} noneLabel={i18n.t('team.assign.choose')} required />
      <button type="button" disabled={memberId === null} onClick={() => void exportNow()}>
        {i18n.t('packs.export')}
      </button>
      <p role="status">{note}</p>
    </section>
  );
}

function PackImport({ periodId }: { periodId: number }) {
  const database = useDatabase();
  const [plan, setPlan] = useState<PackImportPlan | null>(null);
  const [choices, setChoices] = useState<Map<string, MergeChoice>>(new Map());
  const [problems, setProblems] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);

  const read = async (files: readonly File[]) => {
    setPlan(null);
    setNote(null);
    const parsed = await Promise.all(files.map(async (file) => ({ name: file.name, result: await parsePack(await file.text()) })));
    setProblems(parsed.flatMap(({ name, result }) => (result.ok ? [] : [rejectionText(name, result)])));
    const packs = parsed.flatMap(({ result }) => (result.ok ? [result.pack] : []));
    if (packs.length === 0) return;
    const next = await planPackImport(database, periodId, packs);
    setChoices(new Map(next.rows.map((row) => [row.code, row.defaultChoice])));
    setPlan(next);
  };

  const apply = async (current: PackImportPlan) => {
    try {
      await applyPackImport(database, periodId, current, choices, new Date());
      const taken = current.rows.filter((row) => (choices.get(row.code) ?? row.defaultChoice) !== 'local' && row.status !== 'same').length;
      setPlan(null);
      setNote(i18n.t('packs.applied', [taken, current.packs.length]));
    } catch {
      setNote(i18n.t('team.failed'));
    }
  };

  return (
    <section aria-labelledby="packs-import-heading">
      <h3 id="packs-import-heading">{i18n.t('packs.importHeading')}</h3>
      <label className="field">
        {i18n.t('packs.importLabel')}
        <input
          type="file"
          multiple
          accept=".json,application/json"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            void read(files);
          }}
        />
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="notice notice--warning">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p role="status">{note}</p>
      {plan && <MergePreview plan={plan} choices={choices} onChoose={(code, choice) => setChoices(new Map(choices).set(code, choice))} onApply={() => void apply(plan)} onCancel={() => setPlan(null)} />}
    </section>
  );
}

interface PreviewProps {
  plan: PackImportPlan;
  choices: ReadonlyMap<string, MergeChoice>;
  onChoose: (code: string, choice: MergeChoice) => void;
  onApply: () => void;
  onCancel: () => void;
}

function MergePreview({ plan, choices, onChoose, onApply, onCancel }: PreviewProps) {
  const conflicts = plan.rows.filter((row) => row.status === 'conflict').length;
  return (
    <div className="pack-preview" data-testid="pack-preview">
      <h4>{i18n.t('packs.previewHeading')}</h4>
      <ul>
        {plan.summaries.map((summary, index) => (
          <li key={index} data-pack-pic={summary.pic}>
            {i18n.t('packs.summary', [summary.pic, summary.unitName, summary.year, summary.items])}
            {summary.otherPeriod && <strong className="overdue"> {i18n.t('packs.otherPeriod')}</strong>}
            {summary.assignmentConflicts.length > 0 && <span> {i18n.t('packs.assignmentConflicts', [summary.assignmentConflicts.join(', ')])}</span>}
          </li>
        ))}
      </ul>
      <p>{i18n.t('packs.conflictCount', [conflicts])}</p>
      <table className="team-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('packs.indicator')}</th>
            <th scope="col">{i18n.t('packs.from')}</th>
            <th scope="col">{i18n.t('packs.state')}</th>
            <th scope="col">{i18n.t('packs.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row) => (
            <MergeRowView key={row.code} row={row} choice={choices.get(row.code) ?? row.defaultChoice} onChoose={onChoose} />
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onApply}>
          {i18n.t('packs.apply')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {i18n.t('packs.cancel')}
        </button>
      </div>
    </div>
  );
}

function MergeRowView({ row, choice, onChoose }: { row: MergeRow; choice: MergeChoice; onChoose: PreviewProps['onChoose'] }) {
  return (
    <tr data-merge-row={row.code} data-merge-status={row.status}>
      <th scope="row">{indicatorLabel(row.code)}</th>
      <td>{row.candidates.map((candidate) => (candidate.item.changedAt > 0 ? `${candidate.pic} · ${formatDateTime(candidate.item.changedAt)}` : candidate.pic)).join('; ')}</td>
      <td>
        {row.status === 'conflict' && <span aria-hidden="true">⚠ </span>}
        {translate(`packs.status.${row.status}`)}
      </td>
      <td>
        {row.status === 'conflict' ? (
          <label>
            <span className="visually-hidden">{i18n.t('packs.choiceFor', [row.code])}</span>
            <select value={String(choice)} onChange={(event) => onChoose(row.code, event.currentTarget.value === 'local' ? 'local' : Number(event.currentTarget.value))}>
              <option value="local">{i18n.t('packs.keepLocal')}</option>
              {row.candidates.map((candidate) => (
                <option key={candidate.pack} value={candidate.pack}>
                  {i18n.t('packs.takeFrom', [candidate.pic])}
                </option>
              ))}
            </select>
          </label>
        ) : (
          i18n.t('packs.takeFrom', [row.candidates.find((candidate) => candidate.pack === choice)?.pic ?? ''])
        )}
      </td>
    </tr>
  );
}
