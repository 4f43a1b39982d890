import { i18n } from '#i18n';
import { onPush, sendRequest } from '@/lib/messaging/client';
import { textDigest } from '@/lib/messaging/digest';
import type { RowOverlay, TabCommandReply, WritableField } from '@/lib/messaging/protocol';
import type { BoundField } from '@/lib/portal/bind';
import type { RecognizedRow } from '@/lib/portal/recognize';
import { isWritable, writeSaved } from '@/lib/portal/write';
import { type BadgeView, type RestoreOffer, type RowStatus, createBadgeView } from './badge-view';
import type { Feature } from './features';
import { hintTitles } from './hint-titles';
import { onLocalSave } from './local-saves';
import { offersRestore } from './restore';
import { readFieldText, readRowState, rowOfElement } from './row-state';
import { canUndo, fieldOf, undoWrite, writeInto } from './writes';

// A badge next to every recognised question: is the row answered, does it have a narrative and
// evidence, what hints does it have? Clicking it opens the side panel on that indicator. Where
// the portal lost a saved text (emptied, reset to an older one, cut short), the badge offers to
// put it back.

const WRITABLE: readonly WritableField[] = ['narrative', 'evidence'];
/** A burst of changes (new rows, pushes) asks the background once. */
const OVERLAY_DELAY_MS = 300;
/** How many older texts of a field a page may be recognised as showing (as the background keeps). */
const OLDER_DIGESTS = 50;
/**
 * Autosave stores every few hundred ms while the user types. What it stored is merged into the
 * saved texts at once; the hints, which the background computes for the whole period, are asked
 * for again only once the typing has paused, so the requests never compete with the stores.
 */
const AFTER_SAVE_DELAY_MS = 5_000;

/** Whether the user is in the field (typing there): no restore is offered over their typing. */
function holdsFocus(field: BoundField): boolean {
  const active = document.activeElement;
  return active !== null && field.controls.some((control) => control === active || control.contains(active));
}

function failureText(reply: Extract<TabCommandReply, { ok: false }>): string {
  if (reply.reason === 'no_field') return i18n.t('portalWrite.failure.no_field');
  if (reply.reason === 'nothing_to_undo') return i18n.t('portalWrite.failure.nothing_to_undo');
  if (reply.reason === 'not_on_page') return i18n.t('portalWrite.failure.not_on_page');
  return i18n.t('portalWrite.failure.mismatch');
}

function fieldName(field: WritableField): string {
  return field === 'narrative' ? i18n.t('badge.narrative') : i18n.t('badge.evidence');
}

function statusOf(row: RecognizedRow, rows: readonly RecognizedRow[]): RowStatus {
  const state = readRowState(row);
  // A percentage has no answer of its own: it is answered when all its count inputs are.
  const inputs = rows.filter((other) => other.parentCode === row.code);
  const answered = inputs.length > 0 ? inputs.every((input) => readRowState(input).answer !== null) : state.answer !== null;
  return { answer: answered, narrative: state.narrative !== null, evidence: state.evidence.length > 0 };
}

/** Elements a click on the question text already does something in (opens it, toggles a control). */
const INTERACTIVE = 'a[href], button, summary, label, [role="button"], [role="link"], [role="option"], [role="tab"], [role="menuitem"], [onclick]';

/**
 * Badges go after the question text, so they never cover a control; where the question is
 * itself clickable (a list entry that opens the form, a label), after that clickable element,
 * so the badge never takes the page's clicks.
 */
function place(view: BadgeView, row: RecognizedRow): void {
  const clickable = row.anchor.closest(INTERACTIVE);
  if (clickable && row.elements[0]!.contains(clickable)) {
    if (clickable.nextElementSibling !== view.host) clickable.after(view.host);
  } else if (view.host.parentElement !== row.anchor) {
    row.anchor.append(view.host);
  }
}

