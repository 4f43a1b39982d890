import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/lib/messaging/client';
import { TabCommandSchema } from '@/lib/messaging/protocol';
import { CalibrationError, type Picks, type RowPattern, applyPattern, derivePattern, pathPatternOf } from '@/lib/portal/calibration';
import { CONTROL_SELECTOR, LIST_SELECTOR } from '@/lib/portal/controls';
import { TEMPLATE_KEYS, templateMatcher } from '@/lib/portal/engine';
import { type CalibrationView, createCalibrationView } from './calibration-view';
import type { Feature } from './features';

// "Ajari halaman ini": started from the side panel, walks the user through four clicks on one
// row (question, answer, narrative, evidence), shows what the derived pattern finds, and saves
// it for this site on the user's word. While teaching, clicks are the user's picks: the page
// never sees them.

const STEPS = ['question', 'answer', 'narrative', 'evidence'] as const;
type Step = (typeof STEPS)[number];
const FIELD_SLOT = `${CONTROL_SELECTOR}, ${LIST_SELECTOR}`;

/** The element a click means for a step: the question text, or the control (a label means its control). */
function pickFor(step: Step, target: Element): Element | null {
  if (step === 'question') return target.closest(FIELD_SLOT) ? null : target;
  const label = target.closest('label');
  return target.closest(FIELD_SLOT) ?? (label as HTMLLabelElement | null)?.control ?? target.querySelector(FIELD_SLOT);
}

function stepText(step: Step): string {
  if (step === 'question') return i18n.t('calibration.step.question');
  if (step === 'answer') return i18n.t('calibration.step.answer');
  if (step === 'narrative') return i18n.t('calibration.step.narrative');
  return i18n.t('calibration.step.evidence');
}

function errorText(error: unknown): string {
  if (error instanceof CalibrationError) {
    return error.code === 'no_field' ? i18n.t('calibration.error.noField') : i18n.t('calibration.error.noRepeat');
  }
  return i18n.t('calibration.error.saveFailed', [error instanceof Error ? error.message : String(error)]);
}

function teach(doc: Document, learn: (pattern: RowPattern) => void): void {
  let index = 0;
  let picks: Partial<Record<Step, Element>> = {};
  let pattern: RowPattern | null = null;
  const abort = new AbortController();

  const finish = () => {
    abort.abort();
    view.destroy();
  };
  const showStep = () =>
    view.show({ kind: 'step', index, total: STEPS.length, text: stepText(STEPS[index]!), skippable: index > 1 });
  const restart = () => {
    index = 0;
    picks = {};
    pattern = null;
    view.outline([]);
    showStep();
  };
  const conclude = () => {
    try {
      pattern = derivePattern(picks as Picks);
      const rows = applyPattern(doc.body, pattern, templateMatcher(), TEMPLATE_KEYS);
      view.outline(rows.flatMap((row) => row.elements));
      view.show(
        rows.length > 0
          ? { kind: 'result', text: i18n.t('calibration.found', [String(rows.length)]), canSave: true }
          : { kind: 'result', text: i18n.t('calibration.error.noneFound'), canSave: false },
      );
    } catch (error) {
      view.show({ kind: 'message', text: errorText(error), error: true });
    }
  };
  const advance = () => {
    index++;
    if (index < STEPS.length) showStep();
    else conclude();
  };

  const view: CalibrationView = createCalibrationView(doc, {
    onSkip: advance,
    onCancel: finish,
    onRetry: restart,
    onSave() {
      if (!pattern) return;
      const saved = pattern;
      sendRequest('calibration.save', { origin: location.origin, pathPattern: pathPatternOf(location.pathname), pattern: saved })
        .then(() => {
          learn(saved);
          view.outline([]);
          view.show({ kind: 'message', text: i18n.t('calibration.saved'), error: false });
          setTimeout(finish, 2_000);
        })
        .catch((error: unknown) => view.show({ kind: 'message', text: errorText(error), error: true }));
    },
  });

  const isOurs = (event: Event) => event.composedPath().includes(view.host);
  const swallow = (event: Event) => {
    if (isOurs(event) || index >= STEPS.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'dblclick']) {
    doc.addEventListener(type, swallow, { capture: true, signal: abort.signal });
  }
  doc.addEventListener(
    'click',
    (event) => {
      if (isOurs(event) || index >= STEPS.length || !(event.target instanceof Element)) return;
      swallow(event);
      const step = STEPS[index]!;
      const pick = pickFor(step, event.target);
      if (!pick) return;
      picks[step] = pick;
      view.hover(null);
      advance();
    },
    { capture: true, signal: abort.signal },
  );
  doc.addEventListener(
    'mouseover',
    (event) => {
      if (index < STEPS.length && event.target instanceof Element && !isOurs(event)) {
        view.hover(pickFor(STEPS[index]!, event.target));
      }
    },
    { capture: true, signal: abort.signal },
  );
  showStep();
}

export function createCalibrationFeature(learn: (pattern: RowPattern) => void): Feature {
  return {
    id: 'calibration',
    // Only the top frame teaches: the panel would otherwise open in every frame at once.
    when: () => window.top === window,
    init({ signal }) {
      const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        // Commands come from the extension itself (side panel, background), never from a page.
        if (sender.id !== browser.runtime.id || sender.tab) return;
        const command = TabCommandSchema.safeParse(message);
        if (command.success && command.data.type === 'calibration.start') teach(document, learn);
      };
      browser.runtime.onMessage.addListener(listener);
      signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
    },
  };
}
