import type { RowState } from '@/lib/messaging/protocol';
import type { BoundField } from './bind';
import { optionKeyOf } from './bind';
import type { RecognizedRow } from './recognize';

// Read: what the page currently shows in a recognised row (ARCHITECTURE.md rule 10: work done
// before the extension was installed, or on another computer, counts too).

const URL_PATTERN = /https?:\/\/[^\s"'<>]+/gi;

function textValue(element: HTMLElement): string {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element.value;
  return element.innerText ?? element.textContent ?? '';
}

function readAnswer(field: BoundField, options: readonly string[]): string | null {
  if (field.kind === 'radio') {
    const index = field.controls.findIndex((c) => (c as HTMLInputElement).checked);
    if (index < 0) return null;
    return field.optionKeys?.[index] ?? (field.controls[index] as HTMLInputElement).value;
  }
  const element = field.controls[0]!;
  if (element instanceof HTMLSelectElement) {
    const option = element.options[element.selectedIndex];
    if (!option || option.value === '') return null;
    if (options.length === 0) return option.text.trim() || option.value;
    return optionKeyOf(option.text, options) ?? optionKeyOf(option.value, options);
  }
  // A custom select shows the chosen option's text; a placeholder ("-- Pilih --") means none.
  const value = textValue(element).trim();
  if (value === '') return null;
  return options.length > 0 ? (optionKeyOf(value, options) ?? value) : value;
}

/** Evidence as links: URLs typed into the field, or the file names of an upload slot. */
/** A list of links: the links' addresses and what is typed into its new-link inputs. */
function linksOfList(list: HTMLElement): string {
  const hrefs = Array.from(list.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href);
  const typed = Array.from(list.querySelectorAll('input'), (input) => input.value);
  return [...hrefs, ...typed].join('\n');
}

function readEvidence(field: BoundField): string[] {
  const element = field.controls[0]!;
  if (element instanceof HTMLInputElement && element.type === 'file') {
    return Array.from(element.files ?? [], (file) => file.name);
  }
  const text = field.kind === 'list' ? linksOfList(element) : textValue(element);
  const urls = text.match(URL_PATTERN);
  if (urls) return [...new Set(urls)];
  const trimmed = text.trim();
  return trimmed === '' ? [] : [trimmed];
}

/**
 * One field's value as text, as the user left it: the answer's option key (or '' when none), the
 * narrative, or the evidence exactly as typed, so autosave keeps even text that holds no link yet.
 */
export function readField(field: BoundField, options: readonly string[]): string {
  if (field.field === 'answer' || field.field === 'count') return readAnswer(field, options) ?? '';
  const element = field.controls[0]!;
  return field.kind === 'list' ? linksOfList(element) : textValue(element);
}

export function readRow(row: RecognizedRow, options: readonly string[]): RowState {
  const field = (name: BoundField['field']) => row.fields.find((f) => f.field === name);
  const answer = field('answer') ?? field('count');
  const narrative = field('narrative');
  const evidence = field('evidence');
  const narrativeText = narrative ? textValue(narrative.controls[0]!) : null;
  return {
    code: row.code,
    answer: answer ? readAnswer(answer, options) : null,
    narrative: narrativeText !== null && narrativeText.trim() !== '' ? narrativeText : null,
    evidence: evidence ? readEvidence(evidence) : [],
  };
}
