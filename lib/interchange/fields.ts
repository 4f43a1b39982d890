import { z } from 'zod';

// Field schemas every interchange file shares (backups, and any other file the extension reads):
// a file is untrusted input, so every string is bounded and every enum closed.

/** Narratives and drafts are long, but nothing a unit writes comes near this. */
export const MAX_TEXT = 200_000;
/** Names, titles and links: as long as the longest evidence link a portal page may give (lib/messaging). */
export const MAX_SHORT = 4_096;

export const id = z.number().int().positive();
export const timestamp = z.number().int().nonnegative();
/** A template code: an indicator ("A.I.1.i.a"), a sub-area or an area ("A.I"). */
export const code = z.string().min(1).max(64);
export const shortText = z.string().max(MAX_SHORT);
export const longText = z.string().max(MAX_TEXT);
/** ISO `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const workflowStatus = z.enum(['belum_mulai', 'draf', 'siap_ditinjau', 'disetujui', 'perlu_perbaikan']);

/** Rule 3: only http(s) links enter the database, from a page or from a file. */
export const httpUrl = z
  .string()
  .max(MAX_SHORT)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'Not an http(s) URL');
