import { i18n } from '#i18n';
import type { PicProgress } from '@/lib/team/tasks';
import type { TeamData } from './useTeamData';

/** Per PIC: assigned, answered, where their indicators stand in review, and how many are late. */
export function PicProgressTable({ progress, team }: { progress: ReadonlyMap<number, PicProgress>; team: TeamData }) {
  const rows = team.members.filter((member) => progress.has(member.id));
  if (rows.length === 0) return <p className="muted">{i18n.t('team.progress.empty')}</p>;
  return (
    <table className="team-table" data-testid="pic-progress">
      <caption>{i18n.t('team.progress.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('team.progress.pic')}</th>
          <th scope="col">{i18n.t('team.progress.assigned')}</th>
          <th scope="col">{i18n.t('team.progress.answered')}</th>
          <th scope="col">{i18n.t('team.status.siap_ditinjau')}</th>
          <th scope="col">{i18n.t('team.status.disetujui')}</th>
          <th scope="col">{i18n.t('team.status.perlu_perbaikan')}</th>
          <th scope="col">{i18n.t('team.progress.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((member) => {
          const entry = progress.get(member.id)!;
          return (
            <tr key={member.id} data-pic={member.name}>
              <th scope="row">{member.name}</th>
              <td>{entry.assigned}</td>
              <td data-cell="answered">{i18n.t('team.progress.answeredOf', [entry.answered, entry.assigned])}</td>
              <td>{entry.byStatus.siap_ditinjau}</td>
              <td>{entry.byStatus.disetujui}</td>
              <td>{entry.byStatus.perlu_perbaikan}</td>
              <td>{entry.overdue > 0 ? <span className="overdue"><span aria-hidden="true">⚠ </span>{entry.overdue}</span> : 0}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
