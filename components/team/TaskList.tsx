import { useState } from 'react';
import { i18n } from '#i18n';
import { formatDateTime } from '@/components/localeFormat';
import type { Task } from '@/lib/team/tasks';
import { OverdueMark } from './OverdueMark';
import { StatusControl } from './StatusControl';
import { indicatorLabel, statusText } from './text';
import type { TeamData } from './useTeamData';

type View = 'mine' | 'all' | 'late' | `pic:${number}`;

function visible(task: Task, view: View, me: number | null): boolean {
  if (view === 'all') return true;
  if (view === 'late') return task.daysLate > 0;
  if (view === 'mine') return me !== null && task.memberId === me;
  return task.memberId === Number(view.slice(4));
}

/** "Tugas saya", every PIC's tasks, or only the late ones, each with its status and its last change. */
export function TaskList({ periodId, tasks, team }: { periodId: number; tasks: readonly Task[]; team: TeamData }) {
  // Until the user picks a view, "Tugas saya" is shown as soon as they have said who they are,
  // which may be read after the list first renders.
  const [chosen, setChosen] = useState<View | null>(null);
  const view: View = chosen ?? (team.me === null ? 'all' : 'mine');
  const [open, setOpen] = useState<string | null>(null);
  const shown = tasks.filter((task) => visible(task, view, team.me));
  const lastEvent = new Map<string, TeamData['events'][number]>();
  for (const event of team.events) if (!lastEvent.has(event.code)) lastEvent.set(event.code, event);
  const me = team.me === null ? null : (team.memberNames.get(team.me) ?? null);

  return (
    <section aria-labelledby="team-tasks-heading">
      <h3 id="team-tasks-heading">{i18n.t('team.tasks.heading')}</h3>
      <label className="field">
        {i18n.t('team.tasks.view')}
        <select value={view} onChange={(event) => setChosen(event.currentTarget.value as View)}>
          <option value="mine" disabled={team.me === null}>
            {i18n.t('team.tasks.mine')}
          </option>
          <option value="all">{i18n.t('team.tasks.all')}</option>
          <option value="late">{i18n.t('team.tasks.late')}</option>
          {team.members.map((member) => (
            <option key={member.id} value={`pic:${member.id}`}>
              {i18n.t('team.tasks.ofPic', [member.name])}
            </option>
          ))}
        </select>
      </label>
      <p role="status">{i18n.t('team.tasks.count', [shown.length])}</p>
      <ul className="task-list">
        {shown.map((task) => {
          const event = lastEvent.get(task.code);
          return (
            <li key={task.code} className={task.daysLate > 0 ? 'task task--late' : 'task'} data-task={task.code}>
              <div className="task__head">
                <span className="task__question">{indicatorLabel(task.code)}</span>
                <span className="task__meta">
                  {i18n.t('team.tasks.pic', [task.memberId === null ? i18n.t('team.tasks.nobody') : (team.memberNames.get(task.memberId) ?? '—')])}
                  {' · '}
                  {task.dueDate ? i18n.t('team.tasks.due', [task.dueDate]) : i18n.t('team.tasks.noDue')}
                  {' · '}
                  <span className="status-chip" data-status={task.status}>
                    {statusText(task.status)}
                  </span>{' '}
                  <OverdueMark daysLate={task.daysLate} />
                </span>
                {event && <span className="task__event muted">{i18n.t('team.tasks.lastChange', [statusText(event.to), event.by, formatDateTime(event.at)])}{event.note && ` — “${event.note}”`}</span>}
              </div>
              <button type="button" className="secondary" aria-expanded={open === task.code} onClick={() => setOpen(open === task.code ? null : task.code)}>
                {i18n.t('team.tasks.change', [task.code])}
              </button>
              {open === task.code && <StatusControl periodId={periodId} code={task.code} status={task.status} by={me} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
