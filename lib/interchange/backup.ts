import { z } from 'zod';
import type {
  Answer,
  Draft,
  Evidence,
  EvidenceLink,
  NarrativeTemplate,
  PageState,
  Period,
  Revision,
  Setting,
  Unit,
} from '../db/schema';
import type { Stored } from '../db/repositories/rows';

// The backup file (issue 6): every table's rows as plain JSON, with the versions that wrote them
// and a checksum over the data. Nothing here touches the database: the file is untrusted input
// (rule 7) and is fully checked before a repository plans anything from it.

export const BACKUP_FORMAT = 'asisten-lke-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Checked on the raw text, before JSON.parse allocates a tree for it. */
export const MAX_BACKUP_CHARS = 30 * 1024 * 1024;
/** Narratives and drafts are long, but nothing a unit writes comes near this. */
const MAX_TEXT = 200_000;
/** Names, titles and links: as long as the longest evidence link a portal page may give (lib/messaging). */
const MAX_SHORT = 4_096;
const MAX_ROWS = 200_000;
/** Keys that could reach an object's prototype if a later merge copied the parsed object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const id = z.number().int().positive();
const timestamp = z.number().int().nonnegative();
const code = z.string().min(1).max(64);
const shortText = z.string().max(MAX_SHORT);
const longText = z.string().max(MAX_TEXT);
const source = z.enum(['portal', 'user']);

// Each schema `satisfies` the interface it carries, so a field added to lib/db/schema.ts without a
// matching change here fails the typecheck instead of being dropped from backups.
const UnitRow = z
  .object({
    id,
    name: z.string().min(1).max(MAX_SHORT),
    agency: shortText,
    profile: z.object({ pimpinan: shortText, nomorSk: shortText, tanggalSk: shortText, ketuaTim: shortText }).strict(),
    // Files written before schema version 3 carry no target; such units aimed at WBK.
    target: z.enum(['wbk', 'wbbm']).default('wbk'),
    createdAt: timestamp,
  })
  .strict() satisfies z.ZodType<Stored<Unit>>;

const PeriodRow = z
  .object({
    id,
    unitId: id,
    year: z.number().int().min(2000).max(2200),
    templateId: shortText,
    rolledFrom: id.nullable().default(null),
    createdAt: timestamp,
  })
  .strict() satisfies z.ZodType<Stored<Period>>;

const AnswerRow = z
  .object({ periodId: id, code, value: shortText.nullable(), source, updatedAt: timestamp })
  .strict() satisfies z.ZodType<Answer>;

const PageStateRow = z
  .object({
    periodId: id,
    code,
    answer: shortText.nullable(),
    narrative: longText.nullable(),
    evidence: z.array(longText).max(1_000),
    origin: shortText,
    observedAt: timestamp,
  })
  .strict() satisfies z.ZodType<PageState>;

const DraftRow = z
  .object({ id, periodId: id, code, name: z.string().min(1).max(MAX_SHORT), text: longText, createdAt: timestamp, updatedAt: timestamp })
  .strict() satisfies z.ZodType<Stored<Draft>>;

const RevisionRow = z
  .object({
    id,
    periodId: id,
    code,
    field: z.enum(['answer', 'narrative', 'evidence', 'count']),
    draftId: id.nullable(),
    text: longText,
    source,
    createdAt: timestamp,
  })
  .strict() satisfies z.ZodType<Stored<Revision>>;

const EvidenceRow = z
  .object({
    id,
    periodId: id,
    title: shortText,
    // Rule 3: only http(s) links enter the library, from a page or from a file.
    url: z
      .string()
      .max(MAX_SHORT)
      .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'Not an http(s) URL'),
    documentDate: shortText.nullable(),
    type: shortText.nullable(),
    note: longText,
    createdAt: timestamp,
  })
  .strict() satisfies z.ZodType<Stored<Evidence>>;

const EvidenceLinkRow = z
  .object({ evidenceId: id, periodId: id, code, createdAt: timestamp })
  .strict() satisfies z.ZodType<EvidenceLink>;

const NarrativeTemplateRow = z
  .object({ id, name: z.string().min(1).max(MAX_SHORT), code: code.nullable(), text: longText, createdAt: timestamp, updatedAt: timestamp })
  .strict() satisfies z.ZodType<Stored<NarrativeTemplate>>;

const SettingRow = z
  .object({
    key: z.string().min(1).max(MAX_SHORT),
    // A setting's value is free-form JSON; its size is what can be bounded.
    value: z.json().refine((value) => JSON.stringify(value).length <= MAX_TEXT, 'Setting value too large'),
  })
  .strict() satisfies z.ZodType<Setting>;

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS);

const BackupDataSchema = z
  .object({
    units: rows(UnitRow),
    periods: rows(PeriodRow),
    answers: rows(AnswerRow),
    pageStates: rows(PageStateRow),
    drafts: rows(DraftRow),
    revisions: rows(RevisionRow),
    evidence: rows(EvidenceRow),
    evidenceLinks: rows(EvidenceLinkRow),
    narrativeTemplates: rows(NarrativeTemplateRow),
    settings: rows(SettingRow),
  })
  .strict()
  .superRefine((data, ctx) => {
    // Children refer to their parents by the exporting database's ids; a dangling reference
    // could not be remapped on import, so the file is refused rather than half-imported.
    const ids = (list: readonly { id: number }[]) => new Set(list.map((row) => row.id));
    for (const table of ['units', 'periods', 'drafts', 'revisions', 'evidence', 'narrativeTemplates'] as const) {
      if (ids(data[table]).size !== data[table].length) ctx.addIssue({ code: 'custom', path: [table], message: `Duplicate ${table} id` });
    }
    const units = ids(data.units);
    const periods = ids(data.periods);
    const drafts = ids(data.drafts);
    const evidence = ids(data.evidence);
    const check = (table: string, list: readonly object[], field: string, known: Set<number>) => {
      for (const [index, row] of list.entries()) {
        const value = (row as Record<string, unknown>)[field];
        if (typeof value === 'number' && !known.has(value)) {
          ctx.addIssue({ code: 'custom', path: [table, index, field], message: `Unknown ${field} ${value}` });
        }
      }
    };
    check('periods', data.periods, 'unitId', units);
    for (const table of ['answers', 'pageStates', 'drafts', 'revisions', 'evidence', 'evidenceLinks'] as const) {
      check(table, data[table], 'periodId', periods);
    }
    check('revisions', data.revisions, 'draftId', drafts);
    check('evidenceLinks', data.evidenceLinks, 'evidenceId', evidence);
    // Import matches rows by these domain keys; two rows under one key could only be merged by
    // guessing, so such a file is refused too.
    const unique = <T>(table: BackupTable, list: readonly T[], key: (row: T) => unknown[]) => {
      const seen = new Set<string>();
      for (const [index, row] of list.entries()) {
        const value = JSON.stringify(key(row));
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [table, index], message: `Duplicate ${table} key ${value}` });
        seen.add(value);
      }
    };
    unique('units', data.units, (row) => [row.name]);
    unique('periods', data.periods, (row) => [row.unitId, row.year]);
    unique('answers', data.answers, (row) => [row.periodId, row.code]);
    unique('pageStates', data.pageStates, (row) => [row.periodId, row.code]);
    unique('drafts', data.drafts, (row) => [row.periodId, row.code, row.name]);
    unique('evidence', data.evidence, (row) => [row.periodId, row.url]);
    unique('evidenceLinks', data.evidenceLinks, (row) => [row.evidenceId, row.code]);
    unique('narrativeTemplates', data.narrativeTemplates, (row) => [row.name, row.code]);
    unique('settings', data.settings, (row) => [row.key]);
  });
export type BackupData = z.infer<typeof BackupDataSchema>;
export type BackupTable = keyof BackupData;

const BackupScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('unit'), unitId: id }).strict(),
  z.object({ kind: z.literal('period'), periodId: id }).strict(),
]);
export type BackupScope = z.infer<typeof BackupScopeSchema>;

const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    schemaVersion: z.number().int().positive(),
    appVersion: z.string().max(64),
    exportedAt: timestamp,
    scope: BackupScopeSchema,
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    data: BackupDataSchema,
  })
  .strict();
export type Backup = z.infer<typeof BackupSchema>;

export type BackupRejection =
  | 'too_large'
  | 'not_json'
  | 'forbidden_key'
  | 'foreign'
  | 'newer_format'
  | 'newer_schema'
  | 'invalid'
  | 'checksum';

/** The locale key (lib/i18n/locales, namespace `backup`) that tells the user each rejection. */
export const BACKUP_REJECTION_MESSAGES = {
  too_large: 'backup.rejected.tooLarge',
  not_json: 'backup.rejected.notJson',
  forbidden_key: 'backup.rejected.forbiddenKey',
  foreign: 'backup.rejected.foreign',
  newer_format: 'backup.rejected.newerFormat',
  newer_schema: 'backup.rejected.newerSchema',
  invalid: 'backup.rejected.invalid',
  checksum: 'backup.rejected.checksum',
} as const satisfies Record<BackupRejection, string>;

