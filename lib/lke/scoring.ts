import type { Formula, Indicator, TemplateNode } from './schema';
import { LKE, type TemplateIndex } from './template';
import { optionOf, parseCount, parseIndex } from './values';

// The self-assessment score ("penilaian mandiri") exactly as the official workbook computes it
// (DOMAIN.md §5–§9): item values, Reform percentages from their Jumlah inputs, sub-area averages
// times weights, sums upward, Hasil from the survey indices and capaian kinerja.

/** Answers by indicator code: option keys, counts and indices as typed. */
export type Answers = ReadonlyMap<string, string | null>;

/**
 * `excluded`: the workbook's rule, a blank item ("Blm Diisi") is left out of its sub-area's
 * average. `zero`: the strict reading, a blank counts as 0.
 */
export type BlankRule = 'excluded' | 'zero';

export interface NodeScore {
  code: string;
  weight: number;
  /** Points, 0 … weight. */
  score: number;
  /** Scored items under the node that have a value. */
  answered: number;
  /** Scored items under the node. */
  items: number;
}

export interface ScoreSheet {
  blanks: BlankRule;
  /** Every tree node's score, by code. */
  nodes: ReadonlyMap<string, NodeScore>;
  /** Every scored item's value 0 … 1, or null for "Blm Diisi". */
  values: ReadonlyMap<string, number | null>;
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
}

function sumCounts(answers: Answers, codes: readonly string[]): number | null {
  let sum = 0;
  for (const code of codes) {
    const count = parseCount(answers.get(code) ?? null);
    if (count === null) return null;
    sum += count;
  }
  return sum;
}

/**
 * A Reform percentage from its Jumlah inputs (DOMAIN.md §6): "Blm Diisi" while any tested input is
 * blank, and also where the workbook divides by zero (#DIV/0!), which no average can use either.
 */
export function percentValue(formula: Formula, answers: Answers): number | null {
  if (sumCounts(answers, formula.alsoRequired) === null) return null;
  if (formula.kind === 'ratio') {
    const numerator = sumCounts(answers, formula.numerator);
    const denominator = sumCounts(answers, formula.denominator);
    if (numerator === null || denominator === null || denominator === 0) return null;
    return Math.min(formula.cap, numerator / denominator);
  }
  const previous = sumCounts(answers, [formula.previous]);
  const current = sumCounts(answers, [formula.current]);
  if (previous === null || current === null) return null;
  if (previous === 0) return current === 0 ? 1 : null;
  return Math.max(0, (previous - current) / previous);
}

/** The value 0 … 1 of one scored item, or null where the workbook shows "Blm Diisi". */
export function itemValue(indicator: Indicator, answers: Answers): number | null {
  if (indicator.formula) return percentValue(indicator.formula, answers);
  const answer = answers.get(indicator.code) ?? null;
  if (indicator.answerType === 'score_0_4') {
    const index = parseIndex(answer);
    return index === null ? null : index / 4;
  }
  return optionOf(indicator, answer)?.value ?? null;
}

interface ScoringPlan {
  /** Scored items per node that averages or weighs its items. */
  itemsOf: ReadonlyMap<string, readonly Indicator[]>;
  scored: readonly Indicator[];
}

const plans = new WeakMap<TemplateIndex, ScoringPlan>();

/** Which items each node scores, worked out once per template: a recompute only does arithmetic. */
function planOf(template: TemplateIndex): ScoringPlan {
  let plan = plans.get(template);
  if (!plan) {
    const scored = template.template.indicators.filter((indicator) => indicator.scored);
    const itemsOf = new Map<string, Indicator[]>();
    for (const indicator of scored) {
      if (indicator.parent === null) continue;
      const items = itemsOf.get(indicator.parent) ?? [];
      items.push(indicator);
      itemsOf.set(indicator.parent, items);
    }
    plan = { itemsOf, scored };
    plans.set(template, plan);
  }
  return plan;
}

/** Computes the whole score sheet of one set of answers. */
export function computeScore(answers: Answers, blanks: BlankRule = 'excluded', template: TemplateIndex = LKE): ScoreSheet {
  const plan = planOf(template);
  const values = new Map<string, number | null>();
  for (const indicator of plan.scored) values.set(indicator.code, itemValue(indicator, answers));
  const nodes = new Map<string, NodeScore>();

  const scoreNode = (node: TemplateNode): NodeScore => {
    let result: NodeScore;
    if (node.rollup === 'sum') {
      const children = node.children.map(scoreNode);
      result = {
        code: node.code,
        weight: node.weight,
        score: children.reduce((sum, child) => sum + child.score, 0),
        answered: children.reduce((sum, child) => sum + child.answered, 0),
        items: children.reduce((sum, child) => sum + child.items, 0),
      };
    } else {
      const items = plan.itemsOf.get(node.code) ?? [];
      const known = items.map((item) => values.get(item.code) ?? null);
      const answered = known.filter((value): value is number => value !== null);
      let score: number;
      if (node.rollup === 'weighted_items') {
        // Hasil items carry their own weights; a blank index adds nothing in either reading.
        score = items.reduce((sum, item, i) => sum + (known[i] ?? 0) * (item.weight ?? 0), 0);
      } else {
        const counted = blanks === 'zero' ? known.map((value) => value ?? 0) : answered;
        // The workbook's AVERAGE of nothing is #DIV/0!; a sub-area with no answer adds nothing yet.
        score = counted.length === 0 ? 0 : (counted.reduce((sum, value) => sum + value, 0) / counted.length) * node.weight;
      }
      result = { code: node.code, weight: node.weight, score, answered: answered.length, items: items.length };
    }
    nodes.set(node.code, result);
    return result;
  };
  template.template.tree.forEach(scoreNode);

  const scoreOf = (code: string): number => nodes.get(code)?.score ?? 0;
  return {
    blanks,
    nodes,
    values,
    total: template.template.tree.reduce((sum, node) => sum + scoreOf(node.code), 0),
    pengungkit: scoreOf('A'),
    pemenuhan: scoreOf('A.I'),
    reform: scoreOf('A.II'),
    hasil: scoreOf('B'),
  };
}
