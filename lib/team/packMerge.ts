import type { WorkflowState, WorkflowStatus } from '../db/schema';
import type { PackItem } from '../interchange/pack';

// How the coordinator's copy and several PICs' packs come together (issue 7), decided per
// indicator before anything is written. Nothing is overwritten silently: where the local copy
// holds something else, or two packs disagree, the row is a conflict and keeps the local copy
// until the user picks a side.

export interface IndicatorContent {
  answer: string | null;
  narrative: string | null;
  evidence: readonly string[];
}

export interface MergeCandidate {
  /** Position of the pack in the list imported together. */
  pack: number;
  pic: string;
  item: PackItem;
}

export type MergeStatus = 'new' | 'same' | 'conflict';
/** Which copy an indicator takes: the local one, or the pack at that position. */
export type MergeChoice = 'local' | number;

export interface MergeRow {
  code: string;
  status: MergeStatus;
  local: IndicatorContent;
  candidates: MergeCandidate[];
  defaultChoice: MergeChoice;
}

const textOf = (text: string | null): string => text?.trim() ?? '';
const evidenceKey = (evidence: readonly string[]): string => [...new Set(evidence.map((url) => url.trim()).filter(Boolean))].sort().join('\n');

/** Equal for the LKE: the same answer, the same narrative and the same set of links. */
export function sameContent(a: IndicatorContent, b: IndicatorContent): boolean {
  return textOf(a.answer) === textOf(b.answer) && textOf(a.narrative) === textOf(b.narrative) && evidenceKey(a.evidence) === evidenceKey(b.evidence);
}

export const isEmptyContent = (content: IndicatorContent): boolean =>
  textOf(content.answer) === '' && textOf(content.narrative) === '' && evidenceKey(content.evidence) === '';

const EMPTY: IndicatorContent = { answer: null, narrative: null, evidence: [] };

export function planMerge(
  packs: readonly { pic: string; items: readonly PackItem[] }[],
  local: ReadonlyMap<string, IndicatorContent>,
  order: (a: string, b: string) => number,
): MergeRow[] {
  const candidatesOf = new Map<string, MergeCandidate[]>();
  packs.forEach(({ pic, items }, pack) => {
    for (const item of items) candidatesOf.set(item.code, [...(candidatesOf.get(item.code) ?? []), { pack, pic, item }]);
  });
  return [...candidatesOf.keys()].sort(order).map((code) => {
    const candidates = candidatesOf.get(code)!;
    const mine = local.get(code) ?? EMPTY;
    const packsAgree = candidates.every((candidate) => sameContent(candidate.item, candidates[0]!.item));
    let status: MergeStatus;
    if (candidates.every((candidate) => sameContent(candidate.item, mine))) status = 'same';
    else if (isEmptyContent(mine) && packsAgree) status = 'new';
    else status = 'conflict';
    // A 'same' row still takes the pack, whose workflow status may have moved on.
    const defaultChoice: MergeChoice = status === 'conflict' ? 'local' : candidates[0]!.pack;
    return { code, status, local: mine, candidates, defaultChoice };
  });
}

/** The statuses a PIC sets; review decisions (approve, send back) belong to the reviewer's copy. */
const PIC_STATUSES = new Set<WorkflowStatus>(['draf', 'siap_ditinjau']);

/**
 * The status a pack's item brings, or null when the local one stays: only a PIC's own move, made
 * after the local status last changed, is taken over, so a review decision is never undone by an
 * older pack.
 */
export function adoptedStatus(local: Pick<WorkflowState, 'status' | 'updatedAt'> | undefined, item: Pick<PackItem, 'status' | 'statusAt'>): WorkflowStatus | null {
  if (!PIC_STATUSES.has(item.status) || item.status === (local?.status ?? 'belum_mulai')) return null;
  return local === undefined || item.statusAt > local.updatedAt ? item.status : null;
}
