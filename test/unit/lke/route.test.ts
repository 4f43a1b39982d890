import { describe, expect, it } from 'vitest';
import { cheapestRoute } from '@/lib/lke/route';
import { computeScore } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { judge } from '@/lib/lke/verdict';

/** Every option question at `pick` of its options, percentages at 100 %, the given survey indices. */
function answersWith(pick: 'best' | 'worst', hasil: { ipak: string; ipkp: string }): Map<string, string | null> {
  const answers = new Map<string, string | null>();
  for (const item of LKE.answerable) {
    if (item.answerType === 'count') answers.set(item.code, '5');
    else if (item.options.length > 0) {
      const sorted = [...item.options].sort((a, b) => a.value - b.value);
      answers.set(item.code, (pick === 'best' ? sorted.at(-1) : sorted[0])!.key);
    }
  }
  for (const item of LKE.template.indicators) {
    if (item.formula?.kind === 'ratio') for (const code of item.formula.numerator) answers.set(code, String(5 * item.formula.denominator.length));
  }
  answers.set('A.II.3.iii.a.2', '0');
  answers.set('B.I.a', hasil.ipak);
  answers.set('B.II.a', hasil.ipkp);
  answers.set('B.I.b', 'A');
  return answers;
}

describe('rute termurah', () => {
  it('is empty for a score that already clears the predicate', () => {
    const route = cheapestRoute(answersWith('best', { ipak: '4', ipkp: '4' }), 'wbbm');
    expect(route.steps).toEqual([]);
    expect(route.unmet).toEqual([]);
  });

  it('reaches WBK from the worst answers with steps that each gain points, and no step it does not need', () => {
    const start = answersWith('worst', { ipak: '4', ipkp: '4' });
    expect(judge(computeScore(start), 'wbk').met).toBe(false);
    const route = cheapestRoute(start, 'wbk');
    expect(route.unmet).toEqual([]);
    const after = new Map(start);
    for (const step of route.steps) after.set(step.code, step.to);
    expect(judge(computeScore(after), 'wbk').met).toBe(true);
    expect(route.total).toBeCloseTo(computeScore(after).total, 10);
    // Ranked by points gained, each step gaining something.
    const gains = route.steps.map((step) => step.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(Math.min(...gains)).toBeGreaterThan(0);
    // Pruned: leaving out any one step misses the predicate.
    for (const skipped of route.steps) {
      const fewer = new Map(start);
      for (const step of route.steps) if (step !== skipped) fewer.set(step.code, step.to);
      expect(judge(computeScore(fewer), 'wbk').met).toBe(false);
    }
  });

  it('names the conditions answers cannot meet, such as a low IPAK, and still closes the rest', () => {
    const route = cheapestRoute(answersWith('worst', { ipak: '3', ipkp: '4' }), 'wbk');
    expect(route.unmet.map((c) => c.kind)).toEqual(expect.arrayContaining(['ipak']));
    expect(route.unmet.some((c) => c.kind === 'pengungkit' || c.kind === 'area')).toBe(false);
  });
});
