import { z } from 'zod';
import type { WorkflowStatus } from '../db/schema';
import { isAssignableScope, scopeLevel } from '../team/scope';
import { code, httpUrl, isoDate, longText, MAX_SHORT, shortText, timestamp, workflowStatus } from './fields';
import { parseSafeJson, sha256Of } from './safeJson';

// The work pack (issue 7): what one PIC hands the coordinator without a server. It holds the PIC,
// their assignments and, per assigned indicator, the answer, narrative, evidence and workflow
// status. Like a backup, the file is untrusted input: size, JSON, forbidden keys, format, versions,
// every field and the checksum are checked before anything is planned from it.

export const PACK_FORMAT = 'asisten-lke-work-pack';
export const PACK_FORMAT_VERSION = 1;
/** A pack holds at most the 127 indicators with their texts: far below this. */
export const MAX_PACK_CHARS = 10 * 1024 * 1024;
// Codes are checked against the template here, so a pack from another template edition is refused
// before anything is planned rather than failing half-way through the merge.
const indicatorCode = code.refine((value) => scopeLevel(value) === 'indicator', 'Not an answerable indicator');
const areaCode = code.refine((value) => scopeLevel(value) === 'area', 'Not an area');
const scopeCode = code.refine(isAssignableScope, 'Not an area, sub-area or indicator');
const status = workflowStatus satisfies z.ZodType<WorkflowStatus>;

const PackItemSchema = z
  .object({
    code: indicatorCode,
    answer: shortText.nullable(),
    narrative: longText.nullable(),
    evidence: z.array(httpUrl).max(200),
    status,
    /** When the status last changed; 0 when it never did (belum mulai). */
    statusAt: timestamp,
    /** When the PIC's copy last changed, on the portal or in the extension; 0 when never. */
    changedAt: timestamp,
  })
  .strict();
export type PackItem = z.infer<typeof PackItemSchema>;

const PackDataSchema = z
  .object({
    unitName: z.string().min(1).max(MAX_SHORT),
    year: z.number().int().min(2000).max(2200),
    pic: z.object({ name: z.string().min(1).max(200), role: z.string().max(200), area: areaCode.nullable() }).strict(),
    assignments: z.array(z.object({ scope: scopeCode, dueDate: isoDate.nullable() }).strict()).max(500),
    items: z.array(PackItemSchema).max(1_000),
  })
  .strict()
  .superRefine((data, ctx) => {
    // Two items for one indicator could only be merged by guessing.
    const seen = new Set<string>();
    for (const [index, item] of data.items.entries()) {
      if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: `Duplicate item ${item.code}` });
      seen.add(item.code);
    }
  });
export type PackData = z.infer<typeof PackDataSchema>;

const PackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.number().int().positive(),
    appVersion: z.string().max(64),
    exportedAt: timestamp,
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    data: PackDataSchema,
  })
  .strict();
export type WorkPack = z.infer<typeof PackSchema>;

export type PackRejection = 'too_large' | 'not_json' | 'forbidden_key' | 'foreign' | 'newer_format' | 'invalid' | 'checksum';

/** The locale key (namespace `packs`) that tells the user each rejection. */
export const PACK_REJECTION_MESSAGES = {
  too_large: 'packs.rejected.tooLarge',
  not_json: 'packs.rejected.notJson',
  forbidden_key: 'packs.rejected.forbiddenKey',
  foreign: 'packs.rejected.foreign',
  newer_format: 'packs.rejected.newerFormat',
  invalid: 'packs.rejected.invalid',
  checksum: 'packs.rejected.checksum',
} as const satisfies Record<PackRejection, string>;

export type ParsedPack = { ok: true; pack: WorkPack } | { ok: false; reason: PackRejection; path?: string };

export async function buildPack(data: PackData, meta: { appVersion: string; exportedAt: number }): Promise<WorkPack> {
  return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, ...meta, checksum: await sha256Of(data), data };
}

export async function parsePack(text: string): Promise<ParsedPack> {
  if (text.length > MAX_PACK_CHARS) return { ok: false, reason: 'too_large' };
  const json = parseSafeJson(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  // Format first: a newer file is told as such, not as a list of schema errors.
  const header = z.object({ format: z.literal(PACK_FORMAT), formatVersion: z.number() }).safeParse(json.value);
  if (!header.success) return { ok: false, reason: 'foreign' };
  if (header.data.formatVersion > PACK_FORMAT_VERSION) return { ok: false, reason: 'newer_format' };
  const parsed = PackSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, reason: 'invalid', path: parsed.error.issues[0]?.path.join('.') ?? '' };
  if ((await sha256Of(parsed.data.data)) !== parsed.data.checksum) return { ok: false, reason: 'checksum' };
  return { ok: true, pack: parsed.data };
}
