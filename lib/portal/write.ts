import type { BoundField } from './bind';
import { isEditable, isEditingHost } from './controls';
import { readField } from './read';

// Write: puts a value into a bound narrative or evidence field the way the page's own framework
// expects to receive typing (React, Vue, Livewire, jQuery, rich editors), then reads it back with
// the engine's reader. What the page did with the value is reported, never assumed: a page that
// refused or rewrote it yields `mismatch` with what the field holds now.

/** `not_on_page`: the page removed or replaced the field while it was written (a framework re-rendering the row). */
export type WriteFailure = 'no_field' | 'mismatch' | 'not_on_page';

export type WriteResult =
  | { ok: true; readBack: string; undo: FieldUndo }
  /** `undo` is there when something was written (a mismatch), so the user can still take it back. */
  | { ok: false; reason: WriteFailure; readBack: string; undo: FieldUndo | null };

export type UndoResult = { ok: true; readBack: string } | { ok: false; reason: 'mismatch'; readBack: string };

export interface FieldUndo {
  /** Whether the field still holds what the extension wrote (the user has not edited it since). */
  holdsWrite(): boolean;
  /** Puts back what the field held before the write, verified like a write. */
  undo(): UndoResult;
}

/** The only inputs written: never files, passwords, hidden plumbing or other typed inputs. */
const WRITTEN_INPUT_TYPES = new Set(['text', 'url']);
/** The add-link button of a list of link inputs ("+ Tambah tautan", "Add link"), not a delete one. */
const ADD_BUTTON = /\b(tambah|add)\b|\+/i;
const REMOVE_BUTTON = /\b(hapus|remove|delete)\b|×/i;

/** Whitespace-insensitive comparison: editors turn line breaks into paragraphs, portals trim. */
export function sameText(a: string, b: string): boolean {
  return normalizeSpace(a) === normalizeSpace(b);
}

function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function isWritableInput(element: HTMLElement): boolean {
  if (element instanceof HTMLTextAreaElement) return isEditable(element);
  if (element instanceof HTMLInputElement) {
    return WRITTEN_INPUT_TYPES.has(element.type) && isEditable(element);
  }
  return false;
}

/** Whether the extension may write into a bound field at all (rule: never files, secrets, disabled). */
export function isWritable(field: BoundField): boolean {
  if (field.field !== 'narrative' && field.field !== 'evidence') return false;
  const element = field.controls[0];
  if (!element?.isConnected) return false;
  if (field.kind === 'list') return true;
  if (field.kind === 'editable') return isEditingHost(element) && isEditable(element);
  return isWritableInput(element);
}

const read = (field: BoundField) => readField(field, []);

/**
 * Sets a textarea's or input's value through the native setter of the element's own window, as
 * typing does: frameworks that track the value on the instance (React) then see it as changed.
 */
