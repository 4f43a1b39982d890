import type { Hint, HintRule } from '@/lib/hints';
import type { Indicator, TemplateNode } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';

// What the dashboard's indicator tree lists and how its filters and search pick rows. Plain
// functions over the template and the hints, so they are tested without rendering.

/** A scored item with the Jumlah inputs it is computed from: they are shown, and filtered, together. */
export interface ItemGroup {
  item: Indicator;
  inputs: readonly Indicator[];
}

const itemsByParent = new Map<string, ItemGroup[]>();
for (const indicator of LKE.template.indicators) {
  if (!indicator.scored || indicator.parent === null) continue;
  const inputs = indicator.inputs.map((code) => LKE.byCode.get(code)!);
  itemsByParent.set(indicator.parent, [...(itemsByParent.get(indicator.parent) ?? []), { item: indicator, inputs }]);
}

/** The items a node scores directly (a sub-area's questions, Hasil's survey items). */
export const groupsOf = (node: TemplateNode): readonly ItemGroup[] => itemsByParent.get(node.code) ?? [];

export const FILTERS = ['unanswered', 'noEvidence', 'weakNarrative', 'warning'] as const;
export type Filter = (typeof FILTERS)[number];

const RULES_OF: Record<Exclude<Filter, 'warning'>, readonly HintRule[]> = {
  unanswered: ['unanswered', 'countMissing'],
  noEvidence: ['noEvidence', 'bestAnswerWithoutEvidence'],
  weakNarrative: ['narrativeMissing', 'narrativeShort', 'narrativeOtherYear', 'narrativeUnchanged'],
};

function hintMatches(filter: Filter, hint: Hint): boolean {
  if (filter === 'warning') return hint.severity !== 'info';
  return RULES_OF[filter].includes(hint.rule);
}

/** Lower case without accents, so "pelayanan" finds "Pelayanan" and codes match in any case. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** "a.i.2" finds A.I.2 and everything under it, but not A.I.20 nor, for "a.i.2.ii", A.I.2.iii. */
const codeWithin = (code: string, prefix: string): boolean =>
  code === prefix || code.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`);

/**
 * Whether a group stays visible: every chosen filter must match a hint of the item or of one of
 * its inputs, and the search must match a code (a whole node of it) or all its words a question.
 */
export function groupVisible(
  group: ItemGroup,
  filters: ReadonlySet<Filter>,
  search: string,
  hintsByCode: ReadonlyMap<string, readonly Hint[]>,
): boolean {
  const members = [group.item, ...group.inputs];
  const hints = members.flatMap((member) => hintsByCode.get(member.code) ?? []);
  for (const filter of filters) if (!hints.some((hint) => hintMatches(filter, hint))) return false;
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  return members.some((member) => {
    const code = member.code.toLowerCase();
    const question = fold(member.question);
    return words.every((word) => codeWithin(code, word) || question.includes(word));
  });
}
