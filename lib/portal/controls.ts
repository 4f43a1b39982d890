import { normalizeText } from './text';

// What a form control is and what the page says about it. Bind (bind.ts) decides from this which
// control is the unit's answer, narrative, evidence or count.

export type ControlKind =
  | 'radio'
  | 'checkbox'
  | 'select'
  | 'text'
  | 'number'
  | 'url'
  | 'textarea'
  | 'editable'
  | 'file'
  /** A list of evidence links, usually with an "add link" button (not a form control). */
  | 'list'
  /** A custom select (a framework's `role="combobox"` element showing the chosen option). */
  | 'combobox';

export interface Control {
  element: HTMLElement;
  kind: ControlKind;
  /** Normalised words the page uses for this control: label, name, id, placeholder, column. */
  hint: string;
  /** Visible label text (radios and options are told apart by it). */
  label: string;
  /**
   * What names the control itself (attributes, column, a short label or caption), without
   * content such as an option's criterion: whose control it is (the unit's or a reviewer's) is
   * read from this only.
   */
  identity: string;
  /**
   * Hidden from everyone (`aria-hidden`): a framework's native copy of a custom control, not
   * what the user fills in.
   */
  hidden: boolean;
  /** Named as the TPI's, a verifier's or an evaluator's: never the unit's field. */
  reviewer: boolean;
}

const IGNORED_INPUT_TYPES = new Set([
  'hidden',
  'password',
  'submit',
  'button',
  'reset',
  'image',
  'search',
  'color',
  'range',
  'email',
  'tel',
]);

/** Lists that may hold evidence links. */
export const LIST_SELECTOR = 'ul, ol, [role="list"]';

/** The selector of everything that can hold a unit's input. */
export const CONTROL_SELECTOR =
  'input:not([type="hidden"]), select, textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]';

/**
 * Whether an element is the root of a rich editor. Read from the attribute, not from
 * `isContentEditable`, which makes the browser compute styles on every call.
 */
