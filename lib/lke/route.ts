import type { Indicator, Option } from './schema';
import { type Answers, type BlankRule, computeScore, itemValue } from './scoring';
import { LKE, type TemplateIndex } from './template';
import { type Condition, DEFAULT_THRESHOLDS, type Predicate, type Thresholds, judge } from './verdict';

// "Rute termurah": the fewest one-step answer improvements that make a score clear WBK or WBBM.
// A step raises one option answer to the next better option (Tidak → Ya, C → B, blank → the lowest
// option worth anything); percentages and survey indices are not answers the team picks, so they
// are left to the conditions that remain.

export interface RouteStep {
  code: string;
  from: string | null;
  to: string;
  /** Points the total gains by this step, after the steps before it. */
  gain: number;
}

export interface Route {
  predicate: Predicate;
  steps: readonly RouteStep[];
  /** The score after every step. */
  total: number;
  /** Conditions the steps cannot meet (survey indices, percentages); empty when the route reaches the predicate. */
  unmet: readonly Condition[];
}

/** The next better option of an item, or null when it holds its best one. */
function nextOption(indicator: Indicator, answers: Answers): Option | null {
  const current = itemValue(indicator, answers);
  const better = indicator.options.filter((option) => option.value > (current ?? 0)).sort((a, b) => a.value - b.value);
  return better[0] ?? null;
}

const shortfall = (conditions: readonly Condition[]): number => conditions.reduce((sum, c) => sum + c.gap, 0);

/**
 * Greedy, then pruned: each round takes the step that closes most of the conditions' gaps (the
 * total's gain breaks ties), until the predicate is met or no step helps; steps that the finished
 * route does not need are then dropped, newest first. Exact minimal sets are a knapsack problem;
 * with one-step moves of similar size the greedy route is what a team would plan by hand.
 */
export function cheapestRoute(
  answers: Answers,
  predicate: Predicate,
  { blanks = 'excluded', thresholds = DEFAULT_THRESHOLDS, template = LKE }: { blanks?: BlankRule; thresholds?: Thresholds; template?: TemplateIndex } = {},
): Route {
  const items = template.template.indicators.filter((i) => i.scored && !i.formula && i.options.length > 0);
  const evaluate = (given: Answers) => {
    const sheet = computeScore(given, blanks, template);
    return { sheet, verdict: judge(sheet, predicate, thresholds, template) };
  };
  const working = new Map(answers);
  let current = evaluate(working);
  const taken: { code: string; from: string | null; to: string }[] = [];

  while (!current.verdict.met) {
    let best: { code: string; to: string; result: ReturnType<typeof evaluate>; closes: number } | null = null;
    for (const item of items) {
      const option = nextOption(item, working);
      if (!option) continue;
      const trial = new Map(working).set(item.code, option.key);
      const result = evaluate(trial);
      const closes = shortfall(current.verdict.conditions) - shortfall(result.verdict.conditions);
      const better = !best || closes > best.closes + 1e-9 || (Math.abs(closes - best.closes) <= 1e-9 && result.sheet.total > best.result.sheet.total);
      if (closes > 1e-9 && better) best = { code: item.code, to: option.key, result, closes };
    }
    if (!best) break;
    taken.push({ code: best.code, from: working.get(best.code) ?? null, to: best.to });
    working.set(best.code, best.to);
    current = best.result;
  }

  // Drop steps the route turns out not to need, keeping every condition the full route met.
  const metBy = (steps: typeof taken) => {
    const given = new Map(answers);
    for (const step of steps) given.set(step.code, step.to);
    return evaluate(given);
  };
  const reached = new Set(current.verdict.conditions.filter((c) => c.met).map((c) => `${c.kind}:${c.subject}`));
  for (let i = taken.length - 1; i >= 0; i--) {
    const without = taken.filter((_, j) => j !== i);
    const conditions = metBy(without).verdict.conditions;
    if (conditions.every((c) => c.met || !reached.has(`${c.kind}:${c.subject}`))) taken.splice(i, 1);
  }

  // Gains in route order, each after the steps before it.
  const steps: RouteStep[] = [];
  const given = new Map(answers);
  let total = computeScore(given, blanks, template).total;
  for (const step of taken) {
    given.set(step.code, step.to);
    const next = computeScore(given, blanks, template).total;
    steps.push({ ...step, gain: next - total });
    total = next;
  }
  steps.sort((a, b) => b.gain - a.gain);
  const final = evaluate(given);
  return { predicate, steps, total: final.sheet.total, unmet: final.verdict.conditions.filter((c) => !c.met) };
}
