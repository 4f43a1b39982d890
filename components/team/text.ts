import { i18n } from '#i18n';
import type { WorkflowStatus } from '@/lib/db/schema';
import { LKE } from '@/lib/lke/template';

// Messages whose key is chosen at run time, which the generated per-key types of `i18n.t` cannot
// follow; test/unit/team/locales.test.ts checks every such key exists in both languages.
export const translate = i18n.t as (key: string, substitutions?: (string | number)[]) => string;

export const statusText = (status: WorkflowStatus): string => translate(`team.status.${status}`);

/** A short question for lists: the code and the first words of its question. */
export function indicatorLabel(code: string): string {
  const question = LKE.byCode.get(code)?.question ?? '';
  const short = question.length > 90 ? `${question.slice(0, 88).trimEnd()}…` : question;
  return `${code} — ${short}`;
}

/** Hands the bytes to the browser as a download; the object URL is freed once the click started it. */
export function saveFile(content: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url));
}

/** A file name part from free text: lower case, ASCII letters and digits joined by hyphens. */
export const slug = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'tim';
