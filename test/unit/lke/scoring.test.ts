import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answers, computeScore, itemValue } from '@/lib/lke/scoring';
import type { Indicator } from '@/lib/lke/schema';
import { LKE } from '@/lib/lke/template';

const answers = (entries: Record<string, string | null>): Answers => new Map(Object.entries(entries));
const indicator = (code: string): Indicator => LKE.byCode.get(code)!;
const nodeScore = (sheet: ReturnType<typeof computeScore>, code: string): number => sheet.nodes.get(code)!.score;

/** Every answerable question with its best answer: options A/Ya, indices 4, counts that give 100 %. */
function bestAnswers(): Map<string, string | null> {
  const best = new Map<string, string | null>();
  for (const item of LKE.answerable) {
    if (item.answerType === 'score_0_4') best.set(item.code, '4');
    else if (item.answerType === 'count') best.set(item.code, '5');
    else best.set(item.code, item.options.find((o) => o.value === 1)!.key);
  }
  for (const item of LKE.template.indicators) {
    // A ratio is 100 % when what was done matches everything in the denominator's sum.
    if (item.formula?.kind === 'ratio') {
      for (const code of item.formula.numerator) best.set(code, String(5 * item.formula.denominator.length));
    }
  }
  // A decrease is 100 % when there were violations last year and none this year.
  best.set('A.II.3.iii.a.2', '0');
  return best;
}

describe('item values (DOMAIN.md §5)', () => {
  it('uses the workbook’s option values, 0.67 and 0.33 for A/B/C/D, case-insensitively', () => {
    const abcd = LKE.answerable.find((i) => i.answerType === 'abcd')!;
    expect(itemValue(abcd, answers({ [abcd.code]: 'B' }))).toBe(0.67);
    expect(itemValue(abcd, answers({ [abcd.code]: 'c' }))).toBe(0.33);
    expect(itemValue(indicator('A.I.1.i.a'), answers({ 'A.I.1.i.a': 'YA' }))).toBe(1);
    expect(itemValue(indicator('A.I.1.i.a'), answers({ 'A.I.1.i.a': 'Mungkin' }))).toBeNull();
    expect(itemValue(indicator('A.I.1.i.a'), answers({}))).toBeNull();
  });

  it('computes Reform percentages from the counts, capped at 100 %, blank while an input is blank', () => {
    // Worked examples of DOMAIN.md §6: 12 changes by 10 agents → 1; 6 of 12 integrated → 0.5.
    expect(itemValue(indicator('A.II.1.i.a'), answers({ 'A.II.1.i.a.1': '10', 'A.II.1.i.a.2': '12' }))).toBe(1);
    expect(itemValue(indicator('A.II.1.i.b'), answers({ 'A.II.1.i.b.1': '12', 'A.II.1.i.b.2': '6' }))).toBe(0.5);
    expect(itemValue(indicator('A.II.1.i.b'), answers({ 'A.II.1.i.b.1': '12' }))).toBeNull();
    expect(itemValue(indicator('A.II.1.i.b'), answers({ 'A.II.1.i.b.1': '0', 'A.II.1.i.b.2': '0' }))).toBeNull();
  });

  it('computes the decrease in violations with the workbook’s zero rules and the unused required input', () => {
    const decrease = indicator('A.II.3.iii.a');
    const counts = (previous: string, current: string, sanctioned: string | null = '1') =>
      answers({ 'A.II.3.iii.a.1': previous, 'A.II.3.iii.a.2': current, 'A.II.3.iii.a.3': sanctioned });
    expect(itemValue(decrease, counts('4', '1'))).toBe(0.75);
    expect(itemValue(decrease, counts('2', '5'))).toBe(0);
    expect(itemValue(decrease, counts('0', '0'))).toBe(1);
    // Excel's #DIV/0!: nothing to average.
    expect(itemValue(decrease, counts('0', '3'))).toBeNull();
    // The sanctions count is not used but must be filled.
    expect(itemValue(decrease, counts('4', '1', null))).toBeNull();
  });

  it('divides survey indices by 4 and reads decimal commas', () => {
    expect(itemValue(indicator('B.I.a'), answers({ 'B.I.a': '3,65' }))).toBeCloseTo(0.9125, 10);
    expect(itemValue(indicator('B.I.a'), answers({ 'B.I.a': '4.5' }))).toBeNull();
  });
});

