import { textDigest } from '@/lib/messaging/digest';
import type { SavedField } from '@/lib/messaging/protocol';
import { sameText } from '@/lib/portal/write';

/**
 * Whether a badge offers to put a saved text back into a field showing `pageText`: the portal
 * emptied the field (a session expiry, a reload), shows a text saved earlier (a reset to what the
 * server had), or shows the saved text cut short (a portal that truncates what it stores).
 */
export function offersRestore(pageText: string, saved: SavedField): boolean {
  const page = pageText.trim();
  const text = saved.text.trim();
  if (text === '' || sameText(page, text)) return false;
  if (page === '') return true;
  if (saved.olderDigests.includes(textDigest(page))) return true;
  return text.length > page.length && text.startsWith(page);
}
