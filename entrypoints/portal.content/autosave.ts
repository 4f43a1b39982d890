import { sendRequest } from '@/lib/messaging/client';
import { MAX_AUTOSAVE_EDITS, MAX_TEXT_LENGTH, type PortalEdit } from '@/lib/messaging/protocol';
import type { Feature } from './features';
import { announceLocalSave } from './local-saves';
import { readFieldText, rowOfElement } from './row-state';

// Autosave: what the user types into a recognised row's fields goes to the background as it is
// typed, so a portal that loses unsaved text (session expiry, a closed tab, a crash) loses nothing.
// An edit stays pending until the background acknowledged it: a message to a stopped service
// worker fails once and Chrome starts the worker again for the retry.

const DEBOUNCE_MS = 400;
const RETRY_MS = [250, 500, 1_000, 2_000, 4_000];
/** Inputs whose values are nobody's narrative: secrets, page plumbing and files. */
const NEVER_SAVED = new Set(['password', 'hidden', 'file']);

function isNeverSaved(element: Element): boolean {
  return element instanceof HTMLInputElement && NEVER_SAVED.has(element.type);
}

export const autosave: Feature = {
  id: 'autosave',
  init({ signal, currentRows }) {
    /** The latest unacknowledged value per indicator and field. */
    const pending = new Map<string, PortalEdit>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sending = false;
    let flushRequested = false;
    let failures = 0;

    const schedule = (delay: number) => {
      // A send in flight schedules the next one itself when it ends.
      if (sending || signal.aborted) return;
      clearTimeout(timer);
      timer = setTimeout(send, delay);
    };

    const send = () => {
      timer = undefined;
      if (pending.size === 0) return;
      sending = true;
      flushRequested = false;
      const batch = [...pending].slice(0, MAX_AUTOSAVE_EDITS);
      // Started synchronously, so a flush from `pagehide` leaves the page before it unloads.
      sendRequest('autosave.record', { url: location.href, edits: batch.map(([, edit]) => edit) })
        .then(() => {
          failures = 0;
          // A value typed while the message was under way is newer and stays pending.
          for (const [key, edit] of batch) if (pending.get(key) === edit) pending.delete(key);
          announceLocalSave(batch.map(([, edit]) => edit));
        })
        .catch((error: unknown) => {
          failures++;
          console.warn('[Asisten LKE] autosave not stored yet, retrying', error);
        })
        .finally(() => {
          sending = false;
          if (pending.size === 0) return;
          const more = flushRequested || batch.length === MAX_AUTOSAVE_EDITS;
          const delay = failures > 0 ? RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]! : more ? 0 : DEBOUNCE_MS;
          schedule(delay);
        });
    };

    const flush = () => {
      if (sending) flushRequested = true;
      else if (pending.size > 0) {
        clearTimeout(timer);
        send();
      }
    };

    const record = (event: Event) => {
      // Only what the user does: a portal script resetting its fields (a session expiry) must
      // not overwrite what was typed.
      if (!event.isTrusted) return;
      const target = event.target;
      if (!(target instanceof Element) || isNeverSaved(target)) return;
      const row = rowOfElement(currentRows(), target);
      const field = row?.fields.find((f) => f.controls.some((control) => control === target || control.contains(target)));
      if (!row || !field || field.controls.some(isNeverSaved)) return;
      const edit: PortalEdit = {
        code: row.code,
        field: field.field,
        // Longer than any portal accepts; the message would be refused whole and block the rest.
        text: readFieldText(row, field).slice(0, MAX_TEXT_LENGTH),
        at: Date.now(),
      };
      pending.set(`${edit.code}\u0000${edit.field}`, edit);
      schedule(DEBOUNCE_MS);
    };

    const options = { capture: true, signal };
    document.addEventListener('input', record, options);
    document.addEventListener('change', record, options);
    document.addEventListener('focusout', flush, options);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush(), options);
    window.addEventListener('pagehide', flush, options);
    signal.addEventListener('abort', () => clearTimeout(timer));
  },
};
