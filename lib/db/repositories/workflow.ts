import type { LkeDatabase, WorkflowEvent, WorkflowState, WorkflowStatus } from '../schema';
import { assertKnownCodes } from './indicators';
import { insertRow, requirePeriod, type Stored } from './rows';
import { checkTransition, type TransitionProblem } from '../../team/workflow';

/** A status change the workflow does not allow; `problem` says why without parsing text. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';

  constructor(readonly problem: TransitionProblem) {
    super(`Workflow change refused: ${problem}`);
  }
}

export interface StatusChange {
  periodId: number;
  code: string;
  to: WorkflowStatus;
  /** The name of the member making the change. */
  by: string;
  note: string;
}

export async function statusOf(db: LkeDatabase, periodId: number, code: string): Promise<WorkflowStatus> {
  return (await db.workflow.get([periodId, code]))?.status ?? 'belum_mulai';
}

/**
 * Writes a status and the event that records it. Call inside a transaction over workflow and
 * workflowEvents; callers check the move first (pack imports adopt a PIC's moves as made).
 */
export async function writeStatus(db: LkeDatabase, change: StatusChange, from: WorkflowStatus, now: Date): Promise<WorkflowState> {
  const { periodId, code, to, by } = change;
  const state: WorkflowState = { periodId, code, status: to, updatedAt: now.getTime(), updatedBy: by };
  await db.workflow.put(state);
  await insertRow<WorkflowEvent>(db.workflowEvents, { periodId, code, from, to, by, note: change.note.trim(), at: now.getTime() });
  return state;
}

/** Moves an indicator along the workflow (lib/team/workflow.ts), recording who did it, when and why. */
export async function changeStatus(db: LkeDatabase, change: StatusChange, now: Date): Promise<WorkflowState> {
  assertKnownCodes([change.code]);
  return db.transaction('rw', db.periods, db.workflow, db.workflowEvents, async () => {
    await requirePeriod(db, change.periodId);
    const from = await statusOf(db, change.periodId, change.code);
    const problem = checkTransition(from, change.to, change.note);
    if (problem) throw new WorkflowError(problem);
    return writeStatus(db, change, from, now);
  });
}

export function listWorkflow(db: LkeDatabase, periodId: number): Promise<WorkflowState[]> {
  return db.workflow.where('periodId').equals(periodId).toArray();
}

/** The record of a period's changes, newest first. */
export async function listEvents(db: LkeDatabase, periodId: number): Promise<Stored<WorkflowEvent>[]> {
  const events = (await db.workflowEvents.where('periodId').equals(periodId).toArray()) as Stored<WorkflowEvent>[];
  return events.sort((a, b) => b.at - a.at || b.id - a.id);
}
