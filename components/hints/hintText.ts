import { i18n } from '#i18n';
import type { Hint } from '@/lib/hints';

// The rule decides at run time which message and how many placeholders apply, which the generated
// per-key types of `i18n.t` cannot follow; lib/hints' locale test checks keys and placeholders.
const translate = i18n.t as (key: string, substitutions?: (string | number)[]) => string;

/** The title or explanation of a hint, its params substituted in order (see `Hint.params`). */
export const hintText = (hint: Hint, part: 'title' | 'explanation'): string =>
  translate(`hints.${hint.rule}.${part}`, Object.values(hint.params));
