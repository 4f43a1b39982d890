import { TEMPLATE_KEYS } from '@/lib/portal/engine';
import { readField, readRow } from '@/lib/portal/read';
import type { BoundField } from '@/lib/portal/bind';
import type { RecognizedRow } from '@/lib/portal/recognize';
import type { RowState } from '@/lib/messaging/protocol';

const optionsByCode = new Map(TEMPLATE_KEYS.map((key) => [key.code, key.options]));

export function readRowState(row: RecognizedRow): RowState {
  return readRow(row, optionsByCode.get(row.code) ?? []);
}

/** The text of one bound field of a recognised row, with the row's answer options. */
export function readFieldText(row: RecognizedRow, field: BoundField): string {
  return readField(field, optionsByCode.get(row.code) ?? []);
}

/** The recognised row a page element belongs to (its nearest marked ancestor). */
export function rowOfElement(rows: readonly RecognizedRow[], target: Element): RecognizedRow | undefined {
  return rows.find((row) => row.elements.some((element) => element.contains(target)) &&
    row.fields.some((field) => field.controls.some((control) => control === target || control.contains(target))));
}
