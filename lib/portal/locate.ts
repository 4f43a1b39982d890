import { isEditingHost } from './controls';

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

/** A piece of a split question has a few words at least ("A", "Ya" are labels, not pieces). */
const MIN_PIECE = 12;

/** Tags of the overlay hosts the content script inserts; never part of the page's text. */
export const OVERLAY_TAGS = { badge: 'ASISTEN-LKE-BADGE', panel: 'ASISTEN-LKE-PANEL' } as const;

export function isOverlay(element: Element): boolean {
  return element.tagName === OVERLAY_TAGS.badge || element.tagName === OVERLAY_TAGS.panel;
}

export interface TextBlock {
  element: Element;
  /** Text of the element and its inline descendants, blocks inside excluded. */
  text: string;
}

function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName) || isOverlay(element) || isEditingHost(element);
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

/** Selector of the subtrees `isSkipped` rejects, for checking a text node's ancestors at once. */
const SKIPPED_SELECTOR = [
  ...SKIPPED_TAGS,
  ...Object.values(OVERLAY_TAGS),
  '[contenteditable=""]',
  '[contenteditable="true"]',
]
  .map((s) => s.toLowerCase())
  .join(',');

/**
 * Every element that carries text of its own, with its flow text. An inline element with
 * substantial text of its own is a block too: some apps style <span>s as blocks. Walks text
 * nodes natively (a TreeWalker) because touching every element from script is what costs most
 * in a content script's isolated world.
 */
export function collectTextBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  const seen = new Set<Element>();
  const add = (element: Element, text: string) => {
    seen.add(element);
    if (text.length >= 4) blocks.push({ element, text });
  };
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    // Whitespace between tags is most text nodes; a question needs a few letters.
    if (data.length < 2 || !/[A-Za-z]/.test(data)) continue;
    const element = node.parentElement;
    if (!element || seen.has(element)) continue;
    // Most question texts are an element's only child: no need to walk it.
    add(element, node.previousSibling === null && node.nextSibling === null ? data : flowText(element));
    // A question split over inline pieces (<span>Unit kerja telah</span> <b>membentuk</b> …) is
    // whole only in the block around them.
    if (INLINE_TAGS.has(element.tagName) && data.trim().length >= MIN_PIECE) {
      let block = element.parentElement;
      while (block && block !== root && INLINE_TAGS.has(block.tagName)) block = block.parentElement;
      if (block && !seen.has(block) && !isSkipped(block)) add(block, flowText(block));
    }
  }
  return blocks;
}

/** Whether a block lies in a subtree whose text is never a question (checked for matches only). */
export function isInSkippedSubtree(element: Element): boolean {
  return isSkipped(element) || element.closest(SKIPPED_SELECTOR) !== null;
}