describe('the roll-up (DOMAIN.md §8), a worked example', () => {
  const sheet = computeScore(
    answers({
      // A.I.1.i Penyusunan Tim Kerja, weight 0.5: Ya (1) and B (0.5) → average 0.75 × 0.5 = 0.375.
      'A.I.1.i.a': 'Ya',
      'A.I.1.i.b': 'B',
      // A.II.1.i, weight 2: percentages 1 and 0.5 → average 0.75 × 2 = 1.5.
      'A.II.1.i.a.1': '10',
      'A.II.1.i.a.2': '12',
      'A.II.1.i.b.1': '12',
      'A.II.1.i.b.2': '6',
      // A.II.5.iii = LHKPN % × 1 + LHKASN % × 1: 9 of (1 + 5 + 4) = 0.9, and 15 of 20 = 0.75 → 1.65.
      'A.II.5.iii.a.1': '1',
      'A.II.5.iii.a.2': '5',
      'A.II.5.iii.a.3': '4',
      'A.II.5.iii.a.4': '9',
      'A.II.5.iii.b.1': '5',
      'A.II.5.iii.b.2': '5',
      'A.II.5.iii.b.3': '10',
      'A.II.5.iii.b.4': '15',
      // Hasil: IPAK 3.65 → 3.65 ÷ 4 × 17.5 = 15.96875; capaian B → 0.75 × 5 = 3.75; IPKP 3.40 → 14.875.
      'B.I.a': '3.65',
      'B.I.b': 'B',
      'B.II.a': '3.40',
    }),
  );

  it('scores sub-areas as the average of their answered items times the weight', () => {
    expect(nodeScore(sheet, 'A.I.1.i')).toBeCloseTo(0.375, 10);
    expect(nodeScore(sheet, 'A.II.1.i')).toBeCloseTo(1.5, 10);
    expect(nodeScore(sheet, 'A.II.5.iii')).toBeCloseTo(0.9 + 0.75, 10);
  });

  it('sums upward: area, Pemenuhan, Reform, Pengungkit, Hasil and the total', () => {
    // Nothing else is answered, so each sum is just the sub-areas above.
    expect(nodeScore(sheet, 'A.I.1')).toBeCloseTo(0.375, 10);
    expect(sheet.pemenuhan).toBeCloseTo(0.375, 10);
    expect(nodeScore(sheet, 'A.II.5')).toBeCloseTo(1.65, 10);
    expect(sheet.reform).toBeCloseTo(1.5 + 1.65, 10);
    expect(sheet.pengungkit).toBeCloseTo(0.375 + 1.5 + 1.65, 10);
    expect(sheet.hasil).toBeCloseTo(15.96875 + 3.75 + 14.875, 10);
    expect(sheet.hasil).toBeCloseTo(34.59375, 10);
    expect(sheet.total).toBeCloseTo(0.375 + 1.5 + 1.65 + 34.59375, 10);
  });

  it('gives every component its full weight for the best answers', () => {
    const best = computeScore(bestAnswers());
    expect(best.pemenuhan).toBeCloseTo(30, 10);
    expect(best.reform).toBeCloseTo(30, 10);
    expect(best.hasil).toBeCloseTo(40, 10);
    expect(best.total).toBeCloseTo(100, 10);
  });
});

describe('blank items ("Blm Diisi", DOMAIN.md §9)', () => {
  const halfDone = answers({ 'A.I.1.i.a': 'Ya' });

  it('are left out of the average by the workbook’s rule', () => {
    expect(nodeScore(computeScore(halfDone), 'A.I.1.i')).toBeCloseTo(0.5, 10);
    expect(computeScore(halfDone).nodes.get('A.I.1.i')).toMatchObject({ answered: 1, items: 2 });
  });

  it('count as zero in the strict reading', () => {
    expect(nodeScore(computeScore(halfDone, 'zero'), 'A.I.1.i')).toBeCloseTo(0.25, 10);
  });

  it('leave a sub-area without any answer at zero in both readings', () => {
    expect(nodeScore(computeScore(answers({})), 'A.I.1.i')).toBe(0);
    expect(computeScore(answers({})).total).toBe(0);
  });
});

describe('properties over any answers', () => {
  /** Any answer a portal may hold for each question, including blanks and junk. */
  const anyAnswers = fc
    .tuple(
      ...LKE.answerable.map((item) => {
        const typed =
          item.answerType === 'count'
            ? fc.integer({ min: 0, max: 50 }).map(String)
            : item.answerType === 'score_0_4'
              ? fc.integer({ min: 0, max: 400 }).map((n) => (n / 100).toFixed(2))
              : fc.constantFrom(...item.options.map((o) => o.key));
        return fc.option(fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: fc.constant('?') }), { nil: null });
      }),
    )
    .map((values) => new Map(LKE.answerable.map((item, i) => [item.code, values[i] ?? null])));

  it('keeps every node within 0 and its weight, in both readings', () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom('excluded' as const, 'zero' as const), (given, blanks) => {
        for (const node of computeScore(given, blanks).nodes.values()) {
          expect(node.score).toBeGreaterThanOrEqual(0);
          expect(node.score).toBeLessThanOrEqual(node.weight + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('makes parts sum to their totals', () => {
    fc.assert(
      fc.property(anyAnswers, (given) => {
        const sheet = computeScore(given);
        expect(sheet.pengungkit).toBeCloseTo(sheet.pemenuhan + sheet.reform, 9);
        expect(sheet.total).toBeCloseTo(sheet.pengungkit + sheet.hasil, 9);
        for (const node of LKE.nodeByCode.values()) {
          if (node.rollup !== 'sum') continue;
          const parts = node.children.reduce((sum, child) => sum + nodeScore(sheet, child.code), 0);
          expect(nodeScore(sheet, node.code)).toBeCloseTo(parts, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers any score when one option answer is improved', () => {
    const choices = LKE.answerable.filter((item) => item.options.length > 0);
    fc.assert(
      fc.property(
        anyAnswers,
        fc.constantFrom(...choices),
        fc.constantFrom('excluded' as const, 'zero' as const),
        (given, item, blanks) => {
          const current = itemValue(item, given);
          const better = item.options.filter((o) => current === null || o.value > current);
          // In the workbook's reading, answering a blank item can lower an average: only the strict
          // reading promises that any answer of a blank helps; both promise it for a better option.
          if (better.length === 0 || (current === null && blanks === 'excluded')) return;
          const before = computeScore(given, blanks);
          const after = computeScore(new Map(given).set(item.code, better[0]!.key), blanks);
          for (const [code, node] of before.nodes) {
            expect(after.nodes.get(code)!.score).toBeGreaterThanOrEqual(node.score - 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
