import { describe, expect, it } from 'vitest';
import type { Template } from '@/lib/lke/schema';
import { LKE_TEMPLATE } from '@/lib/lke/template';
import { compareTemplates } from '@/lib/periods/staleness';

/** A copy of the shipped template with some indicators changed, as a later edition would be. */
function editedCopy(edit: (template: Template) => void): Template {
  const copy = structuredClone(LKE_TEMPLATE);
  copy.edition = 'next';
  edit(copy);
  return copy;
}

const indicator = (template: Template, code: string) => {
  const found = template.indicators.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

describe('compareTemplates', () => {
  it('finds nothing stale between an edition and itself or an identical copy', () => {
    expect(compareTemplates(LKE_TEMPLATE, LKE_TEMPLATE).size).toBe(0);
    expect(compareTemplates(LKE_TEMPLATE, editedCopy(() => {})).size).toBe(0);
  });

  it('ignores changed spacing but names changed wording, options and weights', () => {
    const hasil = LKE_TEMPLATE.indicators.find((candidate) => candidate.weight !== null)!.code;
    const next = editedCopy((template) => {
      indicator(template, 'A.I.1.i.a').question += '  ';
      indicator(template, 'A.I.1.i.b').question = 'Penentuan anggota Tim dilakukan secara terbuka';
      indicator(template, 'A.I.1.ii.a').criteria = 'Kriteria baru';
      indicator(template, 'A.I.1.iii.a').options[1]!.value = 0.5;
      indicator(template, 'A.I.1.iii.b').options[0]!.label = 'Label lain';
      indicator(template, hasil).weight = 99;
    });

    expect(Object.fromEntries(compareTemplates(LKE_TEMPLATE, next))).toEqual({
      'A.I.1.i.b': ['wording'],
      'A.I.1.ii.a': ['wording'],
      'A.I.1.iii.a': ['options'],
      'A.I.1.iii.b': ['options'],
      [hasil]: ['weight'],
    });
  });

  it('names a sub-area’s new weight on each of its items, and a new answer type as options', () => {
    const next = editedCopy((template) => {
      template.tree[0]!.children[0]!.children[0]!.children[0]!.weight += 1;
      indicator(template, 'A.I.1.i.a').answerType = 'abc';
    });
    const stale = compareTemplates(LKE_TEMPLATE, next);
    const subArea = LKE_TEMPLATE.tree[0]!.children[0]!.children[0]!.children[0]!.code;
    const items = LKE_TEMPLATE.indicators.filter((candidate) => candidate.parent === subArea).map((candidate) => candidate.code);

    expect(items.length).toBeGreaterThan(0);
    for (const code of items) expect(stale.get(code)).toContain('weight');
    expect(stale.get('A.I.1.i.a')).toEqual(['options', 'weight']);
  });

  it('leaves out indicators the older edition lacks', () => {
    const next = editedCopy((template) => {
      template.indicators.push({ ...indicator(template, 'A.I.1.i.a'), code: 'A.I.1.i.z', question: 'Baru' });
    });
    expect(compareTemplates(LKE_TEMPLATE, next).has('A.I.1.i.z')).toBe(false);
  });
});
