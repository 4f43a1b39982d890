import { LKE } from '../lke/template';

// What the evidence forms accept. The UI maps each problem to `evidence.problem.<field>.<problem>`.

/** Why a typed link cannot be stored: only http(s) links are accepted (ARCHITECTURE rule 3). */
export type UrlProblem = 'required' | 'noScheme' | 'protocol' | 'notUrl';

export function urlProblem(raw: string): UrlProblem | null {
  const text = raw.trim();
  if (text === '') return 'required';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // "drive.google.com/file/d/…" copied without its scheme: say what to add rather than "invalid".
    return /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text) ? 'noScheme' : 'notUrl';
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  // A Windows path ("C:\ZONA INTEGRITAS\…", as court pages list evidence) parses as scheme "c:".
  return /^[a-z]:$/i.test(url.protocol) ? 'notUrl' : 'protocol';
}

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * A document date as stored: "yyyy-mm-dd", or "yyyy" when only the year is known (the forms the
 * hints read). Also takes the Indonesian "dd/mm/yyyy" and "dd-mm-yyyy". Empty text is no date (null);
 * anything else is `undefined`, a problem to show.
 */
export function parseDocumentDate(raw: string): string | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d{4}$/.test(text)) return text;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [0, 0, 0];
  return year > 0 && isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The add/edit form's fields, as typed. */
export interface EvidenceDraft {
  title: string;
  url: string;
  documentDate: string;
  type: string;
  note: string;
}

export interface EvidenceDraftProblems {
  title?: 'required';
  url?: UrlProblem;
  documentDate?: 'invalid';
}

export function checkEvidenceDraft(draft: EvidenceDraft): EvidenceDraftProblems {
  const problems: EvidenceDraftProblems = {};
  if (draft.title.trim() === '') problems.title = 'required';
  const url = urlProblem(draft.url);
  if (url) problems.url = url;
  if (parseDocumentDate(draft.documentDate) === undefined) problems.documentDate = 'invalid';
  return problems;
}

const codeByLowerCase = new Map(LKE.template.indicators.map((indicator) => [indicator.code.toLowerCase(), indicator.code]));

/**
 * Indicator codes typed in a list ("A.I.1.i.a, A.I.1.i.b" or one per line), matched regardless of case
 * and without repeats; `unknown` keeps what the template does not know, as typed.
 */
export function parseIndicatorCodes(text: string): { codes: string[]; unknown: string[] } {
  const codes = new Set<string>();
  const unknown: string[] = [];
  for (const word of text.split(/[\s,;]+/)) {
    if (word === '') continue;
    const code = codeByLowerCase.get(word.replace(/\.$/, '').toLowerCase());
    if (code) codes.add(code);
    else unknown.push(word);
  }
  return { codes: [...codes], unknown };
}

/** Whether every word of `query` occurs in the document's title, link, type or note (any case). */
export function matchesQuery(
  document: { title: string; url: string; type: string | null; note: string },
  query: string,
): boolean {
  const haystack = [document.title, document.url, document.type ?? '', document.note].join('\n').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
