import { CONTROL_SELECTOR } from '@/lib/portal/controls';
import { isOverlay } from '@/lib/portal/locate';
import { FIELD_ATTRIBUTE, INDICATOR_ATTRIBUTE, markRows } from '@/lib/portal/mark';
import type { RecognizedRow, Recognizer } from '@/lib/portal/recognize';
import type { RowsEvent } from './features';

// Keeps recognition in step with the page: once at start, then after DOM changes that could add
// or remove a row, batched into one run per animation frame. An idle page costs nothing, and
// neither does churn that cannot hold a question.

const MARKED = `[${INDICATOR_ATTRIBUTE}], [${FIELD_ATTRIBUTE}]`;

/** Whether a piece of page text (a node and what it holds) could be a question. */
export type QuestionTest = (node: Node) => boolean;

/**
 * Decides which DOM changes can change what is recognised. Most churn cannot: flash messages,
 * spinners, clocks, a row's own status text ("Belum disimpan"). Our own changes never arrive
 * here (each run discards them); a page that strips our marks or badges, as morphing frameworks
 * do, gets them back.
 */
function changeFilter(holdsQuestion: QuestionTest, isAnchor: (node: Node | null) => boolean) {
  const mayAdd = (node: Node): boolean => {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (isOverlay(element)) return false;
      if (element.matches(CONTROL_SELECTOR) || element.querySelector(CONTROL_SELECTOR) !== null) return true;
    }
    return holdsQuestion(node);
  };
  const mayRemove = (node: Node): boolean => {
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    return isOverlay(element) || element.matches(MARKED) || element.querySelector(MARKED) !== null;
  };
  return (records: MutationRecord[]): boolean =>
    records.some((record) => {
      if (record.type === 'attributes') return true;
      // A question's own text changing (frameworks reuse nodes) always counts.
      if (record.type === 'characterData') return isAnchor(record.target.parentElement) || holdsQuestion(record.target);
      if (isAnchor(record.target) && record.removedNodes.length > 0) return true;
      return Array.from(record.addedNodes).some(mayAdd) || Array.from(record.removedNodes).some(mayRemove);
    });
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
  /** Recognise again soon, though the page did not change (what to recognise did). */
  refresh(): void;
}

/** Called after every recognition run, changed or not (the e2e build reports timings with it). */
export type RunListener = (event: RowsEvent) => void;

export function startRecognitionLoop(
  doc: Document,
  recognizer: Recognizer,
  holdsQuestion: QuestionTest,
  signal: AbortSignal,
  onRun?: RunListener,
): RecognitionLoop {
  const listeners: ((event: RowsEvent) => void)[] = [];
  let last: RowsEvent = { rows: [], elapsed: 0 };
  let scheduled = false;
  let marked: Set<Element> | undefined;

  const run = () => {
    scheduled = false;
    if (signal.aborted || !doc.body) return;
    const started = performance.now();
    const next = recognizer.recognize(doc.body);
    marked = markRows(doc, next, marked);
    const elapsed = performance.now() - started;
    onRun?.({ rows: next, elapsed });
    if (!sameRows(last.rows, next)) {
      for (const row of next) anchors.add(row.anchor);
      last = { rows: next, elapsed };
      for (const listener of listeners) listener(last);
    }
    // Everything queued since the run began is our own marking and badges: not a page change.
    observer.takeRecords();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Hidden tabs get no animation frames; a timeout still catches up there.
    if (doc.visibilityState === 'visible') requestAnimationFrame(run);
    else setTimeout(run, 100);
  };

  const anchors = new WeakSet<Node>();
  const mayChangeRows = changeFilter(holdsQuestion, (node) => node !== null && anchors.has(node));
  const observer = new MutationObserver((records) => {
    if (mayChangeRows(records)) schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: [INDICATOR_ATTRIBUTE, FIELD_ATTRIBUTE],
  });
  signal.addEventListener('abort', () => observer.disconnect());
  run();

  return {
    current: () => last.rows,
    subscribe(listener) {
      listeners.push(listener);
      if (last.rows.length > 0) listener(last);
    },
    refresh: schedule,
  };
}
