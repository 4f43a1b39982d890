import { type IndicatorState, indicatorStates } from '../../hints';
import { buildPack, type PackItem, type WorkPack } from '../../interchange/pack';
import { adoptedStatus, type IndicatorContent, type MergeChoice, type MergeRow, planMerge, sameContent } from '../../team/packMerge';
import { buildTasks, isoDay } from '../../team/tasks';
import type { LkeDatabase, Revision, Unit } from '../schema';
import { saveAnswer } from './answers';
import { listAssignments } from './assignments';
import { byTemplateOrder } from './indicators';
import { loadPeriodRecords } from './periodRecords';
import { insertRow, requirePeriod, requireStored, type Stored } from './rows';
import { memberNamed, sameName } from './team';
import { listWorkflow, writeStatus } from './workflow';
import { httpUrl } from '../../ui/presentation';

// Work packs (issue 7): a PIC exports the indicators assigned to them; the coordinator previews
// several packs merged with the local copy, then applies the choices in one transaction.

interface PeriodContent {
  states: Map<string, IndicatorState>;
  /** When each indicator last changed, on the page or in the extension. */
  changedAt: Map<string, number>;
}

async function periodContent(db: LkeDatabase, periodId: number): Promise<PeriodContent> {
  const records = await loadPeriodRecords(db, periodId);
  const changedAt = new Map<string, number>();
  const times = [...records.observed.map((row) => [row.code, row.observedAt] as const), ...records.saved.map((row) => [row.code, row.at] as const)];
  for (const [code, at] of times) changedAt.set(code, Math.max(at, changedAt.get(code) ?? 0));
  return { states: indicatorStates(records), changedAt };
}

const contentOf = (state: IndicatorState | undefined): IndicatorContent => ({
  answer: state?.answer ?? null,
  narrative: state?.narrative ?? null,
  evidence: state?.evidence.map((evidence) => evidence.url) ?? [],
});

/** Only http(s) links travel (rule 3); evidence given as a document's name stays in the PIC's copy. */
const isHttpLink = (url: string): boolean => httpUrl(url) !== null;

export interface PackExport {
  periodId: number;
  memberId: number;
  appVersion: string;
  now: Date;
}

/** The pack of one PIC: their assignments and every indicator those make them PIC of. */
export async function exportPack(db: LkeDatabase, request: PackExport): Promise<WorkPack> {
  const { periodId, memberId, now } = request;
  const data = await db.transaction('r', [db.units, db.periods, db.teamMembers, db.assignments, db.workflow, db.pageStates, db.revisions, db.answers, db.evidence, db.evidenceLinks], async () => {
    const period = await requirePeriod(db, periodId);
    const unit = requireStored(await db.units.get(period.unitId), `Unit ${period.unitId}`);
    const member = requireStored(await db.teamMembers.get(memberId), `Member ${memberId}`);
    const [assignments, workflow, content] = await Promise.all([listAssignments(db, periodId), listWorkflow(db, periodId), periodContent(db, periodId)]);
    const stateOf = new Map(workflow.map((state) => [state.code, state]));
    const mine = buildTasks(assignments, workflow, isoDay(now)).filter((task) => task.memberId === memberId);
    const items: PackItem[] = mine.map(({ code, status }) => {
      const { answer, narrative, evidence } = contentOf(content.states.get(code));
      return { code, answer, narrative, evidence: evidence.filter(isHttpLink), status, statusAt: stateOf.get(code)?.updatedAt ?? 0, changedAt: content.changedAt.get(code) ?? 0 };
    });
    return {
      unitName: unit.name,
      year: period.year,
      pic: { name: member.name, role: member.role, area: member.area },
      assignments: assignments.filter((assignment) => assignment.memberId === memberId).map(({ scope, dueDate }) => ({ scope, dueDate })),
      items,
    };
  });
  // Hashed after the transaction: awaiting Web Crypto inside it would let IndexedDB commit early.
  return buildPack(data, { appVersion: request.appVersion, exportedAt: now.getTime() });
}

export interface PackSummary {
  pic: string;
  unitName: string;
  year: number;
  items: number;
  /** True when the pack was made for another unit name or year than the period it goes into. */
  otherPeriod: boolean;
  /** Scopes the pack assigns to its PIC that are assigned to someone else here: kept as they are. */
  assignmentConflicts: string[];
}

export interface PackImportPlan {
  packs: readonly WorkPack[];
  summaries: PackSummary[];
  rows: MergeRow[];
}

const LOCAL_TABLES = (db: LkeDatabase) => [db.units, db.periods, db.teamMembers, db.assignments, db.workflow, db.workflowEvents, db.pageStates, db.revisions, db.answers, db.evidence, db.evidenceLinks];

