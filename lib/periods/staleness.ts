// What changed in an indicator between two template editions, so a carried-over answer can say why
// it needs another look. Pure: takes two template objects.
import type { StaleReason } from '../db/schema';
import type { Indicator, Template } from '../lke/schema';
import { indexTemplate, type TemplateIndex } from '../lke/template';

const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** The question and its criteria: what the unit's narrative answers to. */
const wordingDiffers = (before: Indicator, after: Indicator): boolean =>
  !sameText(before.question, after.question) || !sameText(before.criteria, after.criteria);

/** Option keys, labels and values: a carried answer may now mean, or score, something else. */
function optionsDiffer(before: Indicator, after: Indicator): boolean {
  if (before.answerType !== after.answerType || before.options.length !== after.options.length) return true;
  return before.options.some((option, index) => {
    const other = after.options[index]!;
    return option.key !== other.key || option.value !== other.value || !sameText(option.label, other.label);
  });
}

/**
 * Every weight the indicator's value is multiplied by on its way into the score: its own (Hasil)
 * and those of the nodes above it (a Pengungkit item weighs as its sub-area does, lib/lke/schema).
 */
const weightsOf = (index: TemplateIndex, indicator: Indicator): string =>
  JSON.stringify([...index.ancestors(indicator.code).map((node) => node.weight), indicator.weight]);

/**
 * Why each indicator of `after` is stale against `before`, by code; indicators that did not change
 * are left out. An indicator `before` lacks has nothing carried into it, so it is left out too.
 */
export function compareTemplates(before: Template, after: Template): Map<string, StaleReason[]> {
  if (before === after) return new Map();
  const [old, next] = [indexTemplate(before), indexTemplate(after)];
  const stale = new Map<string, StaleReason[]>();
  for (const indicator of after.indicators) {
    const previous = old.byCode.get(indicator.code);
    if (!previous) continue;
    const reasons: StaleReason[] = [];
    if (wordingDiffers(previous, indicator)) reasons.push('wording');
    if (optionsDiffer(previous, indicator)) reasons.push('options');
    if (weightsOf(old, previous) !== weightsOf(next, indicator)) reasons.push('weight');
    if (reasons.length > 0) stale.set(indicator.code, reasons);
  }
  return stale;
}
