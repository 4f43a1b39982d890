import type { default as Dexie, EntityTable, Table, Transaction } from 'dexie';

// The rows the database keeps and its versions. Dexie itself is opened in database.ts: what is
// here loads without it, so the dashboard's first frame can read the rows before Dexie loads.
//
// Every change to the stores below is a new numbered version appended to `VERSIONS` with its
// upgrade function; test/unit/db/migrations.test.ts walks every version.

/** What narrative templates fill in about a unit beyond its name and agency (version 2). */
export interface UnitProfile {
  /** Head of the unit, e.g. "Kepala Kantor". */
  pimpinan: string;
  /** Number of the decree (SK) that formed the unit's ZI team. */
  nomorSk: string;
  /** Date of that decree, ISO `YYYY-MM-DD`, or '' when unknown. */
  tanggalSk: string;
  /** Chair of the ZI team. */
  ketuaTim: string;
}

export const EMPTY_UNIT_PROFILE: UnitProfile = { pimpinan: '', nomorSk: '', tanggalSk: '', ketuaTim: '' };

/** The predicate a unit works towards (version 3). */
export type UnitTarget = 'wbk' | 'wbbm';

export interface Unit {
  id?: number;
  name: string;
  agency: string;
  profile: UnitProfile;
  /** Version 3; units written before are given 'wbk', the first predicate every unit aims at. */
  target: UnitTarget;
  createdAt: number;
}

export interface Period {
  id?: number;
  unitId: number;
  /** Evaluation year, e.g. 2026. */
  year: number;
  /** Template id + edition, e.g. "permenpanrb-90-2021@portalrb-2026". */
  templateId: string;
  /** The period this one was rolled over from (version 3); null when it was started empty. */
  rolledFrom: number | null;
  createdAt: number;
}

/** Where a value came from: read off the portal page, or entered by the user in the extension. */
export type ValueSource = 'portal' | 'user';

/** The unit's answer to one indicator in one period. */
export interface Answer {
  periodId: number;
  /** Template indicator code, e.g. "A.I.1.i.a". */
  code: string;
  /** Option key ("Ya", "A" …) or a number as text (counts, 0–4 indices); null when cleared. */
  value: string | null;
  source: ValueSource;
  updatedAt: number;
}

/** What the portal page showed for an indicator the last time it was recognised (rule 10). */
export interface PageState {
  periodId: number;
  code: string;
  answer: string | null;
  narrative: string | null;
  evidence: string[];
  /** Origin of the portal page the state was read from. */
  origin: string;
  observedAt: number;
}

