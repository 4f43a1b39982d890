import { browser } from 'wxt/browser';
import { type TabCommand, type TabCommandReply, TabCommandSchema, type WritableField } from '@/lib/messaging/protocol';
import type { RecognizedRow } from '@/lib/portal/recognize';
import { focusField, writeLinks, writeText } from '@/lib/portal/write';
import type { Feature } from './features';
import { readFieldText } from './row-state';
import { fieldOf, undoWrite, writeInto } from './writes';

// The side panel's buttons write into the portal through tab commands: insert a narrative or
// evidence links, undo that, or bring an indicator's row into view. Every frame of the tab
// gets each command; only the frame where the indicator's row is recognised answers, so the
// sender gets that frame's reply (and `not_on_page` when no frame has the row).

type RowCommand = Exclude<TabCommand, { type: 'calibration.start' }>;

const FLASH_MS = 1_600;

/** The field a command writes into or undoes. */
function fieldNameOf(command: RowCommand): WritableField | null {
  if (command.type === 'narrative.insert') return 'narrative';
  if (command.type === 'evidence.insert') return 'evidence';
  if (command.type === 'field.undo') return command.field;
  return null;
}

/**
 * Shows the row with an outline that fades out: an animation, so the page's own styles are never
 * changed, not even for a moment after it ends.
 */
function focusRow(row: RecognizedRow): TabCommandReply {
  const container = row.elements[0]!;
  container.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const empty = row.fields.find((field) => readFieldText(row, field).trim() === '');
  const target = empty ?? row.fields[0];
  if (target) focusField(target);
  container.animate(
    [
      { outline: '3px solid #0f766e', outlineOffset: '2px' },
      { outline: '3px solid rgba(15, 118, 110, 0)', outlineOffset: '2px' },
    ],
    { duration: FLASH_MS, easing: 'ease-in' },
  );
  return { ok: true, readBack: '', undoable: false };
}

function carryOut(row: RecognizedRow, command: RowCommand): TabCommandReply {
  switch (command.type) {
    case 'narrative.insert':
      return writeInto(row, 'narrative', (field) => writeText(field, command.text));
    case 'evidence.insert':
      return writeInto(row, 'evidence', (field) => writeLinks(field, command.links));
    case 'field.undo':
      return undoWrite(row.code, command.field);
    case 'row.focus':
      return focusRow(row);
  }
}

/** The recognised row a command is for: of the rows with its code, one with the field it needs. */
function rowFor(rows: readonly RecognizedRow[], command: RowCommand): RecognizedRow | undefined {
  const candidates = rows.filter((row) => row.code === command.code && row.anchor.isConnected);
  const name = fieldNameOf(command);
  return (name && candidates.find((row) => fieldOf(row, name))) || candidates[0];
}

export const commands: Feature = {
  id: 'commands',
  init({ signal, currentRows }) {
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: TabCommandReply) => void) => {
      // Commands come from the extension itself (side panel, background), never from a page.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const parsed = TabCommandSchema.safeParse(message);
      if (!parsed.success || parsed.data.type === 'calibration.start') return undefined;
      const command = parsed.data;
      const row = rowFor(currentRows(), command);
      // Another frame may have the row: staying silent lets its answer be the one delivered.
      if (!row) return undefined;
      sendResponse(carryOut(row, command));
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
  },
};
