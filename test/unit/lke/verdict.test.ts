import { describe, expect, it } from 'vitest';
import { type NodeScore, type ScoreSheet, computeScore } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { ThresholdsSchema } from '@/lib/lke/thresholdsSchema';
import { type ConditionKind, DEFAULT_THRESHOLDS, type Predicate, judge } from '@/lib/lke/verdict';

/** A sheet with full marks everywhere (every node at its weight, every item at 1). */
function fullSheet(): ScoreSheet {
  const nodes = new Map<string, NodeScore>(
    [...LKE.nodeByCode.values()].map((node) => [node.code, { code: node.code, weight: node.weight, score: node.weight, answered: 1, items: 1 }]),
  );
  const values = new Map(LKE.template.indicators.filter((i) => i.scored).map((i) => [i.code, 1]));
  return { blanks: 'excluded', nodes, values, total: 100, pengungkit: 60, pemenuhan: 30, reform: 30, hasil: 40 };
}

/** The full sheet with one condition's subject set to `actual` points. */
function sheetWhere(kind: ConditionKind, actual: number): ScoreSheet {
  const sheet = fullSheet();
  const nodes = new Map(sheet.nodes);
  const values = new Map(sheet.values);
  const setNode = (code: string, score: number) => nodes.set(code, { ...nodes.get(code)!, score });
  switch (kind) {
    case 'total':
      return { ...sheet, total: actual };
    case 'pengungkit':
      return { ...sheet, pengungkit: actual };
    case 'area':
      // Combined reading: Manajemen Perubahan is A.I.1 + A.II.1 (4 + 4); the Pemenuhan half carries the change.
      setNode('A.I.1', actual - 4);
      break;
    case 'bersihAkuntabel':
      setNode('B.I', actual);
      break;
    case 'ipak':
      values.set('B.I.a', actual / 17.5);
      break;
    case 'capaianKinerja':
      values.set('B.I.b', actual / 5);
      break;
    case 'pelayananPrima':
      setNode('B.II', actual);
      break;
  }
  return { ...sheet, nodes, values };
}

const LIMITS: Record<Predicate, [ConditionKind, number][]> = {
  wbk: [
    ['total', 75],
    ['pengungkit', 40],
    ['area', 4.8],
    ['bersihAkuntabel', 18.25],
    ['ipak', 15.75],
    ['capaianKinerja', 2.5],
    ['pelayananPrima', 14],
  ],
  wbbm: [
    ['total', 85],
    ['pengungkit', 48],
    ['area', 6],
    ['bersihAkuntabel', 19.5],
    ['ipak', 15.75],
    ['capaianKinerja', 3.75],
    ['pelayananPrima', 15.75],
  ],
};

describe('WBK and WBBM conditions (DOMAIN.md §10)', () => {
  it('are all met by full marks', () => {
    for (const predicate of ['wbk', 'wbbm'] as const) expect(judge(fullSheet(), predicate).met).toBe(true);
  });

  for (const predicate of ['wbk', 'wbbm'] as const) {
    for (const [kind, limit] of LIMITS[predicate]) {
      it(`${predicate}: ${kind} is met at ${limit} and just over it, and not just under it`, () => {
        const conditionAt = (actual: number) => {
          const verdict = judge(sheetWhere(kind, actual), predicate);
          const found = verdict.conditions.find((c) => c.kind === kind && (kind !== 'area' || c.subject === 'A.I.1+A.II.1'))!;
          return { verdict, found };
        };
        const at = conditionAt(limit);
        expect(at.found).toMatchObject({ met: true, gap: 0 });
        expect(at.verdict.met).toBe(true);
        expect(conditionAt(limit + 0.01).found.met).toBe(true);
        const under = conditionAt(limit - 0.01);
        expect(under.found.met).toBe(false);
        expect(under.found.gap).toBeCloseTo(0.01, 10);
        expect(under.verdict.met).toBe(false);
      });
    }
  }

  it('compares at two decimals, as the workbook shows the score', () => {
    const verdict = judge(sheetWhere('total', 74.996), 'wbk');
    expect(verdict.conditions.find((c) => c.kind === 'total')!.met).toBe(true);
  });

  it('judges each half of an area on its own in the per-half reading', () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, areaReading: 'perHalf' as const };
    // 2.39 of Pemenuhan's 4 is under 60 %, although 2.39 + 4 is over 60 % of 8.
    const sheet = sheetWhere('area', 4 + 2.39);
    const combined = judge(sheet, 'wbk').conditions.find((c) => c.subject === 'A.I.1+A.II.1')!;
    const perHalf = judge(sheet, 'wbk', thresholds).conditions.find((c) => c.subject === 'A.I.1')!;
    expect(combined.met).toBe(true);
    expect(perHalf).toMatchObject({ met: false, minimum: 2.4 });
    expect(judge(sheet, 'wbk', thresholds).conditions.filter((c) => c.kind === 'area')).toHaveLength(12);
  });

  it('judges a real score sheet: the Hasil of the worked example misses the IPAK minimum', () => {
    const sheet = computeScore(new Map([['B.I.a', '3.5'], ['B.I.b', 'A'], ['B.II.a', '3.6']]));
    const verdict = judge(sheet, 'wbk');
    expect(verdict.conditions.find((c) => c.kind === 'ipak')).toMatchObject({ met: false, gap: 0.44 });
    expect(verdict.conditions.find((c) => c.kind === 'pelayananPrima')!.met).toBe(true);
  });

  it('accepts only sensible threshold tables', () => {
    expect(ThresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
    expect(ThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, areaShare: { wbk: 60, wbbm: 75 } }).success).toBe(false);
  });
});
