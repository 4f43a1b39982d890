import type { PortalEdit } from '@/lib/messaging/protocol';

// The background tells only extension pages that stored data changed; within the content script,
// whoever stored a field's text (autosave, an insert) says so here, with what it stored, so the
// badges' restore offers follow what the history now holds without asking the background again.

type Listener = (edits: readonly PortalEdit[]) => void;

const listeners = new Set<Listener>();

export function onLocalSave(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceLocalSave(edits: readonly PortalEdit[]): void {
  for (const listener of listeners) listener(edits);
}
