import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import type { PeriodOverview } from '@/components/periodOverview';
import { listEvaluatorNotes } from '@/lib/db/repositories/evaluatorNotes';
import { listSnapshots } from '@/lib/db/repositories/snapshots';
import { buildDigest, type Digest } from '@/lib/team/digest';
import { measureProgress, referenceSnapshot } from '@/lib/team/snapshot';
import type { Task } from '@/lib/team/tasks';
import { digestText } from './digestText';
import type { TeamData } from './useTeamData';

interface Props {
  periodId: number;
  year: number;
  team: TeamData;
  tasks: readonly Task[];
  overview: PeriodOverview;
  /** Offers the XLSX report of the digest (loaded only when asked for). */
  onReport: (digest: Digest) => Promise<void>;
}

/** The weekly leader digest as text to paste into WhatsApp or an e-mail, and the meeting workbook. */
export function DigestSection({ periodId, year, team, tasks, overview, onReport }: Props) {
  const database = useDatabase();
  const [note, setNote] = useState<string | null>(null);
  const history = useLiveQuery(async () => ({ snapshots: await listSnapshots(database, periodId), notes: await listEvaluatorNotes(database, periodId) }), [database, periodId]);
  const digest = useMemo(() => {
    if (!history) return null;
    const now = Date.now();
    const excluded = overview.assessments.excluded;
    return buildDigest({
      unitName: team.unit.name,
      year,
      target: team.unit.target,
      now,
      current: measureProgress(overview.hints, excluded.sheet),
      reference: referenceSnapshot(history.snapshots, now),
      tasks,
      memberNames: team.memberNames,
      events: team.events,
      notes: history.notes,
      verdict: excluded.verdicts[team.unit.target],
    });
  }, [history, overview, team, tasks, year]);
  if (!digest) return null;
  const text = digestText(digest);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(i18n.t('digest.copied'));
    } catch {
      setNote(i18n.t('digest.copyFailed'));
    }
  };
  const report = async () => {
    try {
      await onReport(digest);
      setNote(i18n.t('digest.reportSaved'));
    } catch {
      setNote(i18n.t('team.failed'));
    }
  };

  return (
    <section className="card" aria-labelledby="digest-heading">
      <h2 id="digest-heading">{i18n.t('digest.heading')}</h2>
      <p className="muted">{i18n.t('digest.intro')}</p>
      <label className="field digest-field">
        {i18n.t('digest.textLabel')}
        <textarea className="digest-text" readOnly value={text} rows={Math.min(44, text.split('\n').length + 4)} data-testid="digest-text" />
      </label>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {i18n.t('digest.copy')}
        </button>
        <button type="button" className="secondary" onClick={() => void report()}>
          {i18n.t('digest.reportButton')}
        </button>
      </div>
      <p role="status">{note}</p>
    </section>
  );
}
