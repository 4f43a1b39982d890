import keys from '@/lib/lke/data/permenpanrb-90-2021.keys.json';
import type { IndicatorKey } from '@/lib/lke/schema';
import { createQuestionMatcher } from './matcher';
import { createRecognizer } from './recognize';

/** The recogniser for the bundled template (PermenPANRB 90/2021, PortalRB 2026). */
export const TEMPLATE_KEYS = keys as IndicatorKey[];

export function createTemplateRecognizer() {
  return createRecognizer(TEMPLATE_KEYS, createQuestionMatcher(TEMPLATE_KEYS));
}
