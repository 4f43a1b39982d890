import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { addMember, removeMember, setCurrentMember } from '@/lib/db/repositories/team';
import { RepositoryError } from '@/lib/db/repositories/errors';
import { scopeLabel, scopesOfLevel } from '@/lib/team/scope';
import { ActionForm } from './ActionForm';
import { ActionsTableHead } from './ActionsTableHead';
import { MemberSelect } from './MemberSelect';
import type { TeamData } from './useTeamData';

const AREAS = scopesOfLevel('area');

/** The team list: who is in it, their role and area, and which member the user of this browser is. */
export function TeamSection({ unitId, team }: { unitId: number; team: TeamData }) {
  const database = useDatabase();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [area, setArea] = useState('');

  const add = async () => {
    await addMember(database, unitId, { name, role, area: area || null }, new Date());
    setName('');
    setRole('');
    return null;
  };

  return (
    <section className="card" aria-labelledby="team-members-heading">
      <h2 id="team-members-heading">{i18n.t('team.members.heading')}</h2>
      <MemberSelect
        label={i18n.t('team.members.me')}
        members={team.members}
        value={team.me}
        onChange={(memberId) => setCurrentMember(database, memberId)}
        noneLabel={i18n.t('team.members.meNone')}
      />
      {team.members.length === 0 ? (
        <p className="muted">{i18n.t('team.members.empty')}</p>
      ) : (
        <table className="team-table">
          <ActionsTableHead columns={[i18n.t('team.members.name'), i18n.t('team.members.role'), i18n.t('team.members.area')]} />
          <tbody>
            {team.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.name}
                  {member.id === team.me && <span className="tag">{i18n.t('team.members.meTag')}</span>}
                </th>
                <td>{member.role || '—'}</td>
                <td>{member.area ? scopeLabel(member.area) : '—'}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => removeMember(database, member.id)}>
                    {i18n.t('team.members.remove', [member.name])}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionForm
        className="inline-form"
        action={add}
        failure={(error) => (error instanceof RepositoryError && error.code === 'invalid_name' ? i18n.t('team.members.nameProblem') : i18n.t('team.failed'))}
      >
        <h3>{i18n.t('team.members.addHeading')}</h3>
        <label className="field">
          {i18n.t('team.members.name')}
          <input type="text" value={name} required maxLength={200} onChange={(event) => setName(event.currentTarget.value)} />
        </label>
        <label className="field">
          {i18n.t('team.members.role')}
          <input type="text" value={role} maxLength={200} placeholder={i18n.t('team.members.rolePlaceholder')} onChange={(event) => setRole(event.currentTarget.value)} />
        </label>
        <label className="field">
          {i18n.t('team.members.area')}
          <select value={area} onChange={(event) => setArea(event.currentTarget.value)}>
            <option value="">{i18n.t('team.members.noArea')}</option>
            {AREAS.map((node) => (
              <option key={node.code} value={node.code}>
                {scopeLabel(node.code)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{i18n.t('team.members.add')}</button>
      </ActionForm>
    </section>
  );
}