export type ParsedBackup =
  | { ok: true; backup: Backup }
  /** `path` names the first offending field for `invalid` (e.g. `data.drafts.3.text`). */
  | { ok: false; reason: BackupRejection; path?: string };

/** JSON with object keys sorted at every level, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `sha256:<hex>` over the canonical JSON of the data. */
export async function checksumOf(data: BackupData): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(data)));
  return `sha256:${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface BackupMeta {
  /** The Dexie version of the exporting database. */
  schemaVersion: number;
  appVersion: string;
  exportedAt: number;
}

/** The complete file object for `data`, checksum included. */
export async function buildBackup(data: BackupData, scope: BackupScope, meta: BackupMeta): Promise<Backup> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: meta.schemaVersion,
    appVersion: meta.appVersion,
    exportedAt: meta.exportedAt,
    scope,
    checksum: await checksumOf(data),
    data,
  };
}

class ForbiddenKeyError extends Error {}

/**
 * Checks a backup file's text completely: size, JSON, forbidden keys, format and versions, every
 * row's shape and references, and the checksum. `schemaVersion` is the reading database's version:
 * a file from a newer schema may hold fields this build would drop.
 */
export async function parseBackup(text: string, schemaVersion: number): Promise<ParsedBackup> {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, reason: 'too_large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError();
      return value;
    });
  } catch (error) {
    return { ok: false, reason: error instanceof ForbiddenKeyError ? 'forbidden_key' : 'not_json' };
  }
  // Format and versions first: a newer file is told as such, not as a list of schema errors.
  const header = z
    .object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number(), schemaVersion: z.number() })
    .safeParse(raw);
  if (!header.success) return { ok: false, reason: 'foreign' };
  if (header.data.formatVersion > BACKUP_FORMAT_VERSION) return { ok: false, reason: 'newer_format' };
  if (header.data.schemaVersion > schemaVersion) return { ok: false, reason: 'newer_schema' };
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', path: parsed.error.issues[0]?.path.join('.') ?? '' };
  if ((await checksumOf(parsed.data.data)) !== parsed.data.checksum) return { ok: false, reason: 'checksum' };
  return { ok: true, backup: parsed.data };
}
