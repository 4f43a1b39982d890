import type { Indicator, Option } from './schema';

// How the official workbook turns one typed answer into a number (DOMAIN.md §5–§7). Shared by the
// score and the hints, so both call the same answer "answered".

/**
 * Reads a Jumlah input. Counts are whole numbers written the Indonesian way ("1.234" with "."
 * between thousands), so a decimal comma, a sign or any other text is not a count: the workbook
 * would not compute the percentage from it either.
 */
export function parseCount(text: string | null): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(trimmed)) return null;
  return Number(trimmed.replaceAll('.', ''));
}

/**
 * Reads a survey index 0–4 (IPAK, IPKP), written "3,65" the Indonesian way or "3.65"; anything
 * outside 0–4 is not an index.
 */
export function parseIndex(text: string | null): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d(?:[.,]\d+)?$/.test(trimmed)) return null;
  const index = Number(trimmed.replace(',', '.'));
  return index >= 0 && index <= 4 ? index : null;
}

/**
 * The option an answer selects. Excel compares text case-insensitively, so "a" and "YA" score;
 * surrounding spaces are the page's or the reader's, not the unit's, so they do not count.
 */
export function optionOf(indicator: Indicator, answer: string | null): Option | null {
  if (answer === null) return null;
  const key = answer.trim().toUpperCase();
  return indicator.options.find((option) => option.key.toUpperCase() === key) ?? null;
}
