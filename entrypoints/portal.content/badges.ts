import { sendRequest } from '@/lib/messaging/client';
import type { RecognizedRow } from '@/lib/portal/recognize';
import { type BadgeView, type RowStatus, createBadgeView } from './badge-view';
import type { Feature } from './features';
import { readRowState, rowOfElement } from './row-state';

// A badge next to every recognised question: is the row answered, does it have a narrative and
// evidence? Clicking it opens the side panel on that indicator.

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

    const refresh = (changed: readonly RecognizedRow[], rows: readonly RecognizedRow[]) => {
      for (const row of changed) views.get(row.anchor)?.view.update(statusOf(row, rows));
    };

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
          entry = {
            code,
            view: createBadgeView(document, code, () => {
              sendRequest('panel.focus', { code }).catch((error) => console.warn('[Asisten LKE]', error));
            }),
          };
          views.set(row.anchor, entry);
        }
        place(entry.view, row);
      }
      refresh(rows, rows);
    });

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
    signal.addEventListener('abort', () => {
      for (const { view } of views.values()) view.host.remove();
    });
  },
};
