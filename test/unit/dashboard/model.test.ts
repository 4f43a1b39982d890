import { describe, expect, it } from 'vitest';
import { type Filter, type ItemGroup, groupVisible, groupsOf } from '@/components/dashboard/model';
import type { Hint } from '@/lib/hints';
import type { TemplateNode } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';

const allNodes = (nodes: readonly TemplateNode[]): TemplateNode[] => nodes.flatMap((node) => [node, ...allNodes(node.children)]);
const allGroups = allNodes(LKE.template.tree).flatMap((node) => [...groupsOf(node)]);
const group = (code: string): ItemGroup => allGroups.find((g) => g.item.code === code)!;
const hint = (code: string, rule: Hint['rule'], severity: Hint['severity'] = 'warning'): Hint => ({ code, rule, severity, params: {} });
const visible = (code: string, filters: Filter[], search = '', hints: Hint[] = []) => {
  const byCode = new Map<string, Hint[]>();
  for (const h of hints) byCode.set(h.code, [...(byCode.get(h.code) ?? []), h]);
  return groupVisible(group(code), new Set(filters), search, byCode);
};

describe('the dashboard tree', () => {
  it('lists every answerable indicator once, Jumlah inputs under their percentage, in template order', () => {
    const listed = allGroups.flatMap((g) => [g.item, ...g.inputs]);
    const answerable = listed.filter((indicator) => indicator.soalId !== null).map((indicator) => indicator.code);
    expect(answerable).toEqual(LKE.answerable.map((indicator) => indicator.code));
    expect(new Set(listed.map((indicator) => indicator.code)).size).toBe(listed.length);
    expect(group('A.II.1.i.a').inputs.map((input) => input.code)).toEqual(['A.II.1.i.a.1', 'A.II.1.i.a.2']);
  });
});

describe('filters and search', () => {
  it('keeps a group only when every chosen filter matches one of its hints', () => {
    const hints = [hint('A.I.1.i.a', 'unanswered', 'error'), hint('A.I.1.i.a', 'narrativeShort')];
    expect(visible('A.I.1.i.a', ['unanswered'], '', hints)).toBe(true);
    expect(visible('A.I.1.i.a', ['unanswered', 'weakNarrative'], '', hints)).toBe(true);
    expect(visible('A.I.1.i.a', ['unanswered', 'noEvidence'], '', hints)).toBe(false);
    expect(visible('A.I.1.i.b', ['unanswered'], '', hints)).toBe(false);
  });

  it('counts errors and warnings as warnings, not information', () => {
    expect(visible('A.I.1.i.a', ['warning'], '', [hint('A.I.1.i.a', 'narrativeUnchanged', 'info')])).toBe(false);
    expect(visible('A.I.1.i.a', ['warning'], '', [hint('A.I.1.i.a', 'noEvidence', 'warning')])).toBe(true);
  });

  it('lets a percentage show through its inputs’ hints', () => {
    expect(visible('A.II.1.i.a', ['unanswered'], '', [hint('A.II.1.i.a.2', 'unanswered', 'error')])).toBe(true);
  });

  it('finds codes by whole nodes from their start, in any case, and questions by all their words without accents', () => {
    expect(visible('A.I.2.i.a', [], 'a.i.2')).toBe(true);
    expect(visible('A.II.2.i.a', [], 'a.i.2')).toBe(false);
    expect(visible('A.I.2.iii.a', [], 'A.I.2.ii')).toBe(false);
    expect(visible('A.I.2.ii.a', [], 'A.I.2.ii.')).toBe(true);
    const question = LKE.byCode.get('A.I.1.i.a')!.question;
    const [first, second] = question.split(/\s+/).filter((word) => word.length > 3);
    expect(visible('A.I.1.i.a', [], `${second!.toUpperCase()} ${first}`)).toBe(true);
    expect(visible('A.I.1.i.a', [], `${first} zzzz`)).toBe(false);
  });
});
