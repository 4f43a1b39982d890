import type { BackupData, BackupScope } from './backup';

// What a backup of one unit or one period holds, chosen from every row of the database. Pure, so
// the choice is tested without a database.
//
// A unit's file holds its periods with their rows, its team and its innovations; a period's file
// holds the period's rows and the team members its assignments name. Rows of a scope may point
// outside it (a period rolled over from last year's, a follow-up drawn from last year's evaluator
// note): the rows they point at travel with the file, so every id in it resolves on import. Such a
// referenced period comes without its own rows, and without a roll-over source of its own.

const byId = <T extends { id: number }>(rows: readonly T[], ids: ReadonlySet<number>) => rows.filter((row) => ids.has(row.id));
const inPeriods = <T extends { periodId: number }>(rows: readonly T[], ids: ReadonlySet<number>) => rows.filter((row) => ids.has(row.periodId));
const valuesOf = <T>(rows: readonly T[], value: (row: T) => number | null) =>
  rows.flatMap((row) => {
    const id = value(row);
    return id === null ? [] : [id];
  });

/** The periods a scope covers with all their rows; null when the scope's unit or period does not exist. */
function coveredPeriods(all: BackupData, scope: Exclude<BackupScope, { kind: 'all' }>): Set<number> | null {
  if (scope.kind === 'unit') {
    if (!all.units.some((unit) => unit.id === scope.unitId)) return null;
    return new Set(all.periods.filter((period) => period.unitId === scope.unitId).map((period) => period.id));
  }
  return all.periods.some((period) => period.id === scope.periodId) ? new Set([scope.periodId]) : null;
}

/** The rows of `all` in `scope`, with the rows they refer to; null when the scope names nothing that exists. */
export function selectScope(all: BackupData, scope: BackupScope): BackupData | null {
  if (scope.kind === 'all') return all;
  const covered = coveredPeriods(all, scope);
  if (!covered) return null;

  const followUps = inPeriods(all.followUps, covered);
  const noteIds = new Set([...inPeriods(all.evaluatorNotes, covered).map((note) => note.id), ...valuesOf(followUps, (row) => row.sourceNoteId)]);
  const evaluatorNotes = byId(all.evaluatorNotes, noteIds);
  const carryOvers = inPeriods(all.carryOvers, covered);
  const periodIds = new Set([
    ...covered,
    ...valuesOf(byId(all.periods, covered), (period) => period.rolledFrom),
    ...carryOvers.map((row) => row.fromPeriodId),
    ...evaluatorNotes.map((note) => note.periodId),
  ]);
  const periods = byId(all.periods, periodIds).map((period) =>
    period.rolledFrom === null || periodIds.has(period.rolledFrom) ? period : { ...period, rolledFrom: null },
  );
  const unitIds = new Set([...(scope.kind === 'unit' ? [scope.unitId] : []), ...periods.map((period) => period.unitId)]);
  const assignments = inPeriods(all.assignments, covered);
  const memberIds = new Set(assignments.map((row) => row.memberId));
  const ownsUnit = <T extends { unitId: number }>(row: T) => scope.kind === 'unit' && row.unitId === scope.unitId;

  return {
    units: byId(all.units, unitIds),
    periods,
    answers: inPeriods(all.answers, covered),
    pageStates: inPeriods(all.pageStates, covered),
    drafts: inPeriods(all.drafts, covered),
    revisions: inPeriods(all.revisions, covered),
    evidence: inPeriods(all.evidence, covered),
    evidenceLinks: inPeriods(all.evidenceLinks, covered),
    // Templates and settings belong to the browser, not to a unit: only a whole backup has them.
    narrativeTemplates: [],
    settings: [],
    carryOvers,
    teamMembers: all.teamMembers.filter((member) => ownsUnit(member) || memberIds.has(member.id)),
    assignments,
    workflow: inPeriods(all.workflow, covered),
    workflowEvents: inPeriods(all.workflowEvents, covered),
    evaluatorNotes,
    followUps,
    snapshots: inPeriods(all.snapshots, covered),
    innovations: all.innovations.filter(ownsUnit),
  };
}
