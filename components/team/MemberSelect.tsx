import type { Stored } from '@/lib/db/repositories/rows';
import type { TeamMember } from '@/lib/db/schema';

interface Props {
  label: string;
  members: readonly Stored<TeamMember>[];
  value: number | null;
  onChange: (memberId: number | null) => void;
  /** The text of the "no member" choice. */
  noneLabel: string;
  /** True when "no member" is only a prompt, not an answer. */
  required?: boolean;
}

/** Picks a team member by name. */
export function MemberSelect({ label, members, value, onChange, noneLabel, required = false }: Props) {
  return (
    <label className="field">
      {label}
      <select required={required} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value ? Number(event.currentTarget.value) : null)}>
        <option value="">{noneLabel}</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
    </label>
  );
}
