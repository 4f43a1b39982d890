/**
 * A short digest of a field's text, so the background can tell a content script which older texts
 * it has saved without sending them all. FNV-1a over UTF-16 code units: collisions only make a
 * restore offer appear or not, never change a stored text. Whitespace at the ends is ignored, as
 * portals trim what they store.
 */
export function textDigest(text: string): string {
  const trimmed = text.trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < trimmed.length; i++) {
    hash ^= trimmed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16)}:${trimmed.length}`;
}