function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const view = element.ownerDocument.defaultView;
  const prototype = element instanceof HTMLTextAreaElement ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = prototype && Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  const InputEventOf = view?.InputEvent ?? InputEvent;
  const EventOf = view?.Event ?? Event;
  element.dispatchEvent(new InputEventOf('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
  element.dispatchEvent(new EventOf('change', { bubbles: true }));
}

/** Selects everything inside an editing host, as Ctrl+A there does. */
function selectAllIn(host: HTMLElement): boolean {
  const selection = host.ownerDocument.getSelection();
  if (!selection) return false;
  const range = host.ownerDocument.createRange();
  range.selectNodeContents(host);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Replaces an editing host's content with `text` as plain paragraphs, built node by node (never
 * parsed as HTML), and tells the editor with an input event.
 */
function replaceWithParagraphs(host: HTMLElement, text: string): void {
  const doc = host.ownerDocument;
  const paragraphs = text.split('\n').map((line) => {
    const paragraph = doc.createElement('p');
    if (line === '') paragraph.append(doc.createElement('br'));
    else paragraph.textContent = line;
    return paragraph;
  });
  host.replaceChildren(...paragraphs);
  const InputEventOf = doc.defaultView?.InputEvent ?? InputEvent;
  host.dispatchEvent(new InputEventOf('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
}

/**
 * Rich editors (Quill, CKEditor 5, Summernote, TinyMCE's iframe body) keep a model of their own
 * and update it from the browser's editing commands: select all and insert text, as a paste would.
 * An editor that ignores the command, or a browser without it, gets plain paragraphs instead.
 */
function writeEditable(host: HTMLElement, text: string, expected: () => boolean): void {
  const doc = host.ownerDocument;
  host.focus({ preventScroll: true });
  const inserted =
    selectAllIn(host) &&
    typeof doc.execCommand === 'function' &&
    (text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text));
  if (!inserted || !expected()) replaceWithParagraphs(host, text);
}

/** What an undo of a value or editable field puts back: the element's former value or nodes. */
function snapshotOf(field: BoundField): () => void {
  const element = field.controls[0]!;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const before = element.value;
    return () => setNativeValue(element, before);
  }
  const before = Array.from(element.childNodes, (node) => node.cloneNode(true));
  const beforeText = read(field);
  return () => {
    element.replaceChildren(...before.map((node) => node.cloneNode(true)));
    const InputEventOf = element.ownerDocument.defaultView?.InputEvent ?? InputEvent;
    element.dispatchEvent(new InputEventOf('input', { bubbles: true, inputType: 'historyUndo', data: beforeText }));
  };
}

/**
 * Remembers what a field held before a write, and after it what the write left there: the undo
 * puts the former value back only while the field still shows the latter.
 */
function journal(field: BoundField, restore: () => void) {
  const before = read(field);
  let written: string | null = null;
  const undo: FieldUndo = {
    // Whitespace aside: editors re-render what was inserted (paragraph markup) after the fact.
    holdsWrite: () => written !== null && field.controls[0]!.isConnected && sameText(read(field), written),
    undo() {
      if (!undo.holdsWrite()) return { ok: false, reason: 'mismatch', readBack: read(field) };
      restore();
      written = null;
      const readBack = read(field);
      return sameText(readBack, before) ? { ok: true, readBack } : { ok: false, reason: 'mismatch', readBack };
    },
  };
  /** Reads the field back after the write and checks it holds what was meant. */
  const finish = (holds: (readBack: string) => boolean): WriteResult => {
    // A detached field still reads back what was written, yet the page no longer shows it.
    if (!field.controls[0]!.isConnected) return { ok: false, reason: 'not_on_page', readBack: '', undo: null };
    const readBack = read(field);
    written = readBack;
    return holds(readBack) ? { ok: true, readBack, undo } : { ok: false, reason: 'mismatch', readBack, undo };
  };
  return finish;
}

/**
 * Puts `text` into a narrative field, or an evidence field that takes free text, replacing what
 * is there. A single-line input gets the line breaks as spaces (it would drop them and glue words).
 */
export function writeText(field: BoundField, text: string): WriteResult {
  if (!isWritable(field) || field.kind === 'list') return { ok: false, reason: 'no_field', readBack: '', undo: null };
  const element = field.controls[0]!;
  const finish = journal(field, snapshotOf(field));
  if (element instanceof HTMLInputElement) {
    const line = text.replace(/\r?\n/g, ' ');
    setNativeValue(element, line);
    return finish((readBack) => sameText(readBack, line));
  }
  if (element instanceof HTMLTextAreaElement) setNativeValue(element, text);
  else writeEditable(element, text, () => sameText(read(field), text));
  return finish((readBack) => sameText(readBack, text));
}

/** The writable link inputs inside a list of links, in order. */
function linkInputs(list: HTMLElement): HTMLInputElement[] {
  return Array.from(list.querySelectorAll('input')).filter(
    (input) => WRITTEN_INPUT_TYPES.has(input.type) && isEditable(input) && input.getAttribute('aria-hidden') !== 'true',
  );
}

/** The button that gives a list of links one more input: inside the list or right after it. */
function addButtonOf(list: HTMLElement): HTMLElement | null {
  const near = Array.from(list.querySelectorAll('button, [role="button"]'));
  for (let sibling = list.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    near.push(...(sibling.matches('button, [role="button"]') ? [sibling] : Array.from(sibling.querySelectorAll('button, [role="button"]'))));
  }
  const label = (button: Element) => `${button.textContent ?? ''} ${button.getAttribute('aria-label') ?? ''} ${button.getAttribute('title') ?? ''} ${button.className}`;
  const add = near.find((button) => ADD_BUTTON.test(label(button)) && !REMOVE_BUTTON.test(label(button)));
  return (add as HTMLElement | undefined) ?? null;
}

/** The http(s) links of a text, in order, each once. */
function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'<>]+/gi) ?? [])];
}

/**
 * Fills a list with one input per link: links the list already shows are kept, the others go into
 * its inputs in order, and the page's own "add" button is clicked for more inputs. Inputs left
 * over are emptied, so the list holds exactly the links given.
 */
function writeList(field: BoundField, links: readonly string[]): WriteResult {
  const list = field.controls[0]!;
  const shown = new Set(Array.from(list.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href));
  const wanted = links.filter((link) => !shown.has(link));
  const before = linkInputs(list).map((input) => ({ input, value: input.value }));
  const finish = journal(field, () => {
    const former = new Map(before.map(({ input, value }) => [input, value]));
    for (const input of linkInputs(list)) setNativeValue(input, former.get(input) ?? '');
  });
  let inputs = linkInputs(list);
  const add = addButtonOf(list);
  while (inputs.length < wanted.length && add) {
    add.click();
    const more = linkInputs(list);
    if (more.length <= inputs.length) break;
    inputs = more;
  }
  if (inputs.length < wanted.length) return { ok: false, reason: 'no_field', readBack: read(field), undo: null };
  inputs.forEach((input, i) => {
    const value = wanted[i] ?? '';
    if (input.value !== value) setNativeValue(input, value);
  });
  return finish((readBack) => {
    const held = linksIn(readBack);
    return links.every((link) => held.includes(link));
  });
}

/**
 * Puts evidence links into the field in the form it takes: one input per link in a list (the
 * page's "add" button gives more), one link per line in a textarea or editable, and in a single
 * input the links separated by a space. A space, not a comma: commas are valid inside URLs, and
 * the reader (read.ts) splits links on whitespace; an `type="url"` input then shows the user,
 * through the browser's own validation, that the portal wants a single address there.
 */
export function writeLinks(field: BoundField, links: readonly string[]): WriteResult {
  if (!isWritable(field)) return { ok: false, reason: 'no_field', readBack: '', undo: null };
  if (field.kind === 'list') return writeList(field, links);
  const element = field.controls[0]!;
  return writeText(field, links.join(element instanceof HTMLInputElement ? ' ' : '\n'));
}

/** Puts a saved field text back as it was typed: a list of links gets the links it held. */
export function writeSaved(field: BoundField, text: string): WriteResult {
  return field.kind === 'list' ? writeLinks(field, linksIn(text)) : writeText(field, text);
}

/**
 * Focuses a field for the user to fill in: its control, or in a list of links its first input
 * (else the page's add button). Scrolling is left to the caller, which shows the whole row.
 */
export function focusField(field: BoundField): void {
  const element = field.controls[0];
  if (!element) return;
  const target = field.kind === 'list' ? (linkInputs(element)[0] ?? addButtonOf(element) ?? element) : element;
  target.focus({ preventScroll: true });
}
