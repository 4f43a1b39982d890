import type { TemplateIndex } from '@/lib/lke/template';
import type { Hint, SeverityCounts } from './types';

/**
 * Hint counts per severity for every tree node (component down to sub-sub-area). A hint on a
 * Jumlah input counts under its percentage's sub-area, as `ancestors` resolves it.
 */
export function rollUp(hints: readonly Hint[], template: TemplateIndex): Map<string, SeverityCounts> {
  const counts = new Map<string, SeverityCounts>();
  for (const code of template.nodeByCode.keys()) counts.set(code, { error: 0, warning: 0, info: 0 });
  for (const h of hints) {
    for (const node of template.ancestors(h.code)) {
      const entry = counts.get(node.code);
      if (entry) entry[h.severity] += 1;
    }
  }
  return counts;
}

/**
 * The next code after `fromCode` in `orderedCodes` (template order) with an error or warning,
 * wrapping around to the start; `fromCode` itself comes last, when it is the only gap. Info hints
 * are not gaps. An unknown `fromCode` starts at the top.
 */
export function nextGap(
  orderedCodes: readonly string[],
  hints: readonly Hint[],
  fromCode: string | null,
): string | null {
  const gaps = new Set(hints.filter((h) => h.severity !== 'info').map((h) => h.code));
  const start = fromCode === null ? -1 : orderedCodes.indexOf(fromCode);
  for (let step = 1; step <= orderedCodes.length; step += 1) {
    const code = orderedCodes[(start + step) % orderedCodes.length];
    if (code !== undefined && gaps.has(code)) return code;
  }
  return null;
}
