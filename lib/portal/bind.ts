import type { IndicatorKey } from '@/lib/lke/schema';
import { type Control, isEditable } from './controls';
import { normalizeText } from './text';

// Bind: which controls of a recognised row are the unit's answer, narrative, evidence and count.
// Look-alike controls in the same row (the TPI's or verifier's answer and notes, disabled copies)
// are never bound.

function evidenceField(control: Control): BoundField {
  return { field: 'evidence', controls: [control.element], kind: control.kind };
}

/** Radio buttons grouped by name, in document order. */
function radioGroups(controls: readonly Control[]): Control[][] {
  const groups = new Map<string, Control[]>();
  for (const control of controls) {
    if (control.kind !== 'radio') continue;
    const name = control.element.getAttribute('name') ?? '';
    groups.set(name, [...(groups.get(name) ?? []), control]);
  }
  return [...groups.values()];
}

/** A radio group or select whose options are the indicator's, or a text input the user types "B" in. */
function optionAnswer(key: IndicatorKey, controls: readonly Control[]): BoundField | null {
  if (key.options.length === 0) return null;
  for (const group of radioGroups(controls)) {
    const optionKeys = group.map((c) => radioOptionKey(c.element as HTMLInputElement, key.options, c.label));
    if (new Set(optionKeys.filter(Boolean)).size >= Math.min(2, key.options.length)) {
      return { field: 'answer', controls: group.map((c) => c.element), kind: 'radio', optionKeys };
    }
  }
  const select = controls.find((c) => c.kind === 'select' && selectMatchesOptions(c.element as HTMLSelectElement, key.options));
  if (select) return { field: 'answer', controls: [select.element], kind: 'select' };
  // A custom select lists its options only when opened: its place in the row has to do.
  const combobox = controls.find((c) => c.kind === 'combobox');
  if (combobox) return { field: 'answer', controls: [combobox.element], kind: 'combobox' };
  const typed = controls.find((c) => c.kind === 'text' && ANSWER.test(c.hint) && !NARRATIVE.test(c.hint));
  return typed ? { field: 'answer', controls: [typed.element], kind: 'text' } : null;
}

const LEADING_NUMBER = /^\s*(\d+(?:[.,]\d+)?)/;

/**
 * A count or a 0–4 index: a number input, a text input named as one, or (apps that turn the
 * index into choices) a group of radios or a select labelled with numbers.
 */
function numericAnswer(key: IndicatorKey, controls: readonly Control[]): BoundField | null {
  const field: FieldName = key.answerType === 'count' ? 'count' : 'answer';
  const input =
    controls.find((c) => c.kind === 'number') ??
    controls.find((c) => c.kind === 'text' && (ANSWER.test(c.hint) || /jumlah|nilai|indeks/.test(c.hint)));
  if (input) return { field, controls: [input.element], kind: input.kind };
  for (const group of radioGroups(controls)) {
    const optionKeys = group.map((c) => LEADING_NUMBER.exec(c.label)?.[1]?.replace(',', '.') ?? null);
    if (optionKeys.every((k) => k !== null)) return { field, controls: group.map((c) => c.element), kind: 'radio', optionKeys };
  }
  const choice = controls.find((c) => c.kind === 'select' || c.kind === 'combobox');
  return choice ? { field, controls: [choice.element], kind: choice.kind } : null;
}

export type FieldName = 'answer' | 'narrative' | 'evidence' | 'count';

export interface BoundField {
  field: FieldName;
  /** One element, or every radio / button of a group. */
  controls: HTMLElement[];
  kind: Control['kind'];
  /** Option key for each control of a group (radios), in the same order. */
  optionKeys?: (string | null)[];
}

const NARRATIVE = /(catatan|keterangan|penjelasan|narasi|uraian|deskripsi|komentar|justifikasi|analisis|alasan|note|notes)/;
const EVIDENCE = /(bukti|eviden|dukung|link|tautan|url|dokumen|lampiran|upload|unggah|file|berkas|drive|attachment)/;
const ANSWER = /(jawab|pilihan|opsi|answer|option)/;

/** The option key a radio, a select option or a typed text stands for ("a" → "A", "YA" → "Ya"). */
export function optionKeyOf(text: string, keys: readonly string[]): string | null {
  const normalized = normalizeText(text);
  if (normalized.length === 0) return null;
  for (const key of keys) {
    const k = key.toLowerCase();
    if (normalized === k) return key;
    // "A. Jika …", "a) …", "Ya, jika …", "A - …"
    if (normalized.startsWith(`${k} `) && (k.length > 1 || /^\s*[A-Ea-e]\s*[.):,\-–]/.test(text))) return key;
  }
  if (keys.includes('Ya') && /^(y|iya|yes|1)$/.test(normalized)) return 'Ya';
  if (keys.includes('Tidak') && /^(t|tdk|no|0)$/.test(normalized)) return 'Tidak';
  return null;
}

function radioOptionKey(radio: HTMLInputElement, keys: readonly string[], label: string): string | null {
  return optionKeyOf(radio.value, keys) ?? optionKeyOf(label, keys);
}

function selectMatchesOptions(select: HTMLSelectElement, keys: readonly string[]): boolean {
  const mapped = new Set<string>();
  for (const option of Array.from(select.options)) {
    const key = optionKeyOf(option.text, keys) ?? optionKeyOf(option.value, keys);
    if (key) mapped.add(key);
  }
  return keys.length > 0 && mapped.size === keys.length;
}

/** Whether a described control may be bound at all: never the reviewer's, never a disabled one. */
export function isCandidate(control: Control): boolean {
  return !control.hidden && !control.reviewer && isEditable(control.element);
}

/**
 * Binds a row's controls (its own, in document order, nested rows' controls excluded). `lists`
 * are the row's lists: one that the page labels as evidence is the evidence field, and the link
 * inputs inside it are part of it.
 */
export function bindRow(key: IndicatorKey, controls: readonly Control[], lists: readonly Control[] = []): BoundField[] {
  const evidenceList = lists.find((list) => EVIDENCE.test(list.hint) && !list.reviewer);
  if (evidenceList) {
    const outside = controls.filter((control) => !evidenceList.element.contains(control.element));
    return [...bindRow(key, outside).filter((f) => f.field !== 'evidence'), evidenceField(evidenceList)];
  }
  const fields: BoundField[] = [];
  const used = new Set<HTMLElement>();
  const take = (field: BoundField | null) => {
    if (!field) return;
    fields.push(field);
    field.controls.forEach((c) => used.add(c));
  };
  take(key.answerType === 'count' || key.answerType === 'score_0_4' ? numericAnswer(key, controls) : optionAnswer(key, controls));

  const free = () => controls.filter((c) => !used.has(c.element));
  const evidence =
    free().find((c) => c.kind === 'url' || c.kind === 'file') ??
    free().find((c) => (c.kind === 'text' || c.kind === 'textarea') && EVIDENCE.test(c.hint) && !NARRATIVE.test(c.hint));
  if (evidence) take(evidenceField(evidence));

  const writable = free().filter((c) => c.kind === 'textarea' || c.kind === 'editable' || c.kind === 'text');
  const narrative =
    writable.find((c) => NARRATIVE.test(c.hint)) ??
    writable.find((c) => c.kind === 'textarea' || c.kind === 'editable');
  if (narrative) take({ field: 'narrative', controls: [narrative.element], kind: narrative.kind });

  return fields;
}
