import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '@/components/DatabaseProvider';
import { listAssignments } from '@/lib/db/repositories/assignments';
import { listEvents, listWorkflow } from '@/lib/db/repositories/workflow';
import { currentMemberId, listMembers } from '@/lib/db/repositories/team';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Assignment, TeamMember, Unit, WorkflowEvent, WorkflowState } from '@/lib/db/schema';

export interface TeamData {
  unit: Stored<Unit>;
  members: Stored<TeamMember>[];
  memberNames: ReadonlyMap<number, string>;
  assignments: Assignment[];
  workflow: WorkflowState[];
  events: Stored<WorkflowEvent>[];
  /** The member this browser's user is, or null before they chose. */
  me: number | null;
}

/** The team, its assignments and the review record of a period, live. */
export function useTeamData(unitId: number, periodId: number): TeamData | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const [unit, members, assignments, workflow, events, me] = await Promise.all([
      database.units.get(unitId),
      listMembers(database, unitId),
      listAssignments(database, periodId),
      listWorkflow(database, periodId),
      listEvents(database, periodId),
      currentMemberId(database),
    ]);
    if (!unit) return undefined;
    const memberNames = new Map(members.map((member) => [member.id, member.name]));
    return { unit: unit as Stored<Unit>, members, memberNames, assignments, workflow, events, me: me !== null && memberNames.has(me) ? me : null };
  }, [database, unitId, periodId]);
}
