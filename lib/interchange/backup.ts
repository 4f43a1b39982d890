import { z } from 'zod';
import { V1_TABLES, V3_TABLES, emptyV3Tables } from './backupRows';
import { id, timestamp } from './fields';

// The backup file (issue 6): every table's rows as plain JSON, with the versions that wrote them
// and a checksum over the data. Nothing here touches the database: the file is untrusted input
// (rule 7) and is fully checked before a repository plans anything from it.

export const BACKUP_FORMAT = 'asisten-lke-backup';
/** 2: the tables of database version 3 (team, workflow, evaluators' notes, follow-ups, snapshots, innovations, carry-overs). */
export const BACKUP_FORMAT_VERSION = 2;
/** Checked on the raw text, before JSON.parse allocates a tree for it. */
export const MAX_BACKUP_CHARS = 30 * 1024 * 1024;
/** Keys that could reach an object's prototype if a later merge copied the parsed object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ALL_TABLES = { ...V1_TABLES, ...V3_TABLES };
type Tables = { [K in keyof typeof ALL_TABLES]: z.infer<(typeof ALL_TABLES)[K]> };
export type BackupData = Tables;
export type BackupTable = keyof BackupData;
/** Every table a backup file carries, in the order files list them. */
export const BACKUP_TABLES = Object.keys(ALL_TABLES) as BackupTable[];

const TABLES_WITH_IDS = [
  'units',
  'periods',
  'drafts',
  'revisions',
  'evidence',
  'narrativeTemplates',
  'teamMembers',
  'workflowEvents',
  'evaluatorNotes',
  'followUps',
  'snapshots',
  'innovations',
] as const satisfies readonly BackupTable[];

const TABLES_OF_A_PERIOD = [
  'answers',
  'pageStates',
  'drafts',
  'revisions',
  'evidence',
  'evidenceLinks',
  'carryOvers',
  'assignments',
  'workflow',
  'workflowEvents',
  'evaluatorNotes',
  'followUps',
  'snapshots',
] as const satisfies readonly BackupTable[];

/**
 * Children refer to their parents by the exporting database's ids; a dangling reference could not
 * be remapped on import, so the file is refused rather than half-imported. Import matches rows by
 * domain keys; two rows under one key could only be merged by guessing, so such a file is refused too.
 */
function checkReferences(data: BackupData, ctx: z.RefinementCtx): void {
  const ids = (list: readonly { id: number }[]) => new Set(list.map((row) => row.id));
  for (const table of TABLES_WITH_IDS) {
    if (ids(data[table]).size !== data[table].length) ctx.addIssue({ code: 'custom', path: [table], message: `Duplicate ${table} id` });
  }
  const check = (table: BackupTable, field: string, known: Set<number>) => {
    for (const [index, row] of (data[table] as readonly object[]).entries()) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === 'number' && !known.has(value)) {
        ctx.addIssue({ code: 'custom', path: [table, index, field], message: `Unknown ${field} ${value}` });
      }
    }
  };
  const units = ids(data.units);
  const periods = ids(data.periods);
  check('periods', 'unitId', units);
  check('periods', 'rolledFrom', periods);
  for (const table of TABLES_OF_A_PERIOD) check(table, 'periodId', periods);
  check('revisions', 'draftId', ids(data.drafts));
  check('evidenceLinks', 'evidenceId', ids(data.evidence));
  check('carryOvers', 'fromPeriodId', periods);
  check('teamMembers', 'unitId', units);
  check('innovations', 'unitId', units);
  check('assignments', 'memberId', ids(data.teamMembers));
  check('followUps', 'sourceNoteId', ids(data.evaluatorNotes));

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
  unique('carryOvers', data.carryOvers, (row) => [row.periodId, row.code]);
  unique('teamMembers', data.teamMembers, (row) => [row.unitId, row.name]);
  unique('assignments', data.assignments, (row) => [row.periodId, row.scope]);
  unique('workflow', data.workflow, (row) => [row.periodId, row.code]);
  unique('followUps', data.followUps, (row) => [row.periodId, row.code, row.createdAt]);
  unique('snapshots', data.snapshots, (row) => [row.periodId, row.takenAt]);
  unique('innovations', data.innovations, (row) => [row.unitId, row.name]);
}

const BackupDataSchema = z.object(ALL_TABLES).strict().superRefine(checkReferences);
/** Format version 1 files stay readable: they hold no version 3 tables, which are read as empty. */
const BackupDataV1Schema = z
  .object(V1_TABLES)
  .strict()
  .transform((data): BackupData => ({ ...data, ...emptyV3Tables() }))
  .superRefine(checkReferences);

const BackupScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('unit'), unitId: id }).strict(),
  z.object({ kind: z.literal('period'), periodId: id }).strict(),
]);
export type BackupScope = z.infer<typeof BackupScopeSchema>;

const backupSchema = <T extends z.ZodType<BackupData>>(data: T) =>
  z
    .object({
      format: z.literal(BACKUP_FORMAT),
      formatVersion: z.number().int().positive(),
      schemaVersion: z.number().int().positive(),
      appVersion: z.string().max(64),
      exportedAt: timestamp,
      scope: BackupScopeSchema,
      checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      data,
    })
    .strict();
const BackupSchema = backupSchema(BackupDataSchema);
const BackupV1Schema = backupSchema(BackupDataV1Schema);
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

/** `sha256:<hex>` over the canonical JSON of the data, as the file holds it (before defaults fill in older rows). */
export async function checksumOf(data: unknown): Promise<string> {
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
  const parsed = (header.data.formatVersion === 1 ? BackupV1Schema : BackupSchema).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', path: parsed.error.issues[0]?.path.join('.') ?? '' };
  if ((await checksumOf((raw as { data: unknown }).data)) !== parsed.data.checksum) return { ok: false, reason: 'checksum' };
  return { ok: true, backup: parsed.data };
}
