import { sendRequest } from '@/lib/messaging/client';
import { MAX_TEXT_LENGTH, type TabCommandReply, type WritableField } from '@/lib/messaging/protocol';
import type { BoundField } from '@/lib/portal/bind';
import type { RecognizedRow } from '@/lib/portal/recognize';
import type { FieldUndo, WriteResult } from '@/lib/portal/write';
import { announceLocalSave } from './local-saves';

// Every write into the portal (an insert from the side panel, a restore from a badge) goes
// through here: one undo per field, shared by the panel's "undo" and the badge's "Batalkan",
// and the history told what the portal now holds (the write's synthetic events are untrusted,
// so autosave ignores them).

const undos = new Map<string, FieldUndo>();
const keyOf = (code: string, field: WritableField) => `${code}\u0000${field}`;

export function fieldOf(row: RecognizedRow, name: WritableField): BoundField | undefined {
  return row.fields.find((field) => field.field === name);
}

function record(code: string, field: WritableField, text: string): void {
  const edits = [{ code, field, text: text.slice(0, MAX_TEXT_LENGTH), at: Date.now() }];
  sendRequest('autosave.record', { url: location.href, edits })
    .then(() => announceLocalSave(edits))
    .catch((error: unknown) => console.warn('[Asisten LKE] the inserted text was not recorded', error));
}

/** Writes into a row's field with `write` and answers as a tab command does. */
export function writeInto(row: RecognizedRow, name: WritableField, write: (field: BoundField) => WriteResult): TabCommandReply {
  const field = fieldOf(row, name);
  if (!field) return { ok: false, reason: 'no_field' };
  const result = write(field);
  if (result.undo) undos.set(keyOf(row.code, name), result.undo);
  if (!result.ok) return { ok: false, reason: result.reason };
  record(row.code, name, result.readBack);
  return { ok: true, readBack: result.readBack.slice(0, MAX_TEXT_LENGTH), undoable: true };
}

/** Whether the field still holds the extension's last write, so it can be undone. */
export function canUndo(code: string, name: WritableField): boolean {
  return undos.get(keyOf(code, name))?.holdsWrite() ?? false;
}

/** Puts back what the field held before the extension's last write into it. */
export function undoWrite(code: string, name: WritableField): TabCommandReply {
  const key = keyOf(code, name);
  const undo = undos.get(key);
  if (!undo?.holdsWrite()) return { ok: false, reason: 'nothing_to_undo' };
  undos.delete(key);
  const result = undo.undo();
  if (!result.ok) return { ok: false, reason: 'mismatch' };
  // Not recorded: the history already holds what the field had before, and an undone restore
  // must leave the saved text the newest, so the badge can offer it again.
  return { ok: true, readBack: result.readBack.slice(0, MAX_TEXT_LENGTH), undoable: false };
}
