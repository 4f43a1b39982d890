import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { assign } from '@/lib/db/repositories/assignments';
import { ANSWERABLE_CODES, scopeLabel, scopesOfLevel } from '@/lib/team/scope';
import { indicatorLabel } from './text';
import type { TeamData } from './useTeamData';

const AREAS = scopesOfLevel('area');
const SUB_AREAS = scopesOfLevel('subArea');

/** Makes a member PIC of an area, a sub-area or one indicator, with an optional due date. */
export function AssignForm({ periodId, team }: { periodId: number; team: TeamData }) {
  const database = useDatabase();
  const [memberId, setMemberId] = useState('');
  const [scope, setScope] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const submit = async () => {
    try {
      await assign(database, { periodId, scope, memberId: Number(memberId), dueDate: dueDate || null }, new Date());
      setNote(i18n.t('team.assign.done', [scopeLabel(scope), team.memberNames.get(Number(memberId)) ?? '']));
    } catch {
      setNote(i18n.t('team.failed'));
    }
  };

  if (team.members.length === 0) return <p className="muted">{i18n.t('team.assign.noMembers')}</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{i18n.t('team.assign.heading')}</h3>
      <label className="field">
        {i18n.t('team.assign.member')}
        <select required value={memberId} onChange={(event) => setMemberId(event.currentTarget.value)}>
          <option value="">{i18n.t('team.assign.choose')}</option>
          {team.members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
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
      <p role="status">{note}</p>
    </form>
  );
}