/** What importing the packs into a period would do, per indicator and per pack. */
export function planPackImport(db: LkeDatabase, periodId: number, packs: readonly WorkPack[]): Promise<PackImportPlan> {
  return db.transaction('r', LOCAL_TABLES(db), async () => {
    const period = await requirePeriod(db, periodId);
    const unit = requireStored(await db.units.get(period.unitId), `Unit ${period.unitId}`) as Stored<Unit>;
    const [content, assignments, members] = await Promise.all([periodContent(db, periodId), listAssignments(db, periodId), db.teamMembers.where('unitId').equals(unit.id).toArray()]);
    const local = new Map([...content.states].map(([code, state]) => [code, contentOf(state)]));
    const nameOf = new Map(members.map((member) => [member.id!, member.name]));
    const summaries = packs.map(({ data }): PackSummary => ({
      pic: data.pic.name,
      unitName: data.unitName,
      year: data.year,
      items: data.items.length,
      otherPeriod: data.year !== period.year || !sameName(data.unitName, unit.name),
      assignmentConflicts: data.assignments
        .map(({ scope }) => assignments.find((assignment) => assignment.scope === scope))
        .filter((assignment) => assignment !== undefined && !sameName(nameOf.get(assignment.memberId) ?? '', data.pic.name))
        .map((assignment) => assignment!.scope),
    }));
    const rows = planMerge(packs.map(({ data }) => ({ pic: data.pic.name, items: data.items })), local, byTemplateOrder);
    return { packs, summaries, rows };
  });
}

/**
 * Applies the packs in one transaction: their PICs join the team when missing, their assignments
 * fill scopes nobody holds here, and each indicator takes the chosen copy (a row without a choice
 * takes its default, which keeps the local copy of a conflict). A local narrative replaced by a
 * pack's stays in the indicator's history as a revision.
 */
export function applyPackImport(db: LkeDatabase, periodId: number, plan: PackImportPlan, choices: ReadonlyMap<string, MergeChoice>, now: Date): Promise<void> {
  return db.transaction('rw', [...LOCAL_TABLES(db), db.settings], async () => {
    const period = await requirePeriod(db, periodId);
    for (const { data } of plan.packs) {
      const member = await memberNamed(db, period.unitId, data.pic, now);
      for (const { scope, dueDate } of data.assignments) {
        if (!(await db.assignments.get([periodId, scope]))) await db.assignments.put({ periodId, scope, memberId: member.id, dueDate, assignedAt: now.getTime() });
      }
    }
    // Resolved again inside the transaction, so edits made since the preview are seen.
    const { rows } = await planPackImport(db, periodId, plan.packs);
    const workflow = new Map((await listWorkflow(db, periodId)).map((state) => [state.code, state]));
    for (const row of rows) {
      const choice = choices.get(row.code) ?? row.defaultChoice;
      const chosen = row.candidates.find((candidate) => candidate.pack === choice);
      if (!chosen) continue;
      await takeContent(db, periodId, row, chosen.item, now);
      const local = workflow.get(row.code);
      const status = adoptedStatus(local, chosen.item);
      if (status) await writeStatus(db, { periodId, code: row.code, to: status, by: chosen.pic, note: '' }, local?.status ?? 'belum_mulai', now);
    }
  });
}

const formRevision = (periodId: number, code: string, field: Revision['field'], text: string, createdAt: number): Revision => ({ periodId, code, field, draftId: null, text, source: 'user', createdAt });

/** Writes a pack's answer, narrative and evidence where they differ from the local copy. */
async function takeContent(db: LkeDatabase, periodId: number, row: MergeRow, item: PackItem, now: Date): Promise<void> {
  if (sameContent(row.local, item)) return;
  const at = now.getTime();
  if ((row.local.answer ?? '') !== (item.answer ?? '')) await saveAnswer(db, { periodId, code: row.code, value: item.answer, source: 'user' }, now);
  if ((row.local.narrative ?? '').trim() !== (item.narrative ?? '').trim()) {
    // The local text may exist only as what the page showed; a revision of it keeps it restorable.
    if (row.local.narrative?.trim()) await insertRow<Revision>(db.revisions, formRevision(periodId, row.code, 'narrative', row.local.narrative, at - 1));
    await insertRow<Revision>(db.revisions, formRevision(periodId, row.code, 'narrative', item.narrative ?? '', at));
  }
  if (!sameContent({ ...row.local, answer: null, narrative: null }, { ...item, answer: null, narrative: null })) {
    await insertRow<Revision>(db.revisions, formRevision(periodId, row.code, 'evidence', item.evidence.join('\n'), at));
  }
}
