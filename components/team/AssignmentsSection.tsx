import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { unassign } from '@/lib/db/repositories/assignments';
import { scopeLabel } from '@/lib/team/scope';
import { progressByPic, type Task } from '@/lib/team/tasks';
import { ActionsTableHead } from './ActionsTableHead';
import { AssignForm } from './AssignForm';
import { PicProgressTable } from './PicProgressTable';
import { TaskList } from './TaskList';
import type { TeamData } from './useTeamData';

interface Props {
  periodId: number;
  team: TeamData;
  tasks: readonly Task[];
  answered: ReadonlySet<string>;
}

/** Assignments of PICs, progress per PIC, and the task list with the review workflow. */
export function AssignmentsSection({ periodId, team, tasks, answered }: Props) {
  const database = useDatabase();
  return (
    <section className="card" aria-labelledby="team-assignments-heading">
      <h2 id="team-assignments-heading">{i18n.t('team.assign.sectionHeading')}</h2>
      <PicProgressTable progress={progressByPic(tasks, answered)} team={team} />
      <AssignForm periodId={periodId} team={team} />
      {team.assignments.length > 0 && (
        <table className="team-table">
          <caption>{i18n.t('team.assign.listCaption')}</caption>
          <ActionsTableHead columns={[i18n.t('team.assign.scope'), i18n.t('team.assign.member'), i18n.t('team.assign.dueDate')]} />
          <tbody>
            {team.assignments.map((assignment) => (
              <tr key={assignment.scope}>
                <th scope="row">{scopeLabel(assignment.scope)}</th>
                <td>{team.memberNames.get(assignment.memberId) ?? '—'}</td>
                <td>{assignment.dueDate ?? '—'}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => unassign(database, periodId, assignment.scope)}>
                    {i18n.t('team.assign.remove', [assignment.scope])}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TaskList periodId={periodId} tasks={tasks} team={team} />
    </section>
  );
}
