import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { assign } from '@/lib/db/repositories/assignments';
import { ANSWERABLE_CODES, scopeLabel, scopesOfLevel } from '@/lib/team/scope';
import { ActionForm } from './ActionForm';
import { MemberSelect } from './MemberSelect';
import { indicatorLabel } from './text';
import type { TeamData } from './useTeamData';

const AREAS = scopesOfLevel('area');
const SUB_AREAS = scopesOfLevel('subArea');

/** Makes a member PIC of an area, a sub-area or one indicator, with an optional due date. */
export function AssignForm({ periodId, team }: { periodId: number; team: TeamData }) {
  const database = useDatabase();
  const [memberId, setMemberId] = useState<number | null>(null);
  const [scope, setScope] = useState('');
  const [dueDate, setDueDate] = useState('');

  const submit = async () => {
    // The select is required: the browser does not submit without a member.
    await assign(database, { periodId, scope, memberId: memberId!, dueDate: dueDate || null }, new Date());
    return i18n.t('team.assign.done', [scopeLabel(scope), team.memberNames.get(memberId!) ?? '']);
  };

  if (team.members.length === 0) return <p className="muted">{i18n.t('team.assign.noMembers')}</p>;
  return (
    <ActionForm className="inline-form" action={submit} failure={() => i18n.t('team.failed')}>
      <h3>{i18n.t('team.assign.heading')}</h3>
      <MemberSelect label={i18n.t('team.assign.member')} members={team.members} value={memberId} onChange={setMemberId} noneLabel={i18n.t('team.assign.choose')} required />
      <label className="field field--wide">
        {i18n.t('team.assign.scope')}
        <select required value={scope} onChange={(event) => setScope(event.currentTarget.value)}>
          <option value="">{i18n.t('team.assign.choose')}</option>
          <optgroup label={i18n.t('team.assign.areas')}>
            {AREAS.map((node) => (
              <option key={node.code} value={node.code}>
                {scopeLabel(node.code)}
              </option>
            ))}
          </optgroup>
          <optgroup label={i18n.t('team.assign.subAreas')}>
            {SUB_AREAS.map((node) => (
              <option key={node.code} value={node.code}>
                {scopeLabel(node.code)}
              </option>
            ))}
          </optgroup>
          <optgroup label={i18n.t('team.assign.indicators')}>
            {ANSWERABLE_CODES.map((code) => (
              <option key={code} value={code}>
                {indicatorLabel(code)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        {i18n.t('team.assign.dueDate')}
        <input type="date" value={dueDate} onChange={(event) => setDueDate(event.currentTarget.value)} />
      </label>
      <button type="submit">{i18n.t('team.assign.submit')}</button>
    </ActionForm>
  );
}
