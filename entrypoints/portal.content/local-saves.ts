// The background tells only extension pages that stored data changed; within the content script,
// whoever stored a field's text (autosave, an insert) says so here, so the badges ask again
// what is saved and the restore offers follow what the history now holds.

const listeners = new Set<() => void>();

export function onLocalSave(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceLocalSave(): void {
  for (const listener of listeners) listener();
}
