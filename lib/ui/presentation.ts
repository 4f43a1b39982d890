import type { Indicator } from '@/lib/lke/schema';

const SMALL_WORDS = new Set(['dan', 'yang', 'di', 'ke', 'dari', 'pada', 'untuk', 'atau', 'dengan', 'terhadap']);

/**
 * Template names of the upper levels are in capitals ("PENATAAN SISTEM MANAJEMEN SDM APARATUR");
 * shouting is hard to read in a breadcrumb, so they become title case. Words without a vowel are
 * acronyms (SDM) and stay as they are; mixed-case names are already readable and are kept.
 */
export function readableName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word, position) => {
      if (!/[AEIOU]/.test(word)) return word;
      const lower = word.toLowerCase();
      if (position > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

/**
 * For A–E questions the criteria text is the list of option labels ("a. Jika …\nb. Jika …"), so
 * showing both would print every criterion twice.
 */
export function criteriaRepeatsOptions(indicator: Indicator): boolean {
  const lines = indicator.criteria
    .split('\n')
    .map((line) => line.replace(/^[a-e]\.\s*/i, '').trim())
    .filter((line) => line !== '');
  return (
    lines.length === indicator.options.length &&
    lines.every((line, at) => line === indicator.options[at]?.label.trim())
  );
}

/** An evidence entry as a link target, only for http(s): page text is untrusted (rule 3). */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