export function isEditingHost(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/** Inside a rich editor (its inner nodes are the editor's, not controls of their own). */
export function isInsideEditor(element: Element): boolean {
  return element.parentElement?.closest('[contenteditable]:not([contenteditable="false"])') != null;
}

/** What kind of control an element is, or null when it holds no input of the unit. */
export function controlKindOf(element: HTMLElement): ControlKind | null {
  switch (element.tagName) {
    case 'UL':
    case 'OL':
      return 'list';
    case 'TEXTAREA':
      return 'textarea';
    case 'SELECT':
      return 'select';
    case 'INPUT': {
      const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
      if (IGNORED_INPUT_TYPES.has(type)) return null;
      if (type === 'radio' || type === 'checkbox' || type === 'number' || type === 'url' || type === 'file') {
        return type;
      }
      return 'text';
    }
    default: {
      const role = element.getAttribute('role');
      if (role === 'list') return 'list';
      if (role === 'combobox') return 'combobox';
      return isEditingHost(element) || role === 'textbox'
        ? 'editable'
        : null;
    }
  }
}

function textOf(element: Element | null | undefined): string {
  return element?.textContent?.trim() ?? '';
}

/** Texts of <label for=…> elements by id, indexed once per recognition instead of per control. */
export type LabelIndex = ReadonlyMap<string, string>;

export function indexLabels(root: ParentNode): LabelIndex {
  const index = new Map<string, string>();
  for (const label of Array.from(root.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for')!;
    index.set(id, `${index.get(id) ?? ''} ${textOf(label)}`.trim());
  }
  return index;
}

function labelText(element: HTMLElement, labels: LabelIndex): string {
  const parts: string[] = [];
  if (element.id && labels.has(element.id)) parts.push(labels.get(element.id)!);
  const wrapping = element.closest('label');
  if (wrapping) parts.push(textOf(wrapping));
  if (parts.length > 0) return parts.join(' ');
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    return labelledBy
      .split(/\s+/)
      .map((id) => textOf(doc.getElementById(id)))
      .join(' ');
  }
  return '';
}

/** The last row of <thead>, or else a first row made of <th> cells only. */
function headerRowOf(table: HTMLTableElement): Element | null {
  const headRows = table.querySelectorAll(':scope > thead > tr');
  if (headRows.length > 0) return headRows[headRows.length - 1]!;
  const first = table.querySelector('tr');
  return first && first.querySelector('td') === null && first.querySelector('th') ? first : null;
}

/** The header of the table column a control sits in, if any. */
function columnHeader(element: HTMLElement): string {
  const cell = element.closest('td, th');
  const row = cell?.parentElement;
  const table = row?.closest('table');
  if (!cell || !row || !table) return '';
  let column = 0;
  for (let c = row.firstElementChild; c && c !== cell; c = c.nextElementSibling) {
    column += (c as HTMLTableCellElement).colSpan || 1;
  }
  const headerRow = headerRowOf(table);
  if (!headerRow) return '';
  let at = 0;
  for (const header of Array.from(headerRow.children) as HTMLTableCellElement[]) {
    const span = header.colSpan || 1;
    if (column >= at && column < at + span) return textOf(header);
    at += span;
  }
  return '';
}

/** A short caption just before the control inside its wrapper ("Catatan:", "Link Bukti"). */
function nearbyCaption(element: HTMLElement): string {
  let node: Element | null = element;
  // In a table the column header is the caption: a neighbouring cell is content (a document name).
  for (let depth = 0; node && depth < 2 && node.tagName !== 'TD' && node.tagName !== 'TH'; depth++, node = node.parentElement) {
    const previous: Element | null = node.previousElementSibling;
    if (previous) {
      const text = textOf(previous);
      if (text.length > 0 && text.length <= 60) return text;
      return '';
    }
  }
  return '';
}

/** Words that name a reviewer's control (the TPI, a verifier, an evaluator). */
const REVIEWER =
  /\b(tpi|tpn|verifikator|verifikasi|verif|evaluator|penilai|penilaian tpi|reviu|review|reviewer|menpan|asesor|pemeriksa|auditor|inspektorat|admin)\b/;

/** Labels longer than this are content (an option's criterion), not a control's name. */
const SHORT_LABEL = 40;

const described = new WeakMap<HTMLElement, Control | null>();

/**
 * What a control is and says about itself. Remembered per element: labels and names do not
 * change while a control lives, and frameworks that re-render make new elements anyway.
 */
export function describeControl(element: HTMLElement, labels: () => LabelIndex): Control | null {
  let control = described.get(element);
  if (control === undefined) {
    control = computeDescription(element, labels());
    described.set(element, control);
  }
  return control;
}

function computeDescription(element: HTMLElement, labels: LabelIndex): Control | null {
  const kind = controlKindOf(element);
  if (!kind) return null;
  const label = labelText(element, labels);
  const attributes = ['name', 'id', 'placeholder', 'title', 'aria-label', 'data-field', 'class']
    .map((name) => element.getAttribute(name) ?? '')
    .join(' ')
    // split camelCase and snake_case names: catatanUnit, bukti_dukung
    .replace(/([a-z])([A-Z])/g, '$1 $2');
  const caption = kind === 'radio' ? '' : nearbyCaption(element);
  const column = columnHeader(element);
  const hint = normalizeText([label, attributes, caption, column].join(' '));
  const short = (text: string) => (text.length <= SHORT_LABEL ? text : '');
  const identity = normalizeText([short(label), attributes, short(caption), column].join(' '));
  return {
    element,
    kind,
    hint,
    label,
    identity,
    hidden: element.getAttribute('aria-hidden') === 'true',
    reviewer: REVIEWER.test(identity),
  };
}

/** Disabled and read-only controls never belong to the unit's input (apps toggle these). */
export function isEditable(element: HTMLElement): boolean {
  if ((element as HTMLInputElement).disabled || element.closest('fieldset[disabled]')) return false;
  if ((element as HTMLInputElement).readOnly && element.tagName !== 'SELECT') return false;
  return element.getAttribute('aria-disabled') !== 'true' && element.getAttribute('aria-readonly') !== 'true';
}