/** A named narrative draft of one indicator ("versi singkat", "final"). */
export interface Draft {
  id?: number;
  periodId: number;
  code: string;
  name: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

export type RevisionField = 'answer' | 'narrative' | 'evidence' | 'count';

/** One saved state of a field; history is kept, never silently expired. */
export interface Revision {
  id?: number;
  periodId: number;
  code: string;
  field: RevisionField;
  /** The draft this revision belongs to, when it was made in a named draft. */
  draftId: number | null;
  text: string;
  source: ValueSource;
  createdAt: number;
}

/**
 * Which revision is the newest form revision (draftId null) of one field of one indicator: a table
 * derived from `revisions` (lib/db/repositories/revisionHeads.ts), so a period's state is read
 * from one row per field instead of a scan of its whole history.
 */
export interface RevisionHead {
  periodId: number;
  code: string;
  field: RevisionField;
  revisionId: number;
}

/** A document in the unit's evidence library. */
export interface Evidence {
  id?: number;
  periodId: number;
  title: string;
  /** http(s) URL only, checked with `new URL()`. */
  url: string;
  documentDate: string | null;
  type: string | null;
  note: string;
  createdAt: number;
}

/** One evidence document serves one or many indicators. */
export interface EvidenceLink {
  evidenceId: number;
  periodId: number;
  code: string;
  createdAt: number;
}

/** A reusable narrative with `{variable}` placeholders (lib/narrative/template.ts). */
export interface NarrativeTemplate {
  id?: number;
  name: string;
  /** The indicator it was written for; null when it suits any indicator. */
  code: string | null;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** Why a carried-over indicator's template entry differs from the one it was answered against. */
export type StaleReason = 'wording' | 'options' | 'weight';

/**
 * One indicator carried into a period by a roll-over (version 3): it stays "perlu ditinjau" until
 * someone has looked at it again, and is stale when its template entry changed between editions.
 */
export interface CarryOver {
  periodId: number;
  code: string;
  fromPeriodId: number;
  reviewedAt: number | null;
  staleReasons: StaleReason[];
  createdAt: number;
}

/** A member of a unit's ZI team (version 3). */
export interface TeamMember {
  id?: number;
  unitId: number;
  name: string;
  /** Free text: "Koordinator", "PIC Area I", "Reviewer" … */
  role: string;
  /** Template code of the area the member mainly works on, e.g. "A.I"; null for none. */
  area: string | null;
  createdAt: number;
}

/** A PIC assigned to a part of the LKE in a period: an area, a sub-area or one indicator (version 3). */
export interface Assignment {
  periodId: number;
  /** Template code of the area, sub-area or indicator. */
  scope: string;
  memberId: number;
  /** ISO `YYYY-MM-DD`, or null without a due date. */
  dueDate: string | null;
  assignedAt: number;
}

export type WorkflowStatus = 'belum_mulai' | 'draf' | 'siap_ditinjau' | 'disetujui' | 'perlu_perbaikan';

/** Where an indicator stands in the team's review workflow (version 3); absent means belum mulai. */
export interface WorkflowState {
  periodId: number;
  code: string;
  status: WorkflowStatus;
  updatedAt: number;
  /** Name of the team member who made the last change. */
  updatedBy: string;
}

/** One change of workflow status, kept as the record of who changed what when (version 3). */
export interface WorkflowEvent {
  id?: number;
  periodId: number;
  code: string;
  from: WorkflowStatus;
  to: WorkflowStatus;
  by: string;
  /** The reviewer's note; '' when none was written. */
  note: string;
  at: number;
}

/** A note of the evaluators (TPI of the agency, TPN of the ministry) on one indicator (version 3). */
export interface EvaluatorNote {
  id?: number;
  periodId: number;
  code: string;
  evaluator: 'TPI' | 'TPN';
  note: string;
  /** The evaluator's answer or value as text ("B", "0,5"), or null when none was given. */
  score: string | null;
  createdAt: number;
}

/** An action to take in a period, usually drawn from an evaluator's note on the period before (version 3). */
export interface FollowUp {
  id?: number;
  periodId: number;
  code: string;
  text: string;
  sourceNoteId: number | null;
  doneAt: number | null;
  createdAt: number;
}

/** A period's progress at one moment, taken weekly and on demand (version 3). */
export interface ProgressSnapshot {
  id?: number;
  periodId: number;
  takenAt: number;
  trigger: 'weekly' | 'manual';
  answeredPercent: number;
  withEvidencePercent: number;
  hintsOpen: number;
  /** Score per area code ("A.I" … "A.VI") and the totals ("total", "pengungkit", "hasil"). */
  scores: Record<string, number>;
}

export type InnovationCategory =
  | 'layanan_internal'
  | 'layanan_eksternal'
  | 'image_branding'
  | 'penyebaran_virus_integritas'
  | 'kerja_sama_stakeholder';

/** An innovation of a unit, with the areas it serves and the units that replicated it (version 3). */
export interface Innovation {
  id?: number;
  unitId: number;
  name: string;
  category: InnovationCategory;
  /** Area codes, e.g. ["A.III", "A.VI"]. */
  areas: string[];
  description: string;
  evidenceUrls: string[];
  replications: { unit: string; proofUrl: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type LkeDatabase = Dexie & {
  units: EntityTable<Unit, 'id'>;
  periods: EntityTable<Period, 'id'>;
  // Compound primary keys: `EntityTable<T>` without a key property would type the key as `never`,
  // which makes get/delete/transaction on these tables uncompilable.
  answers: Table<Answer, [number, string]>;
  pageStates: Table<PageState, [number, string]>;
  drafts: EntityTable<Draft, 'id'>;
  revisions: EntityTable<Revision, 'id'>;
  revisionHeads: Table<RevisionHead, [number, string, string]>;
  evidence: EntityTable<Evidence, 'id'>;
  evidenceLinks: Table<EvidenceLink, [number, string]>;
  narrativeTemplates: EntityTable<NarrativeTemplate, 'id'>;
  carryOvers: Table<CarryOver, [number, string]>;
  teamMembers: EntityTable<TeamMember, 'id'>;
  assignments: Table<Assignment, [number, string]>;
  workflow: Table<WorkflowState, [number, string]>;
  workflowEvents: EntityTable<WorkflowEvent, 'id'>;
  evaluatorNotes: EntityTable<EvaluatorNote, 'id'>;
  followUps: EntityTable<FollowUp, 'id'>;
  snapshots: EntityTable<ProgressSnapshot, 'id'>;
  innovations: EntityTable<Innovation, 'id'>;
  settings: EntityTable<Setting, 'key'>;
};

export const DATABASE_NAME = 'asisten-lke';

export interface SchemaVersion {
  version: number;
  /** The stores this version adds or changes; the others carry over unchanged. */
  stores: Record<string, string>;
  /** Brings rows written by the version before into this version's shape. */
  upgrade?: (transaction: Transaction) => Promise<unknown>;
}

/** Store definitions per version, oldest first. Never edit a published entry: append one. */
export const VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      units: '++id, name',
      periods: '++id, unitId, &[unitId+year]',
      answers: '&[periodId+code], periodId',
      pageStates: '&[periodId+code], periodId',
      drafts: '++id, [periodId+code], updatedAt',
      revisions: '++id, [periodId+code], draftId, createdAt',
      evidence: '++id, periodId, url',
      evidenceLinks: '&[evidenceId+code], [periodId+code], evidenceId',
      settings: '&key',
    },
  },
  {
    version: 2,
    stores: {
      // Indexes unchanged; listed because every unit gains a profile here.
      units: '++id, name',
      narrativeTemplates: '++id, code, updatedAt',
    },
    upgrade: (transaction) =>
      transaction
        .table<Unit>('units')
        .toCollection()
        .modify((unit) => {
          unit.profile ??= { ...EMPTY_UNIT_PROFILE };
        }),
  },
  {
    version: 3,
    stores: {
      // Units gain a target and periods the period they were rolled over from; indexes unchanged.
      units: '++id, name',
      periods: '++id, unitId, &[unitId+year]',
      carryOvers: '&[periodId+code], periodId',
      teamMembers: '++id, unitId',
      assignments: '&[periodId+scope], periodId, memberId',
      workflow: '&[periodId+code], periodId, status',
      workflowEvents: '++id, [periodId+code], periodId, at',
      evaluatorNotes: '++id, [periodId+code], periodId',
      followUps: '++id, [periodId+code], periodId',
      snapshots: '++id, periodId, [periodId+takenAt]',
      innovations: '++id, unitId',
    },
    upgrade: async (transaction) => {
      await transaction
        .table<Unit>('units')
        .toCollection()
        .modify((unit) => {
          unit.target ??= 'wbk';
        });
      await transaction
        .table<Period>('periods')
        .toCollection()
        .modify((period) => {
          period.rolledFrom ??= null;
        });
    },
  },
  {
    version: 4,
    stores: {
      // The newest revision of each field is found by its key alone: after a year of typing, reading
      // every revision of a period to find it loads megabytes of old text (lib/db/repositories/periodRecords.ts).
      revisions: '++id, [periodId+code], draftId, createdAt, [periodId+code+field+createdAt]',
    },
  },
  {
    version: 5,
    stores: {
      // Even the index keys of a period's history are tens of thousands of entries after some
      // years; the newest form revision per field is kept aside. No upgrade: the first reader
      // finds the table behind the history and fills it (revisionHeads.ts).
      revisionHeads: '&[periodId+code+field]',
    },
  },
];
