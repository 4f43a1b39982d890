import type { Assignment, WorkflowState, WorkflowStatus } from '../db/schema';
import { ANSWERABLE_CODES, effectiveAssignment } from './scope';
import { isFinished, WORKFLOW_STATUSES } from './workflow';

// Every indicator as a task: who is its PIC, by when, and where it stands. "Tugas saya" and the
// per-PIC views filter these rows; the digest lists the overdue ones.

export interface Task {
  code: string;
  /** The PIC, or null when no assignment covers the indicator. */
  memberId: number | null;
  /** The scope of the assignment that made the PIC (the indicator, its sub-area or its area). */
  scope: string | null;
  dueDate: string | null;
  status: WorkflowStatus;
  /** Whole days past the due date; 0 when not late. */
  daysLate: number;
}

/** Today as `YYYY-MM-DD` in the user's own time zone, the form due dates are entered in. */
export function isoDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Days an unfinished item is past its due date; due today is not late yet. */
export function daysLate(dueDate: string | null, status: WorkflowStatus, today: string): number {
  if (dueDate === null || isFinished(status)) return 0;
  return Math.max(0, dayNumber(today) - dayNumber(dueDate));
}

export function buildTasks(assignments: readonly Assignment[], workflow: readonly WorkflowState[], today: string): Task[] {
  const byScope = new Map(assignments.map((assignment) => [assignment.scope, assignment]));
  const statusOf = new Map(workflow.map((state) => [state.code, state.status]));
  return ANSWERABLE_CODES.map((code) => {
    const assignment = effectiveAssignment(code, byScope);
    const status = statusOf.get(code) ?? 'belum_mulai';
    const dueDate = assignment?.dueDate ?? null;
    return { code, memberId: assignment?.memberId ?? null, scope: assignment?.scope ?? null, dueDate, status, daysLate: daysLate(dueDate, status, today) };
  });
}

export interface PicProgress {
  memberId: number;
  assigned: number;
  answered: number;
  overdue: number;
  byStatus: Record<WorkflowStatus, number>;
}

/** Per PIC: how many indicators, how many answered, how many late, and how many in each status. */
export function progressByPic(tasks: readonly Task[], answered: ReadonlySet<string>): Map<number, PicProgress> {
  const progress = new Map<number, PicProgress>();
  for (const task of tasks) {
    if (task.memberId === null) continue;
    let entry = progress.get(task.memberId);
    if (!entry) {
      entry = { memberId: task.memberId, assigned: 0, answered: 0, overdue: 0, byStatus: Object.fromEntries(WORKFLOW_STATUSES.map((status) => [status, 0])) as Record<WorkflowStatus, number> };
      progress.set(task.memberId, entry);
    }
    entry.assigned += 1;
    if (answered.has(task.code)) entry.answered += 1;
    if (task.daysLate > 0) entry.overdue += 1;
    entry.byStatus[task.status] += 1;
  }
  return progress;
}
