import type { Assignment } from '../db/schema';
import type { TemplateNode } from '../lke/schema';
import { LKE } from '../lke/template';

// What a PIC can be assigned: an area, a sub-area or one indicator, all named by template codes
// (ARCHITECTURE rule 5). The PIC of an indicator is its most specific assignment.

export type ScopeLevel = 'area' | 'subArea' | 'indicator';

/** The six change areas in both halves, and the two Hasil parts, which the unit also fills. */
const AREA_LEVELS = new Set<TemplateNode['level']>(['area_perubahan']);
const HASIL_PARTS = new Set(['B.I', 'B.II']);
const SUB_AREA_LEVELS = new Set<TemplateNode['level']>(['sub_area', 'sub_sub_area']);

export function scopeLevel(code: string): ScopeLevel | null {
  if (LKE.byCode.get(code)?.soalId != null) return 'indicator';
  const node = LKE.nodeByCode.get(code);
  if (!node) return null;
  if (AREA_LEVELS.has(node.level) || HASIL_PARTS.has(code)) return 'area';
  return SUB_AREA_LEVELS.has(node.level) ? 'subArea' : null;
}

export const isAssignableScope = (code: string): boolean => scopeLevel(code) !== null;

/** Every node of a level, in template order, for the pickers. */
export function scopesOfLevel(level: Exclude<ScopeLevel, 'indicator'>): TemplateNode[] {
  return [...LKE.nodeByCode.values()].filter((node) => scopeLevel(node.code) === level);
}

/** The indicators a unit answers (127), in template order. */
export const ANSWERABLE_CODES: readonly string[] = LKE.answerable.map((indicator) => indicator.code);

/** The answerable indicators a scope covers: itself, or everything under the node. */
export function codesInScope(scope: string): string[] {
  if (scopeLevel(scope) === 'indicator') return [scope];
  return ANSWERABLE_CODES.filter((code) => LKE.ancestors(code).some((node) => node.code === scope));
}

/** The area (change area or Hasil part) an indicator belongs to. */
export function areaOf(code: string): TemplateNode | null {
  return LKE.ancestors(code).find((node) => scopeLevel(node.code) === 'area') ?? null;
}

/**
 * The assignment that makes someone PIC of an indicator: one on the indicator itself, else on its
 * sub-area (innermost first), else on its area; null when nobody is assigned.
 */
export function effectiveAssignment<T extends Pick<Assignment, 'scope'>>(code: string, byScope: ReadonlyMap<string, T>): T | null {
  const chain = [code, ...LKE.ancestors(code).map((node) => node.code).reverse()];
  for (const scope of chain) {
    const assignment = byScope.get(scope);
    if (assignment) return assignment;
  }
  return null;
}

/** A code with its name, for lists and messages: "A.I.1 Manajemen Perubahan". */
export function scopeLabel(code: string): string {
  const node = LKE.nodeByCode.get(code);
  if (node) return `${code} ${node.name}`;
  return code;
}
