import { i18n } from '#i18n';
import { OVERLAY_TAGS } from '@/lib/portal/locate';

// One small badge per recognised row, inside a closed shadow root so the portal's scripts and
// styles can neither read nor restyle it (open only in the e2e build, for Playwright). Built
// with plain DOM and textContent: no framework in the content script, no HTML parsing.

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
`;

const PARTS = ['answer', 'narrative', 'evidence'] as const;

function labelOf(part: (typeof PARTS)[number]): string {
  if (part === 'answer') return i18n.t('badge.answer');
  if (part === 'narrative') return i18n.t('badge.narrative');
  return i18n.t('badge.evidence');
}

export interface BadgeView {
  host: HTMLElement;
  update(status: RowStatus): void;
}

export function createBadgeView(doc: Document, code: string, onOpen: () => void): BadgeView {
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
  // Inside a <label>, a click would also toggle the portal's control: keep it ours.
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onOpen();
  });
  shadow.append(style, button);

  return {
    host,
    update(status) {
      const spoken: string[] = [code];
      for (const { part, item, mark } of items) {
        const filled = status[part];
        item.dataset.state = filled ? 'filled' : 'missing';
        mark.textContent = filled ? '✓' : '○';
        spoken.push(`${labelOf(part)}: ${filled ? i18n.t('badge.filled') : i18n.t('badge.missing')}`);
      }
      const label = `${spoken.join(', ')}. ${i18n.t('badge.open')}`;
      button.setAttribute('aria-label', label);
      button.title = label;
    },
  };
}
