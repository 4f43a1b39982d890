import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { changeStatus, WorkflowError } from '@/lib/db/repositories/workflow';
import type { WorkflowStatus } from '@/lib/db/schema';
import { NOTE_REQUIRED, TRANSITIONS } from '@/lib/team/workflow';
import { ActionForm } from './ActionForm';
import { statusText, translate } from './text';

interface Props {
  periodId: number;
  code: string;
  status: WorkflowStatus;
  /** The name changes are recorded under; null until the user chose who they are. */
  by: string | null;
}

/** The moves the workflow allows from an indicator's status, with the reviewer's note. */
export function StatusControl({ periodId, code, status, by }: Props) {
  const database = useDatabase();
  const choices = TRANSITIONS[status];
  const [to, setTo] = useState<WorkflowStatus>(choices[0]!);
  const [note, setNote] = useState('');
  const target = choices.includes(to) ? to : choices[0]!;

  if (by === null) return <p className="muted">{i18n.t('team.tasks.chooseMeFirst')}</p>;
  const submit = async () => {
    await changeStatus(database, { periodId, code, to: target, by, note }, new Date());
    setNote('');
    return null;
  };
  return (
    <ActionForm
      className="status-control"
      action={submit}
      failure={(error) => (error instanceof WorkflowError ? translate(`team.transition.${error.problem}`) : i18n.t('team.failed'))}
    >
      <label className="field">
        {i18n.t('team.tasks.moveTo', [code])}
        <select value={target} onChange={(event) => setTo(event.currentTarget.value as WorkflowStatus)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {statusText(choice)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--wide">
        {NOTE_REQUIRED.has(target) ? i18n.t('team.tasks.noteRequired') : i18n.t('team.tasks.note')}
        <input type="text" value={note} maxLength={2000} onChange={(event) => setNote(event.currentTarget.value)} />
      </label>
      <button type="submit">{i18n.t('team.tasks.save')}</button>
    </ActionForm>
  );
}
