import type { EvaluatorNote, ProgressSnapshot, UnitTarget, WorkflowEvent } from '../db/schema';
import type { Condition, Verdict } from '../lke/verdict';
import { LKE } from '../lke/template';
import type { Progress } from './snapshot';
import type { Task } from './tasks';

// The weekly leader digest (issue 7) as data: what changed since last week's snapshot, what is
// late and whose it is, what went wrong, and where the score stands. The text is written from this
// by components/team/digestText.ts in the user's language.

export interface AreaProgress {
  /** The change area's Pemenuhan code, e.g. "A.I.1"; its Reform twin is counted with it. */
  code: string;
  name: string;
  score: number;
  weight: number;
  /** Points gained (or lost) since the reference snapshot; null without one. */
  change: number | null;
}

export interface OverdueGroup {
  /** The PIC's name; null for indicators no one is assigned (their due date came from an area). */
  pic: string | null;
  items: Pick<Task, 'code' | 'dueDate' | 'daysLate'>[];
}

export interface Digest {
  unitName: string;
  year: number;
  takenAt: number;
  /** When the reference snapshot was taken; null in the first week. */
  since: number | null;
  answeredPercent: number;
  answeredChange: number | null;
  withEvidencePercent: number;
  withEvidenceChange: number | null;
  hintsOpen: number;
  hintsChange: number | null;
  areas: AreaProgress[];
  overdue: OverdueGroup[];
  /** Indicators a reviewer sent back since the reference snapshot, with the reviewer's note. */
  returned: Pick<WorkflowEvent, 'code' | 'note' | 'by'>[];
  /** Evaluator notes recorded since the reference snapshot. */
  evaluatorNotes: Pick<EvaluatorNote, 'code' | 'evaluator' | 'note'>[];
  projectedTotal: number;
  target: UnitTarget;
  targetMet: boolean;
  /** The target's conditions still unmet, largest gap first. */
  unmet: Condition[];
}

export interface DigestInput {
  unitName: string;
  year: number;
  target: UnitTarget;
  now: number;
  current: Progress;
  reference: ProgressSnapshot | null;
  tasks: readonly Task[];
  memberNames: ReadonlyMap<number, string>;
  events: readonly WorkflowEvent[];
  notes: readonly EvaluatorNote[];
  verdict: Verdict;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const changeOf = (now: number, before: number | undefined): number | null => (before === undefined ? null : round2(now - before));

/** The six change areas as the verdict judges them by default: Pemenuhan and Reform together. */
function areaProgress(current: Progress, reference: ProgressSnapshot | null): AreaProgress[] {
  const pemenuhan = LKE.nodeByCode.get('A.I')!.children;
  const reform = LKE.nodeByCode.get('A.II')!.children;
  return pemenuhan.map((area, index) => {
    const twin = reform[index]!;
    const scoreIn = (scores: Record<string, number>) => (scores[area.code] ?? 0) + (scores[twin.code] ?? 0);
    const before = reference && area.code in reference.scores ? scoreIn(reference.scores) : undefined;
    return { code: area.code, name: area.name, score: round2(scoreIn(current.scores)), weight: area.weight + twin.weight, change: changeOf(scoreIn(current.scores), before) };
  });
}

/** Late items grouped by PIC, the latest first within each; PICs by name, the unassigned last. */
function overdueGroups(tasks: readonly Task[], names: ReadonlyMap<number, string>): OverdueGroup[] {
  const groups = new Map<string | null, OverdueGroup>();
  for (const task of tasks.filter((candidate) => candidate.daysLate > 0)) {
    const pic = task.memberId === null ? null : (names.get(task.memberId) ?? null);
    const group = groups.get(pic) ?? { pic, items: [] };
    group.items.push({ code: task.code, dueDate: task.dueDate, daysLate: task.daysLate });
    groups.set(pic, group);
  }
  for (const group of groups.values()) group.items.sort((a, b) => b.daysLate - a.daysLate);
  return [...groups.values()].sort((a, b) => (a.pic === null ? 1 : b.pic === null ? -1 : a.pic.localeCompare(b.pic, 'id')));
}

export function buildDigest(input: DigestInput): Digest {
  const { current, reference, verdict } = input;
  const since = reference?.takenAt ?? null;
  const isNew = (at: number) => since === null || at > since;
  return {
    unitName: input.unitName,
    year: input.year,
    takenAt: input.now,
    since,
    answeredPercent: current.answeredPercent,
    answeredChange: changeOf(current.answeredPercent, reference?.answeredPercent),
    withEvidencePercent: current.withEvidencePercent,
    withEvidenceChange: changeOf(current.withEvidencePercent, reference?.withEvidencePercent),
    hintsOpen: current.hintsOpen,
    hintsChange: changeOf(current.hintsOpen, reference?.hintsOpen),
    areas: areaProgress(current, reference),
    overdue: overdueGroups(input.tasks, input.memberNames),
    returned: input.events.filter((event) => event.to === 'perlu_perbaikan' && isNew(event.at)).map(({ code, note, by }) => ({ code, note, by })),
    evaluatorNotes: input.notes.filter((note) => isNew(note.createdAt)).map(({ code, evaluator, note }) => ({ code, evaluator, note })),
    projectedTotal: round2(current.scores.total ?? 0),
    target: input.target,
    targetMet: verdict.met,
    unmet: verdict.conditions.filter((condition) => !condition.met).sort((a, b) => b.gap - a.gap),
  };
}
