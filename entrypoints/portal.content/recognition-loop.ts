import { OVERLAY_TAG } from '@/lib/portal/locate';
import { markRows } from '@/lib/portal/mark';
import type { RecognizedRow, Recognizer } from '@/lib/portal/recognize';
import type { RowsEvent } from './features';

// Keeps recognition in step with the page: once at start, then after DOM changes, batched into
// one run per animation frame. Mutations made only by our own overlay are ignored, so an idle
// page costs nothing.

function isOverlayNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName === OVERLAY_TAG;
}

function onlyOverlay(records: MutationRecord[]): boolean {
  return records.every(
    (record) =>
      Array.from(record.addedNodes).every(isOverlayNode) && Array.from(record.removedNodes).every(isOverlayNode),
  );
}

function sameRows(a: readonly RecognizedRow[], b: readonly RecognizedRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i]!;
      return (
        row.code === other.code &&
        row.anchor === other.anchor &&
        row.elements.length === other.elements.length &&
        row.elements.every((el, j) => el === other.elements[j]) &&
        row.fields.length === other.fields.length &&
        row.fields.every((f, j) => f.controls.length === other.fields[j]!.controls.length && f.controls.every((c, k) => c === other.fields[j]!.controls[k]))
      );
    })
  );
}

export interface RecognitionLoop {
  current(): readonly RecognizedRow[];
  subscribe(listener: (event: RowsEvent) => void): void;
}

/** Called after every recognition run, changed or not (the e2e build reports timings with it). */
export type RunListener = (event: RowsEvent) => void;

export function startRecognitionLoop(
  doc: Document,
  recognizer: Recognizer,
  signal: AbortSignal,
  onRun?: RunListener,
): RecognitionLoop {
  const listeners: ((event: RowsEvent) => void)[] = [];
  let last: RowsEvent = { rows: [], elapsed: 0 };
  let scheduled = false;

  const run = () => {
    scheduled = false;
    if (signal.aborted || !doc.body) return;
    const started = performance.now();
    const next = recognizer.recognize(doc.body);
    markRows(doc, next);
    const elapsed = performance.now() - started;
    onRun?.({ rows: next, elapsed });
    if (sameRows(last.rows, next)) return;
    last = { rows: next, elapsed };
    for (const listener of listeners) listener(last);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Hidden tabs get no animation frames; a timeout still catches up there.
    if (doc.visibilityState === 'visible') requestAnimationFrame(run);
    else setTimeout(run, 100);
  };

  const observer = new MutationObserver((records) => {
    if (!onlyOverlay(records)) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
  run();

  return {
    current: () => last.rows,
    subscribe(listener) {
      listeners.push(listener);
      if (last.rows.length > 0) listener(last);
    },
  };
}
