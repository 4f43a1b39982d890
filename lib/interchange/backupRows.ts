import { z } from 'zod';
import type {
  Answer,
  Assignment,
  CarryOver,
  Draft,
  EvaluatorNote,
  Evidence,
  EvidenceLink,
  FollowUp,
  Innovation,
  NarrativeTemplate,
  PageState,
  Period,
  ProgressSnapshot,
  Revision,
  Setting,
  TeamMember,
  Unit,
  WorkflowEvent,
  WorkflowState,
} from '../db/schema';
import type { Stored } from '../db/repositories/rows';
import { MAX_SHORT, MAX_TEXT, code, httpUrl, id, isoDate, longText, shortText, timestamp, workflowStatus } from './fields';

// The shape of every table's rows in a backup file. A file is untrusted input: every string is
// bounded, every enum closed, every object strict. Each schema `satisfies` the interface it
// carries, so a field added to lib/db/schema.ts without a matching change here fails the typecheck
// instead of being dropped from backups.

const MAX_ROWS = 200_000;
/** Lists inside one row (links of an innovation, area codes, scores per area). */
const MAX_LIST = 1_000;

const name = z.string().min(1).max(MAX_SHORT);
const source = z.enum(['portal', 'user']);
const percent = z.number().min(0).max(100);

const UnitRow = z
  .object({
    id,
    name,
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
    evidence: z.array(longText).max(MAX_LIST),
    origin: shortText,
    observedAt: timestamp,
  })
  .strict() satisfies z.ZodType<PageState>;

const DraftRow = z
  .object({ id, periodId: id, code, name, text: longText, createdAt: timestamp, updatedAt: timestamp })
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
    url: httpUrl,
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
  .object({ id, name, code: code.nullable(), text: longText, createdAt: timestamp, updatedAt: timestamp })
  .strict() satisfies z.ZodType<Stored<NarrativeTemplate>>;

const SettingRow = z
  .object({
    key: name,
    // A setting's value is free-form JSON; its size is what can be bounded.
    value: z.json().refine((value) => JSON.stringify(value).length <= MAX_TEXT, 'Setting value too large'),
  })
  .strict() satisfies z.ZodType<Setting>;

const CarryOverRow = z
  .object({
    periodId: id,
    code,
    fromPeriodId: id,
    reviewedAt: timestamp.nullable(),
    staleReasons: z.array(z.enum(['wording', 'options', 'weight'])).max(3),
    createdAt: timestamp,
  })
  .strict() satisfies z.ZodType<CarryOver>;

const TeamMemberRow = z
  .object({ id, unitId: id, name, role: shortText, area: code.nullable(), createdAt: timestamp })
  .strict() satisfies z.ZodType<Stored<TeamMember>>;

const AssignmentRow = z
  .object({ periodId: id, scope: code, memberId: id, dueDate: isoDate.nullable(), assignedAt: timestamp })
  .strict() satisfies z.ZodType<Assignment>;

const WorkflowRow = z
  .object({ periodId: id, code, status: workflowStatus, updatedAt: timestamp, updatedBy: shortText })
  .strict() satisfies z.ZodType<WorkflowState>;

const WorkflowEventRow = z
  .object({ id, periodId: id, code, from: workflowStatus, to: workflowStatus, by: shortText, note: longText, at: timestamp })
  .strict() satisfies z.ZodType<Stored<WorkflowEvent>>;

const EvaluatorNoteRow = z
  .object({ id, periodId: id, code, evaluator: z.enum(['TPI', 'TPN']), note: longText, score: shortText.nullable(), createdAt: timestamp })
  .strict() satisfies z.ZodType<Stored<EvaluatorNote>>;

const FollowUpRow = z
  .object({ id, periodId: id, code, text: longText, sourceNoteId: id.nullable(), doneAt: timestamp.nullable(), createdAt: timestamp })
  .strict() satisfies z.ZodType<Stored<FollowUp>>;

const SnapshotRow = z
  .object({
    id,
    periodId: id,
    takenAt: timestamp,
    trigger: z.enum(['weekly', 'manual']),
    answeredPercent: percent,
    withEvidencePercent: percent,
    hintsOpen: z.number().int().nonnegative(),
    scores: z
      .record(code, z.number().finite())
      .refine((scores) => Object.keys(scores).length <= MAX_LIST, 'Too many scores'),
  })
  .strict() satisfies z.ZodType<Stored<ProgressSnapshot>>;

const InnovationRow = z
  .object({
    id,
    unitId: id,
    name,
    category: z.enum(['layanan_internal', 'layanan_eksternal', 'image_branding', 'penyebaran_virus_integritas', 'kerja_sama_stakeholder']),
    areas: z.array(code).max(MAX_LIST),
    description: longText,
    evidenceUrls: z.array(httpUrl).max(MAX_LIST),
    // A replication may be recorded before its proof is at hand.
    replications: z.array(z.object({ unit: shortText, proofUrl: z.union([z.literal(''), httpUrl]) }).strict()).max(MAX_LIST),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict() satisfies z.ZodType<Stored<Innovation>>;

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS);

/** The tables of backup format version 1 (database versions 1 and 2). */
export const V1_TABLES = {
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
};

/** The tables database version 3 added, carried from backup format version 2 on. */
export const V3_TABLES = {
  carryOvers: rows(CarryOverRow),
  teamMembers: rows(TeamMemberRow),
  assignments: rows(AssignmentRow),
  workflow: rows(WorkflowRow),
  workflowEvents: rows(WorkflowEventRow),
  evaluatorNotes: rows(EvaluatorNoteRow),
  followUps: rows(FollowUpRow),
  snapshots: rows(SnapshotRow),
  innovations: rows(InnovationRow),
};

export type V3Tables = { [K in keyof typeof V3_TABLES]: z.infer<(typeof V3_TABLES)[K]> };

/** A format version 1 file holds none of the version 3 tables: they are read as empty. */
export const emptyV3Tables = (): V3Tables => ({
  carryOvers: [],
  teamMembers: [],
  assignments: [],
  workflow: [],
  workflowEvents: [],
  evaluatorNotes: [],
  followUps: [],
  snapshots: [],
  innovations: [],
});
