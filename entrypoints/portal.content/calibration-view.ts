import { i18n } from '#i18n';
import { OVERLAY_TAGS } from '@/lib/portal/locate';

// The "Ajari halaman ini" panel: a small card at the bottom right that walks the user through
// the clicks, and outlines on the page for the element under the pointer and, at the end, for
// every row the taught pattern finds. All inside one closed shadow root (open in the e2e build),
// drawn with textContent only.

const STYLE = `
:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; }
.panel {
  position: fixed; right: 16px; bottom: 16px; width: 320px; box-sizing: border-box; padding: 14px 16px;
  background: #fff; color: #1f2937; border: 1px solid #cbd5e1; border-radius: 10px;
  box-shadow: 0 10px 30px rgba(15, 23, 42, .18); font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif;
}
h2 { margin: 0 0 6px; font-size: 15px; color: #0f766e; }
p { margin: 0 0 10px; }
.step { font-size: 12px; color: #475569; margin-bottom: 4px; }
.error { color: #991b1b; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
button { font: 600 13px system-ui, "DejaVu Sans", sans-serif; border-radius: 6px; padding: 6px 12px; cursor: pointer;
  border: 1px solid #cbd5e1; background: #fff; color: #1f2937; }
button.primary { background: #0f766e; border-color: #0f766e; color: #fff; }
button:focus-visible { outline: 2px solid #0f766e; outline-offset: 2px; }
.box { position: absolute; pointer-events: none; border: 2px solid #0f766e; border-radius: 3px; background: rgba(15, 118, 110, .08); }
.box.hover { border-style: dashed; border-color: #b45309; background: rgba(180, 83, 9, .08); }
`;

export interface CalibrationActions {
  onSkip(): void;
  onCancel(): void;
  onSave(): void;
  onRetry(): void;
}

export type ViewState =
  | { kind: 'step'; index: number; total: number; text: string; skippable: boolean }
  | { kind: 'result'; text: string; canSave: boolean }
  | { kind: 'message'; text: string; error: boolean };

export interface CalibrationView {
  host: HTMLElement;
  show(state: ViewState): void;
  hover(element: Element | null): void;
  outline(elements: readonly Element[]): void;
  contains(node: Node): boolean;
  destroy(): void;
}

function button(doc: Document, label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  if (primary) element.className = 'primary';
  element.addEventListener('click', onClick);
  return element;
}

function boxFor(doc: Document, element: Element, className: string): HTMLElement {
  const rect = element.getBoundingClientRect();
  const box = doc.createElement('div');
  box.className = className;
  const view = doc.defaultView!;
  Object.assign(box.style, {
    left: `${rect.left + view.scrollX}px`,
    top: `${rect.top + view.scrollY}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
  });
  return box;
}

export function createCalibrationView(doc: Document, actions: CalibrationActions): CalibrationView {
  const host = doc.createElement(OVERLAY_TAGS.panel.toLowerCase());
  const shadow = host.attachShadow({ mode: __E2E__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const boxes = doc.createElement('div');
  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-live', 'polite');
  panel.setAttribute('aria-label', i18n.t('calibration.title'));
  shadow.append(style, boxes, panel);
  doc.body.append(host);
  let hoverBox: HTMLElement | null = null;

  return {
    host,
    show(state) {
      const title = doc.createElement('h2');
      title.textContent = i18n.t('calibration.title');
      const text = doc.createElement('p');
      text.textContent = state.text;
      const buttons = doc.createElement('div');
      buttons.className = 'actions';
      const parts: HTMLElement[] = [title];
      if (state.kind === 'step') {
        const step = doc.createElement('div');
        step.className = 'step';
        step.textContent = i18n.t('calibration.stepOf', [String(state.index + 1), String(state.total)]);
        parts.push(step);
        if (state.skippable) buttons.append(button(doc, i18n.t('calibration.skip'), actions.onSkip));
        buttons.append(button(doc, i18n.t('calibration.cancel'), actions.onCancel));
      } else if (state.kind === 'result') {
        buttons.append(button(doc, i18n.t('calibration.retry'), actions.onRetry), button(doc, i18n.t('calibration.cancel'), actions.onCancel));
        if (state.canSave) buttons.append(button(doc, i18n.t('calibration.save'), actions.onSave, true));
      } else {
        if (state.error) text.className = 'error';
        buttons.append(button(doc, i18n.t('calibration.retry'), actions.onRetry), button(doc, i18n.t('calibration.close'), actions.onCancel));
      }
      parts.push(text, buttons);
      panel.replaceChildren(...parts);
    },
    hover(element) {
      hoverBox?.remove();
      hoverBox = element ? boxFor(doc, element, 'box hover') : null;
      if (hoverBox) boxes.append(hoverBox);
    },
    outline(elements) {
      boxes.replaceChildren(...elements.map((element) => boxFor(doc, element, 'box')));
      hoverBox = null;
    },
    contains: (node) => node === host,
    destroy: () => host.remove(),
  };
}