export const badges: Feature = {
  id: 'badges',
  init({ signal, onRows, currentRows }) {
    const views = new Map<Element, { code: string; view: BadgeView }>();
    const overlays = new Map<string, RowOverlay>();

    /** The row's hints and what it offers to restore or undo, from the overlay and the page. */
    const offer = (row: RecognizedRow) => {
      const view = views.get(row.anchor)?.view;
      if (!view) return;
      const overlay = overlays.get(row.code);
      if (overlay) {
        const { count, worst, rules } = overlay.hints;
        // Only one title names the answer: the row is read for it alone.
        const answer = rules.includes('bestAnswerWithoutEvidence') ? (readRowState(row).answer ?? '') : '';
        view.setHints({ count, worst, titles: hintTitles(rules, answer) });
      }
      const restore: RestoreOffer[] = (overlay?.saved ?? []).flatMap((saved) => {
        const field = fieldOf(row, saved.field);
        if (!field || !isWritable(field) || holdsFocus(field) || !offersRestore(readFieldText(row, field), saved)) return [];
        return [{ field: saved.field, at: saved.at, length: saved.text.length }];
      });
      view.setOffers(restore, WRITABLE.filter((name) => canUndo(row.code, name)));
    };

    const refresh = (changed: readonly RecognizedRow[], rows: readonly RecognizedRow[]) => {
      for (const row of changed) {
        views.get(row.anchor)?.view.update(statusOf(row, rows));
        offer(row);
      }
    };

    // One request at a time: changes while one is under way make one more when it is back.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loading = false;
    let reload = false;
    const load = () => {
      timer = undefined;
      if (loading) {
        reload = true;
        return;
      }
      const codes = [...new Set(currentRows().map((row) => row.code))];
      if (codes.length === 0 || signal.aborted) return;
      loading = true;
      sendRequest('overlay.forPage', { url: location.href, codes })
        .then(({ rows }) => {
          // Only rows whose hints or saved texts changed are shown again: a long form stays smooth.
          const changed = new Set<string>();
          const fresh = new Map(rows.map((row) => [row.code, row]));
          for (const code of new Set([...overlays.keys(), ...fresh.keys()])) {
            if (JSON.stringify(overlays.get(code)) !== JSON.stringify(fresh.get(code))) changed.add(code);
          }
          overlays.clear();
          for (const [code, row] of fresh) overlays.set(code, row);
          for (const row of currentRows()) if (changed.has(row.code)) offer(row);
        })
        .catch((error: unknown) => console.warn('[Asisten LKE] hints and saved texts not loaded', error))
        .finally(() => {
          loading = false;
          if (reload) {
            reload = false;
            scheduleLoad();
          }
        });
    };
    const scheduleLoad = (delay = OVERLAY_DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(load, delay);
    };

    const rowOf = (code: string) => currentRows().find((row) => row.code === code && views.has(row.anchor));
    const act = (code: string, write: (row: RecognizedRow) => TabCommandReply, done: string) => {
      const row = rowOf(code);
      if (!row) return;
      const reply = write(row);
      const view = views.get(row.anchor)!.view;
      view.announce(reply.ok ? done : failureText(reply), !reply.ok);
      offer(row);
    };
    const actionsFor = (code: string) => ({
      open() {
        sendRequest('panel.focus', { code }).catch((error) => console.warn('[Asisten LKE]', error));
      },
      restore(field: WritableField) {
        const saved = overlays.get(code)?.saved.find((s) => s.field === field);
        if (!saved) return;
        act(code, (row) => writeInto(row, field, (bound) => writeSaved(bound, saved.text)), i18n.t('restore.done', [fieldName(field)]));
      },
      undo(field: WritableField) {
        act(code, () => undoWrite(code, field), i18n.t('restore.undone', [fieldName(field)]));
      },
    });

    onRows(({ rows }) => {
      const anchors = new Set(rows.map((row) => row.anchor));
      for (const [anchor, { view }] of views) {
        if (!anchors.has(anchor) || !anchor.isConnected) {
          view.host.remove();
          views.delete(anchor);
        }
      }
      for (const row of rows) {
        let entry = views.get(row.anchor);
        if (entry && entry.code !== row.code) {
          entry.view.host.remove();
          entry = undefined;
        }
        if (!entry) {
          const code = row.code;
          entry = { code, view: createBadgeView(document, code, actionsFor(code)) };
          views.set(row.anchor, entry);
        }
        place(entry.view, row);
      }
      refresh(rows, rows);
      scheduleLoad();
    });
    const stopSaves = onLocalSave((edits) => {
      const changed = new Set<string>();
      for (const { code, field, text, at } of edits) {
        const overlay = overlays.get(code);
        if (!overlay || (field !== 'narrative' && field !== 'evidence')) continue;
        const previous = overlay.saved.find((saved) => saved.field === field);
        if (previous?.text === text) continue;
        const olderDigests = previous ? [...new Set([textDigest(previous.text), ...previous.olderDigests])].slice(0, OLDER_DIGESTS) : [];
        overlay.saved = [...overlay.saved.filter((saved) => saved !== previous), { field, text, at, olderDigests }];
        changed.add(code);
      }
      for (const row of currentRows()) if (changed.has(row.code)) offer(row);
      scheduleLoad(AFTER_SAVE_DELAY_MS);
    });
    const stopPush = onPush((push) => push.type === 'data.changed' && scheduleLoad());

    // A keystroke changes one row (and the percentage it feeds): refreshing every badge on
    // every keystroke made typing stutter on long forms.
    const onEdit = (event: Event) => {
      if (!(event.target instanceof Element)) return;
      const rows = currentRows();
      const edited = rowOfElement(rows, event.target);
      if (!edited) return;
      refresh(rows.filter((row) => row === edited || row.code === edited.parentCode), rows);
    };
    document.addEventListener('input', onEdit, { capture: true, signal });
    document.addEventListener('change', onEdit, { capture: true, signal });
    // Leaving a field (or the portal taking focus away, as a session-expiry dialog does) may
    // leave it empty or reset: offer again what the row has to restore.
    document.addEventListener('focusin', onEdit, { capture: true, signal });
    document.addEventListener('focusout', (event) => setTimeout(() => onEdit(event)), { capture: true, signal });
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      stopPush();
      stopSaves();
      for (const { view } of views.values()) view.host.remove();
    });
  },
};
