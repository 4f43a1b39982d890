import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { formatDateTime } from '@/components/localeFormat';
import { addEvaluatorNote, listEvaluatorNotes, removeEvaluatorNote } from '@/lib/db/repositories/evaluatorNotes';
import { followUpFromNote, followUpTarget, isWaitingForNextPeriod, listFollowUps, setFollowUpDone } from '@/lib/db/repositories/followUps';
import type { EvaluatorNote } from '@/lib/db/schema';
import type { IndicatorState } from '@/lib/hints';
import { ANSWERABLE_CODES } from '@/lib/team/scope';
import { ActionForm } from './ActionForm';
import { indicatorLabel } from './text';

interface Props {
  periodId: number;
  states: ReadonlyMap<string, IndicatorState>;
}

/** TPI/TPN notes and scores beside the unit's own answer, and the follow-ups drawn from them. */
export function EvaluatorNotesSection({ periodId, states }: Props) {
  const database = useDatabase();
  const data = useLiveQuery(async () => {
    const notes = await listEvaluatorNotes(database, periodId);
    const target = await followUpTarget(database, periodId);
    const followUps = await listFollowUps(database, [...new Set([periodId, target.periodId])]);
    return { notes, target, followUps, notePeriods: new Map(notes.map((note) => [note.id, note.periodId])) };
  }, [database, periodId]);

  return (
    <section className="card" aria-labelledby="evaluator-heading">
      <h2 id="evaluator-heading">{i18n.t('team.evaluator.heading')}</h2>
      <p className="muted">{i18n.t('team.evaluator.intro')}</p>
      <NoteForm periodId={periodId} />
      {data && data.notes.length > 0 && (
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('team.evaluator.indicator')}</th>
              <th scope="col">{i18n.t('team.evaluator.unitAnswer')}</th>
              <th scope="col">{i18n.t('team.evaluator.evaluator')}</th>
              <th scope="col">{i18n.t('team.evaluator.score')}</th>
              <th scope="col">{i18n.t('team.evaluator.note')}</th>
              <th scope="col">{i18n.t('team.evaluator.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {data.notes.map((note) => (
              <tr key={note.id}>
                <th scope="row">{indicatorLabel(note.code)}</th>
                <td>{states.get(note.code)?.answer ?? i18n.t('team.evaluator.noAnswer')}</td>
                <td>{note.evaluator}</td>
                <td>{note.score ?? '—'}</td>
                <td>
                  {note.note}
                  <div className="muted">{formatDateTime(note.createdAt)}</div>
                </td>
                <td>
                  <FollowUpButton note={note} nextPeriod={data.target.nextPeriod} />
                  <button type="button" className="secondary" onClick={() => removeEvaluatorNote(database, note.id)}>
                    {i18n.t('team.evaluator.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.followUps.length > 0 && (
        <section aria-labelledby="followups-heading">
          <h3 id="followups-heading">{i18n.t('team.evaluator.followUpsHeading')}</h3>
          <ul className="task-list">
            {data.followUps.map((followUp) => (
              <li key={followUp.id} className="task">
                <label>
                  <input type="checkbox" checked={followUp.doneAt !== null} onChange={(event) => setFollowUpDone(database, followUp.id, event.currentTarget.checked, new Date())} />{' '}
                  {followUp.code}: {followUp.text}
                </label>
                {isWaitingForNextPeriod(followUp, followUp.sourceNoteId === null ? undefined : data.notePeriods.get(followUp.sourceNoteId)) && (
                  <span className="tag">{i18n.t('team.evaluator.waiting')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function NoteForm({ periodId }: { periodId: number }) {
  const database = useDatabase();
  const [code, setCode] = useState('');
  const [evaluator, setEvaluator] = useState<EvaluatorNote['evaluator']>('TPI');
  const [score, setScore] = useState('');
  const [text, setText] = useState('');
  const submit = async () => {
    await addEvaluatorNote(database, { periodId, code, evaluator, note: text, score: score || null }, new Date());
    setText('');
    setScore('');
    return null;
  };
  return (
    <ActionForm className="inline-form" action={submit} failure={() => i18n.t('team.evaluator.invalid')}>
      <label className="field field--wide">
        {i18n.t('team.evaluator.indicator')}
        <select required value={code} onChange={(event) => setCode(event.currentTarget.value)}>
          <option value="">{i18n.t('team.assign.choose')}</option>
          {ANSWERABLE_CODES.map((option) => (
            <option key={option} value={option}>
              {indicatorLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {i18n.t('team.evaluator.evaluator')}
        <select value={evaluator} onChange={(event) => setEvaluator(event.currentTarget.value as EvaluatorNote['evaluator'])}>
          <option value="TPI">TPI</option>
          <option value="TPN">TPN</option>
        </select>
      </label>
      <label className="field">
        {i18n.t('team.evaluator.score')}
        <input type="text" value={score} maxLength={40} onChange={(event) => setScore(event.currentTarget.value)} />
      </label>
      <label className="field field--wide">
        {i18n.t('team.evaluator.note')}
        <textarea value={text} rows={2} maxLength={20000} onChange={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit">{i18n.t('team.evaluator.add')}</button>
    </ActionForm>
  );
}

function FollowUpButton({ note, nextPeriod }: { note: EvaluatorNote & { id: number }; nextPeriod: boolean }) {
  const database = useDatabase();
  const [done, setDone] = useState(false);
  if (done) return <span role="status">{i18n.t(nextPeriod ? 'team.evaluator.followUpNext' : 'team.evaluator.followUpKept')}</span>;
  return (
    <button
      type="button"
      onClick={async () => {
        await followUpFromNote(database, note.id, note.note || i18n.t('team.evaluator.followUpDefault', [note.evaluator]), new Date());
        setDone(true);
      }}
    >
      {i18n.t('team.evaluator.makeFollowUp')}
    </button>
  );
}
