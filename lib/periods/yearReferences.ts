// Year mentions in a narrative carried into the next period ("Pada tahun 2025 …"). Each one is only
// ever a suggestion: the panel shows it highlighted and the user applies it, one click per mention.
// Pure: no DOM, no database.

/** One year named in a text, with the year it would become in the new period. */
export interface YearMention {
  /** Offsets into the text: `text.slice(start, end)` is the year as written. */
  start: number;
  end: number;
  year: number;
  suggestion: number;
}

export interface YearShift {
  /** The evaluation year of the period the text was written in. */
  fromYear: number;
  /** The evaluation year of the period it was carried into. */
  toYear: number;
}

/**
 * How far back a year is still "last period's": a narrative of 2025 speaks of 2025 and of the year
 * before ("tahun 2024"); older years are history (the year a team was formed) and stay as they are.
 */
export const YEARS_BACK = 2;

/**
 * A run of letters and digits joined by the punctuation of numbers and document codes. A year is a
 * run that is the year alone, so phone numbers (0812-2025-7788), decree numbers (KEP-12/2025),
 * dates (31/12/2025) and amounts (Rp2.025.000) are left alone: they name something that exists,
 * and the next period does not change them.
 */
const COMPOUND = /[\p{L}\p{N}]+(?:[-/.:][\p{L}\p{N}]+)*/gu;
const YEAR = /^\d{4}$/;
/**
 * "2024-2025", "TA 2024/2025": a span of years, each end a year of its own. The second year must
 * follow the first closely, so a decree numbered 1234/2025 is not read as a span.
 */
const YEAR_SPAN = /^(\d{4})[-/](\d{4})$/;
const LONGEST_SPAN = 5;

function mentionsIn(run: string, offset: number): { start: number; year: number }[] {
  if (YEAR.test(run)) return [{ start: offset, year: Number(run) }];
  const span = YEAR_SPAN.exec(run);
  if (!span) return [];
  const [first, second] = [Number(span[1]), Number(span[2])];
  if (second <= first || second - first > LONGEST_SPAN) return [];
  return [
    { start: offset, year: first },
    { start: offset + 5, year: second },
  ];
}

/** The years of the period before (and up to YEARS_BACK before it) named in `text`, in order. */
export function findYearMentions(text: string, { fromYear, toYear }: YearShift): YearMention[] {
  const shift = toYear - fromYear;
  if (shift === 0) return [];
  const mentions: YearMention[] = [];
  for (const match of text.matchAll(COMPOUND)) {
    for (const { start, year } of mentionsIn(match[0], match.index)) {
      if (year > fromYear || year < fromYear - YEARS_BACK) continue;
      mentions.push({ start, end: start + 4, year, suggestion: year + shift });
    }
  }
  return mentions;
}

/** A piece of a text: plain, or a year mention to highlight. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'year'; text: string; mention: YearMention };

/** `text` cut into plain pieces and the mentions, for rendering as text nodes and marks. */
export function splitAtMentions(text: string, mentions: readonly YearMention[]): TextPart[] {
  const parts: TextPart[] = [];
  let position = 0;
  for (const mention of mentions) {
    if (mention.start > position) parts.push({ kind: 'text', text: text.slice(position, mention.start) });
    parts.push({ kind: 'year', text: text.slice(mention.start, mention.end), mention });
    position = mention.end;
  }
  if (position < text.length) parts.push({ kind: 'text', text: text.slice(position) });
  return parts;
}

/**
 * `text` with one mention replaced by its suggestion, or null when the text no longer holds that
 * year at that place (it was edited since the mention was found): nothing is changed then.
 */
export function applyYearSuggestion(text: string, mention: YearMention): string | null {
  if (text.slice(mention.start, mention.end) !== String(mention.year)) return null;
  return `${text.slice(0, mention.start)}${mention.suggestion}${text.slice(mention.end)}`;
}
