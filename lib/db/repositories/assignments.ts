import type { Assignment, LkeDatabase } from '../schema';
import { RepositoryError } from './errors';
import { requirePeriod, requireStored } from './rows';
import { isAssignableScope } from '../../team/scope';

export interface AssignmentInput {
  periodId: number;
  scope: string;
  memberId: number;
  dueDate: string | null;
}

const isIsoDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Makes a member PIC of an area, sub-area or indicator; one PIC per scope, so this replaces one. */
export async function assign(db: LkeDatabase, input: AssignmentInput, now: Date): Promise<Assignment> {
  if (!isAssignableScope(input.scope)) throw new RepositoryError('unknown_indicator', `Not an area, sub-area or indicator: ${input.scope}`);
  if (input.dueDate !== null && !isIsoDay(input.dueDate)) throw new RepositoryError('invalid_text', `Not a date: ${input.dueDate}`);
  return db.transaction('rw', db.periods, db.teamMembers, db.assignments, async () => {
    await requirePeriod(db, input.periodId);
    requireStored(await db.teamMembers.get(input.memberId), `Member ${input.memberId}`);
    const assignment: Assignment = { ...input, assignedAt: now.getTime() };
    await db.assignments.put(assignment);
    return assignment;
  });
}

export async function unassign(db: LkeDatabase, periodId: number, scope: string): Promise<void> {
  await db.assignments.delete([periodId, scope]);
}

export function listAssignments(db: LkeDatabase, periodId: number): Promise<Assignment[]> {
  return db.assignments.where('periodId').equals(periodId).toArray();
}
