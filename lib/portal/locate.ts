// Locate: the pieces of text on a page that could be an LKE question, with the element that
// holds them. Layout is not assumed (tables, cards, lists, forms per question all work): a
// question is found by its wording, and the row around it is derived afterwards (rows.ts).

/** Subtrees whose text is never a question: code, form values, the user's own writing, our UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'CANVAS',
  'IFRAME',
  'BUTTON',
  'HEAD',
]);

/** Inline elements: their text flows into the block around them. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'BR',
]);

/** Tag of the overlay hosts the content script inserts; never part of the page's text. */
export const OVERLAY_TAG = 'ASISTEN-LKE-BADGE';

export interface TextBlock {
  element: Element;
  /** Text of the element and its inline descendants, blocks inside excluded. */
  text: string;
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName) ||
    element.tagName === OVERLAY_TAG ||
    (element as HTMLElement).isContentEditable === true ||
    element.getAttribute('contenteditable') === 'true' ||
    element.getAttribute('aria-hidden') === 'true'
  );
}

/** Text of an element's own flow: text nodes and inline children, not nested blocks. */
function flowText(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.tagName === 'BR') text += '\n';
      else if (INLINE_TAGS.has(child.tagName) && !isSkipped(child)) text += flowText(child);
      else if (!isSkipped(child)) text += ' ';
    }
  }
  return text;
}

function hasDirectText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test((node as Text).data)) return true;
  }
  return false;
}

/**
 * Every element that carries text of its own, with its flow text. An inline element with
 * substantial text of its own is a block too: some apps style <span>s as blocks.
 */
export function collectTextBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (element: Element) => {
    if (hasDirectText(element)) {
      const text = flowText(element);
      if (text.length >= 8) blocks.push({ element, text });
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (!isSkipped(child)) visit(child);
    }
  };
  if (!isSkipped(root)) visit(root);
  return blocks;
}
