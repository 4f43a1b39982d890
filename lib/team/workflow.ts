import type { WorkflowStatus } from '../db/schema';

// The review workflow of one indicator (issue 7): a PIC drafts, hands over for review, and a
// reviewer approves or sends it back. Plain data and functions, so the rules are tested alone.

export const WORKFLOW_STATUSES = ['belum_mulai', 'draf', 'siap_ditinjau', 'disetujui', 'perlu_perbaikan'] as const satisfies readonly WorkflowStatus[];

/**
 * The moves allowed from each status. A reviewed item can only be judged (approved or sent back)
 * or withdrawn to draft by its PIC; an approved item reopens only through "perlu perbaikan", so
 * the record shows why it was reopened (an evaluator's note, a changed document).
 */
export const TRANSITIONS: Readonly<Record<WorkflowStatus, readonly WorkflowStatus[]>> = {
  belum_mulai: ['draf'],
  draf: ['siap_ditinjau', 'belum_mulai'],
  siap_ditinjau: ['disetujui', 'perlu_perbaikan', 'draf'],
  perlu_perbaikan: ['draf', 'siap_ditinjau'],
  disetujui: ['perlu_perbaikan'],
};

/** Sending an item back is useless to its PIC without the reviewer saying what to fix. */
export const NOTE_REQUIRED: ReadonlySet<WorkflowStatus> = new Set(['perlu_perbaikan']);

export type TransitionProblem = 'not_allowed' | 'note_required';

export function canTransition(from: WorkflowStatus, to: WorkflowStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a move cannot be made, or null when it can. */
export function checkTransition(from: WorkflowStatus, to: WorkflowStatus, note: string): TransitionProblem | null {
  if (!canTransition(from, to)) return 'not_allowed';
  if (NOTE_REQUIRED.has(to) && note.trim() === '') return 'note_required';
  return null;
}

/** Work counts as finished only once a reviewer approved it: anything else can still be late. */
export const isFinished = (status: WorkflowStatus): boolean => status === 'disetujui';
