// Text normalisation for matching what a page prints against the template wording.
// Copies of the same LKE item differ in whitespace, line breaks, hyphens ("Whistle-Blowing"),
// case, item-letter prefixes ("a. "), trailing punctuation (" ?") and typos (DOMAIN.md §14.7):
// normalisation removes the first kinds, the fuzzy matcher absorbs the rest.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
/** Leading list markers and printed codes: "a.", "1)", "(iv)", "A.I.1.i.a", "1.i.a", "•". */
const LEADING_MARKERS =
  /^(?:\s*(?:[•▪◦·*-]|\(?[a-z]\)|\(?\d{1,3}\)|\(?[ivx]{1,5}\)|(?:[a-z0-9]{1,4}\.)+(?:[a-z0-9]{1,4}\b)?)\s+)+/i;
const TRUNCATION = /(?:…|\.\.\.+)\s*$/;

export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, ' ')
    .trim();
}

/** Normalised question text without leading item letters or codes. */
export function normalizeQuestion(raw: string): string {
  return normalizeText(raw.replace(LEADING_MARKERS, ''));
}

export function looksTruncated(raw: string): boolean {
  return TRUNCATION.test(raw);
}

/** Words of a normalised text. */
export function words(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/** Character trigrams of a normalised text, padded so word boundaries count. */
export function trigrams(normalized: string): Set<string> {
  const padded = ` ${normalized} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Sørensen–Dice coefficient of two trigram sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Share of `part`'s trigrams found in `whole` (for texts cut short with "…"). */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const gram of part) if (whole.has(gram)) shared++;
  return shared / part.size;
}
