import { i18n } from '#i18n';
import { formatDateTime } from '@/components/localeFormat';
import type { HintSummary, WritableField } from '@/lib/messaging/protocol';
import { OVERLAY_TAGS } from '@/lib/portal/locate';

// One small badge per recognised row, inside a closed shadow root so the portal's scripts and
// styles can neither read nor restyle it (open only in the e2e build, for Playwright). Built
// with plain DOM and textContent: no framework in the content script, no HTML parsing.
// Besides the row's status it shows the row's hints and, where the portal lost a saved text,
// a "Pulihkan" button (then "Batalkan"), acting only on the user's own (trusted) clicks.

export interface RowStatus {
  answer: boolean;
  narrative: boolean;
  evidence: boolean;
}

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 0 2px 6px; }
button {
  display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  font: 600 11px/1.2 system-ui, "DejaVu Sans", sans-serif; color: #1f2937;
  background: #fff; border: 1px solid #cbd5e1; border-radius: 999px; padding: 2px 8px 2px 4px;
  box-shadow: 0 1px 2px rgba(15, 23, 42, .08);
}
button:hover { border-color: #0f766e; }
button:focus-visible { outline: 2px solid #0f766e; outline-offset: 2px; }
.logo { background: #0f766e; color: #fff; border-radius: 999px; padding: 1px 6px; font-size: 10px; letter-spacing: .02em; }
.item { display: inline-flex; align-items: center; gap: 2px; font-weight: 500; }
.item[data-state="filled"] { color: #166534; }
.item[data-state="missing"] { color: #92400e; }
.mark { font-size: 11px; }
.hints { display: inline-flex; align-items: center; gap: 2px; border-radius: 999px; padding: 0 5px; font-weight: 700; }
.hints[hidden] { display: none; }
.hints[data-worst="error"] { background: #fee2e2; color: #991b1b; }
.hints[data-worst="warning"] { background: #fef3c7; color: #92400e; }
.hints[data-worst="info"] { background: #dbeafe; color: #1e40af; }
.action { margin-left: 4px; padding: 2px 8px; border-color: #0f766e; color: #0f766e; }
.action.undo { border-color: #64748b; color: #334155; }
.notice { margin-left: 6px; font: 500 11px/1.2 system-ui, "DejaVu Sans", sans-serif; color: #166534; }
.notice[data-error] { color: #991b1b; }
.notice:empty { display: none; }
`;

/** How long a notice ("Narasi dipulihkan") stays next to the badge. */
const NOTICE_MS = 8_000;

const SEVERITY_ICONS = { error: '!', warning: '▲', info: 'i' } as const;

const PARTS = ['answer', 'narrative', 'evidence'] as const;

function labelOf(part: (typeof PARTS)[number]): string {
  if (part === 'answer') return i18n.t('badge.answer');
  if (part === 'narrative') return i18n.t('badge.narrative');
  return i18n.t('badge.evidence');
}

function fieldLabel(field: WritableField): string {
  return field === 'narrative' ? i18n.t('badge.narrative') : i18n.t('badge.evidence');
}

/** The row's hints as the badge shows them: how many, the worst severity, and their titles. */
export interface BadgeHints extends Pick<HintSummary, 'count' | 'worst'> {
  titles: string[];
}

/** A saved text the badge offers to put back into the portal. */
export interface RestoreOffer {
  field: WritableField;
  /** When it was saved, ms since the epoch. */
  at: number;
  length: number;
}

export interface BadgeActions {
  open(): void;
  restore(field: WritableField): void;
  undo(field: WritableField): void;
}

export interface BadgeView {
  host: HTMLElement;
  update(status: RowStatus): void;
  setHints(hints: BadgeHints): void;
  /** The restore offers and the fields whose last write can be undone. */
  setOffers(restore: readonly RestoreOffer[], undo: readonly WritableField[]): void;
  /** A short message next to the badge, read out by screen readers. */
  announce(text: string, error: boolean): void;
}

export function createBadgeView(doc: Document, code: string, actions: BadgeActions): BadgeView {
  const host = doc.createElement(OVERLAY_TAGS.badge.toLowerCase());
  host.setAttribute('data-lke-badge', code);
  const shadow = host.attachShadow({ mode: __E2E__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  const logo = doc.createElement('span');
  logo.className = 'logo';
  logo.textContent = 'LKE';
  button.append(logo);
  const items = PARTS.map((part) => {
    const item = doc.createElement('span');
    item.className = 'item';
    item.dataset.part = part;
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    const text = doc.createElement('span');
    text.textContent = labelOf(part);
    item.append(mark, text);
    button.append(item);
    return { part, item, mark };
  });
  const hintChip = doc.createElement('span');
  hintChip.className = 'hints';
  hintChip.hidden = true;
  hintChip.setAttribute('aria-hidden', 'true');
  button.append(hintChip);
  const offers = doc.createElement('span');
  const notice = doc.createElement('span');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  // Inside a <label>, a click would also toggle the portal's control: keep it ours.
  const onClick = (target: HTMLElement, act: () => void, writes: boolean) =>
    target.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      // Only the user's own click writes into the portal, never a script's.
      if (event.isTrusted || !writes) act();
    });
  onClick(button, actions.open, false);
  shadow.append(style, button, offers, notice);

  let statusWords: string[] = [];
  let hintWords = '';
  let hintCount = 0;
  const relabel = () => {
    const label = `${[code, ...statusWords].join(', ')}.${hintWords} ${i18n.t('badge.open')}`;
    // The spoken name starts with the words the badge shows, in their order (WCAG 2.5.3, label in
    // name), so "click LKE" in voice control finds it.
    const shown = [logo.textContent, ...PARTS.map(labelOf), ...(hintChip.hidden ? [] : [String(hintCount)])];
    button.setAttribute('aria-label', `${shown.join(' ')}: ${label}`);
    button.title = label;
  };

  let offersKey = '';
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  const actionButton = (kind: 'restore' | 'undo', text: string, label: string, act: () => void) => {
    const action = doc.createElement('button');
    action.type = 'button';
    action.className = `action ${kind}`;
    action.textContent = text;
    action.setAttribute('aria-label', label);
    action.title = label;
    onClick(action, act, true);
    return action;
  };

  return {
    host,
    update(status) {
      statusWords = items.map(({ part, item, mark }) => {
        const filled = status[part];
        item.dataset.state = filled ? 'filled' : 'missing';
        mark.textContent = filled ? '✓' : '○';
        return `${labelOf(part)}: ${filled ? i18n.t('badge.filled') : i18n.t('badge.missing')}`;
      });
      relabel();
    },
    setHints({ count, worst, titles }) {
      hintChip.hidden = count === 0 || worst === null;
      if (worst) hintChip.dataset.worst = worst;
      hintChip.textContent = worst ? `${SEVERITY_ICONS[worst]} ${count}` : '';
      hintCount = count;
      hintWords = count > 0 ? ` ${i18n.t('badge.hints', [String(count), titles.join('; ')])}.` : '';
      relabel();
    },
    setOffers(restore, undo) {
      const key = JSON.stringify([restore, undo]);
      // Rebuilt only on a change: a button replaced under the pointer or focus loses the click.
      if (key === offersKey) return;
      offersKey = key;
      offers.replaceChildren(
        ...restore.map(({ field, at, length }) =>
          actionButton(
            'restore',
            i18n.t('restore.button', [fieldLabel(field)]),
            i18n.t('restore.label', [fieldLabel(field), formatDateTime(at), String(length)]),
            () => actions.restore(field),
          ),
        ),
        ...undo.map((field) =>
          actionButton('undo', i18n.t('restore.undo'), i18n.t('restore.undoLabel', [fieldLabel(field)]), () => actions.undo(field)),
        ),
      );
    },
    announce(text, error) {
      clearTimeout(noticeTimer);
      notice.textContent = text;
      notice.toggleAttribute('data-error', error);
      noticeTimer = setTimeout(() => (notice.textContent = ''), NOTICE_MS);
    },
  };
}
