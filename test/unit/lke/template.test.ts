import { describe, expect, it } from 'vitest';
import catalog from '../../../../shared/lke/lke-catalog.json' with { type: 'json' };
import { LKE, LKE_TEMPLATE } from '../../../lib/lke/template';
import { TemplateSchema, type TemplateNode } from '../../../lib/lke/schema';
import data from '../../../lib/lke/data/permenpanrb-90-2021.json';

// The catalog is the reference the template was generated from; CI has a copy of shared/ beside
// the clone, so this test proves the committed data still equals it.
type CatalogIndicator = (typeof catalog.indicators)[number];

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;

describe('LKE template (PermenPANRB 90/2021, PortalRB 2026)', () => {
  it('is a valid template: the pages use the committed data without parsing it', () => {
    const parsed = TemplateSchema.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(LKE_TEMPLATE);
  });

  it('has 127 soal_ids, exactly 1..127, each once', () => {
    const ids = LKE_TEMPLATE.indicators.flatMap((i) => (i.soalId === null ? [] : [i.soalId]));
    expect(ids).toHaveLength(127);
    expect(new Set(ids).size).toBe(127);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 127 }, (_, k) => k + 1));
    expect(LKE.answerable).toHaveLength(127);
  });

  it('holds every catalog indicator with the same wording, type, options and values', () => {
    expect(LKE_TEMPLATE.indicators.map((i) => i.code)).toEqual(catalog.indicators.map((i) => i.code));
    for (const entry of catalog.indicators as CatalogIndicator[]) {
      const indicator = LKE.byCode.get(entry.code);
      expect(indicator, entry.code).toBeDefined();
      expect(indicator!.question).toBe(entry.question);
      expect(indicator!.criteria).toBe(entry.criteria);
      expect(indicator!.answerType).toBe(entry.answerType);
      expect(indicator!.soalId).toBe(entry.portalrb.soalId ?? null);
      const options = 'options' in entry ? (entry.options ?? []) : [];
      expect(indicator!.options).toEqual(options.map(({ key, label, value }) => ({ key, label, value })));
    }
  });

  it('keeps the official value maps, including 0.67 / 0.33 for A/B/C/D', () => {
    for (const indicator of LKE_TEMPLATE.indicators) {
      const map = LKE_TEMPLATE.answerTypes[indicator.answerType];
      if (!map) continue;
      expect(Object.fromEntries(indicator.options.map((o) => [o.key, o.value]))).toEqual(map);
    }
    expect(LKE_TEMPLATE.answerTypes.abcd).toEqual({ A: 1, B: 0.67, C: 0.33, D: 0 });
  });

  it('has weights that add up: sub-areas to areas, areas to 30 per half, Pengungkit 60, Hasil 40', () => {
    const check = (node: TemplateNode) => {
      if (node.rollup === 'sum' && node.children.length > 0) {
        expect(sum(node.children.map((c) => c.weight)), node.code).toBe(node.weight);
      }
      node.children.forEach(check);
    };
    LKE_TEMPLATE.tree.forEach(check);

    const [pengungkit, hasil] = LKE_TEMPLATE.tree;
    expect(pengungkit!.weight).toBe(60);
    expect(pengungkit!.children.map((c) => [c.name, c.weight])).toEqual([
      ['PEMENUHAN', 30],
      ['REFORM', 30],
    ]);
    for (const half of pengungkit!.children) {
      expect(half.children.map((a) => a.weight)).toEqual([4, 3.5, 5, 5, 7.5, 5]);
    }
    expect(hasil!.weight).toBe(40);
    // Hasil sub-components are the sum of their indicators' own weights.
    for (const sub of hasil!.children) {
      const items = LKE_TEMPLATE.indicators.filter((i) => i.parent === sub.code);
      expect(sum(items.map((i) => i.weight ?? 0)), sub.code).toBe(sub.weight);
    }
  });

  it('wires each computed percentage to its count inputs', () => {
    const percents = LKE_TEMPLATE.indicators.filter((i) => i.answerType === 'percent_computed');
    expect(percents).toHaveLength(8);
    for (const p of percents) {
      expect(p.formula).not.toBeNull();
      for (const input of p.inputs) expect(LKE.byCode.get(input)?.inputOf).toBe(p.code);
    }
    expect(LKE.byCode.get('A.II.3.iii.a')?.formula).toMatchObject({
      kind: 'decrease',
      previous: 'A.II.3.iii.a.1',
      current: 'A.II.3.iii.a.2',
    });
  });

  it('places every indicator under a node of the tree', () => {
    const chain = LKE.ancestors('A.I.1.i.a').map((n) => n.code);
    expect(chain).toEqual(['A', 'A.I', 'A.I.1', 'A.I.1.i']);
    expect(LKE.ancestors('A.II.5.iii.b.2').map((n) => n.code)).toEqual([
      'A',
      'A.II',
      'A.II.5',
      'A.II.5.iii',
      'A.II.5.iii.b',
    ]);
    for (const indicator of LKE_TEMPLATE.indicators) {
      expect(LKE.ancestors(indicator.code).length, indicator.code).toBeGreaterThanOrEqual(2);
    }
  });
});
