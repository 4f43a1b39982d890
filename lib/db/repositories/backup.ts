import {
  buildBackup,
  parseBackup,
  type Backup,
  type BackupData,
  type BackupScope,
  type BackupTable,
  type ParsedBackup,
} from '../../interchange/backup';
import type { Table } from 'dexie';
import type { Draft, Evidence, LkeDatabase, NarrativeTemplate, Period, Unit } from '../schema';
import { ACTIVE_CONTEXT_KEY } from './context';
import { RepositoryError } from './errors';
import { insertRow, type Stored } from './rows';

// Export and import of backup files (issue 6). Ids are auto-increment, so a file imported into
// another browser is merged by domain keys and its ids are remapped: units by name, periods by
// (unit, year), answers and page states by (period, code), drafts by (period, code, name), evidence
// by (period, url), links by (evidence, code), narrative templates by (name, code), settings by key.
//
// Statuses of a record that exists on both sides and differs:
// - `changed`: the local record was last edited before the file was exported, so the two are
//   successive states of one history and the newer one can be taken safely;
// - `conflict`: the local record was edited after the export, so both sides moved independently.
// Either way the default is "newest wins" per indicator; the user may pick a side per indicator.
// A unit, period or evidence document that exists locally keeps its local fields (they carry no
// edit time to compare); a setting that exists locally is kept and counted as a conflict when it
// differs. Revisions are history: the missing ones are added, they never conflict.

export type ImportStatus = 'new' | 'same' | 'changed' | 'conflict';
/** Which side an indicator's differing records take. */
export type ImportChoice = 'file' | 'local';

export type TableCounts = Record<ImportStatus, number>;

export interface IndicatorPlan {
  /** Stable within one plan: the file's period id and the code. */
  key: string;
  unitName: string;
  year: number;
  code: string;
  status: ImportStatus;
  /** The side with the newest edit among the differing records ('file' when nothing differs). */
  defaultChoice: ImportChoice;
}

export interface ImportPlan {
  backup: Backup;
  tables: Record<BackupTable, TableCounts>;
  /** Every indicator the file holds records of, in file order. */
  indicators: IndicatorPlan[];
}

export interface ExportMeta {
  appVersion: string;
  exportedAt: number;
}

/** Settings whose values are this browser's ids: they mean nothing in another database. */
const isPortableSetting = (key: string) => key !== ACTIVE_CONTEXT_KEY && !key.startsWith('drafts.active.');

const tablesOf = (db: LkeDatabase) => [
  db.units,
  db.periods,
  db.answers,
  db.pageStates,
  db.drafts,
  db.revisions,
  db.evidence,
  db.evidenceLinks,
  db.narrativeTemplates,
  db.settings,
];

/** Everything in `scope` as a backup file object; narrative templates and settings only with `all`. */
export async function exportBackup(db: LkeDatabase, scope: BackupScope, meta: ExportMeta): Promise<Backup> {
  const data = await db.transaction('r', tablesOf(db), async () => {
    const units = (await db.units.toArray()) as Stored<Unit>[];
    const periods = (await db.periods.toArray()) as Stored<Period>[];
    let unitIds: Set<number>;
    if (scope.kind === 'all') unitIds = new Set(units.map((unit) => unit.id));
    else if (scope.kind === 'unit') unitIds = new Set([scope.unitId]);
    else unitIds = new Set(periods.filter((period) => period.id === scope.periodId).map((period) => period.unitId));
    const scopedPeriods = periods.filter(
      (period) => unitIds.has(period.unitId) && (scope.kind !== 'period' || period.id === scope.periodId),
    );
    const scopedUnits = units.filter((unit) => unitIds.has(unit.id));
    if (scope.kind === 'period' && scopedPeriods.length === 0) throw new RepositoryError('not_found', `No period ${scope.periodId}`);
    if (scope.kind === 'unit' && scopedUnits.length === 0) throw new RepositoryError('not_found', `No unit ${scope.unitId}`);
    const periodIds = new Set(scopedPeriods.map((period) => period.id));
    const inScope = <T extends { periodId: number }>(list: T[]) => list.filter((row) => periodIds.has(row.periodId));
    const whole = scope.kind === 'all';
    return {
      units: scopedUnits,
      periods: scopedPeriods,
      answers: inScope(await db.answers.toArray()),
      pageStates: inScope(await db.pageStates.toArray()),
      drafts: inScope(await db.drafts.toArray()),
      revisions: inScope(await db.revisions.toArray()),
      evidence: inScope(await db.evidence.toArray()),
      evidenceLinks: inScope(await db.evidenceLinks.toArray()),
      narrativeTemplates: whole ? await db.narrativeTemplates.toArray() : [],
      settings: whole ? (await db.settings.toArray()).filter((setting) => isPortableSetting(setting.key)) : [],
    } as BackupData;
  });
  // Hashed after the transaction: awaiting Web Crypto inside it would let IndexedDB commit early.
  return buildBackup(data, scope, { schemaVersion: db.verno, ...meta });
}

/** File ids → local ids, filled while resolving (matches) and while applying (additions). */
interface IdMaps {
  units: Map<number, number>;
  periods: Map<number, number>;
  drafts: Map<number, number>;
  evidence: Map<number, number>;
}

interface Step {
  table: BackupTable;
  status: ImportStatus;
  /** The indicator the record belongs to; its choice decides a differing record. */
  indicator: string | null;
  /** Edit times, for "newest wins"; equal when the table carries none. */
  fileTime: number;
  localTime: number;
  write: (ids: IdMaps) => Promise<unknown>;
}

interface Resolution {
  steps: Step[];
  ids: IdMaps;
  indicators: IndicatorPlan[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Reads what the database holds under each of the file's domain keys, in dependency order. */
async function resolve(db: LkeDatabase, backup: Backup): Promise<Resolution> {
  const { data, exportedAt } = backup;
  const ids: IdMaps = { units: new Map(), periods: new Map(), drafts: new Map(), evidence: new Map() };
  const steps: Step[] = [];
  const indicators = new Map<string, IndicatorPlan>();
  const fileUnits = new Map(data.units.map((unit) => [unit.id, unit]));
  const filePeriods = new Map(data.periods.map((period) => [period.id, period]));

  const statusOf = (equal: boolean, localTime: number): ImportStatus =>
    equal ? 'same' : localTime > exportedAt ? 'conflict' : 'changed';
  const indicatorOf = (periodId: number, code: string) => {
    const key = `${periodId}:${code}`;
    if (!indicators.has(key)) {
      const period = filePeriods.get(periodId)!;
      indicators.set(key, { key, unitName: fileUnits.get(period.unitId)!.name, year: period.year, code, status: 'same', defaultChoice: 'file' });
    }
    return key;
  };
  const addNew = (table: BackupTable, indicator: string | null, write: Step['write']) =>
    steps.push({ table, status: 'new', indicator, fileTime: 0, localTime: 0, write });

  const localUnits = (await db.units.toArray()) as Stored<Unit>[];
  for (const unit of data.units) {
    const local = localUnits.find((candidate) => candidate.name === unit.name);
    if (local) {
      ids.units.set(unit.id, local.id);
      steps.push({ table: 'units', status: 'same', indicator: null, fileTime: 0, localTime: 0, write: async () => {} });
    } else {
      const { id, ...row } = unit;
      addNew('units', null, async (map) => map.units.set(id, (await insertRow<Unit>(db.units, row)).id));
    }
  }

  for (const period of data.periods) {
    const unitId = ids.units.get(period.unitId);
    const local = unitId === undefined ? undefined : ((await db.periods.where({ unitId, year: period.year }).first()) as Stored<Period> | undefined);
    if (local) {
      ids.periods.set(period.id, local.id);
      steps.push({ table: 'periods', status: 'same', indicator: null, fileTime: 0, localTime: 0, write: async () => {} });
    } else {
      const { id, ...row } = period;
      addNew('periods', null, async (map) => map.periods.set(id, (await insertRow<Period>(db.periods, { ...row, unitId: map.units.get(row.unitId)!, rolledFrom: row.rolledFrom === null ? null : (map.periods.get(row.rolledFrom) ?? null) })).id));
    }
  }

  for (const evidence of data.evidence) {
    const periodId = ids.periods.get(evidence.periodId);
    const local =
      periodId === undefined ? undefined : ((await db.evidence.where({ periodId }).and((row) => row.url === evidence.url).first()) as Stored<Evidence> | undefined);
    if (local) {
      ids.evidence.set(evidence.id, local.id);
      steps.push({ table: 'evidence', status: 'same', indicator: null, fileTime: 0, localTime: 0, write: async () => {} });
    } else {
      const { id, ...row } = evidence;
      addNew('evidence', null, async (map) =>
        map.evidence.set(id, (await insertRow<Evidence>(db.evidence, { ...row, periodId: map.periods.get(row.periodId)! })).id),
      );
    }
  }

  for (const draft of data.drafts) {
    const indicator = indicatorOf(draft.periodId, draft.code);
    const periodId = ids.periods.get(draft.periodId);
    const { id, ...row } = draft;
    const local =
      periodId === undefined
        ? undefined
        : ((await db.drafts.where({ periodId, code: draft.code }).and((candidate) => candidate.name === draft.name).first()) as Stored<Draft> | undefined);
    if (local) {
      ids.drafts.set(id, local.id);
      steps.push({
        table: 'drafts',
        status: statusOf(local.text === draft.text, local.updatedAt),
        indicator,
        fileTime: draft.updatedAt,
        localTime: local.updatedAt,
        write: () => db.drafts.update(local.id, { text: draft.text, updatedAt: draft.updatedAt }),
      });
    } else {
      addNew('drafts', indicator, async (map) =>
        map.drafts.set(id, (await insertRow<Draft>(db.drafts, { ...row, periodId: map.periods.get(row.periodId)! })).id),
      );
    }
  }

  // Answers and page states share their key and differ only in their content and time fields.
  const keyed = async <T extends { periodId: number; code: string }>(
    table: Table<T, [number, string]>,
    list: readonly T[],
    content: (row: T) => unknown,
    time: (row: T) => number,
  ) => {
    for (const row of list) {
      const indicator = indicatorOf(row.periodId, row.code);
      const periodId = ids.periods.get(row.periodId);
      const local = periodId === undefined ? undefined : await table.get([periodId, row.code]);
      const write = (map: IdMaps) => table.put({ ...row, periodId: map.periods.get(row.periodId)! });
      const name = table.name as 'answers' | 'pageStates';
      if (!local) addNew(name, indicator, write);
      else {
        const status = statusOf(same(content(local), content(row)), time(local));
        steps.push({ table: name, status, indicator, fileTime: time(row), localTime: time(local), write });
      }
    }
  };
  await keyed(db.answers, data.answers, ({ value, source }) => [value, source], (row) => row.updatedAt);
  await keyed(
    db.pageStates,
    data.pageStates,
    ({ answer, narrative, evidence, origin }) => [answer, narrative, evidence, origin],
    (row) => row.observedAt,
  );

  for (const link of data.evidenceLinks) {
    const indicator = indicatorOf(link.periodId, link.code);
    const evidenceId = ids.evidence.get(link.evidenceId);
    const local = evidenceId === undefined ? undefined : await db.evidenceLinks.get([evidenceId, link.code]);
    if (local) steps.push({ table: 'evidenceLinks', status: 'same', indicator, fileTime: 0, localTime: 0, write: async () => {} });
    else {
      addNew('evidenceLinks', indicator, (map) =>
        db.evidenceLinks.add({ ...link, evidenceId: map.evidence.get(link.evidenceId)!, periodId: map.periods.get(link.periodId)! }),
      );
    }
  }

  for (const revision of data.revisions) {
    const indicator = indicatorOf(revision.periodId, revision.code);
    const periodId = ids.periods.get(revision.periodId);
    const draftId = revision.draftId === null ? null : ids.drafts.get(revision.draftId);
    const present =
      periodId !== undefined &&
      draftId !== undefined &&
      (await db.revisions
        .where({ periodId, code: revision.code })
        .and(
          (row) =>
            row.field === revision.field &&
            row.draftId === draftId &&
            row.createdAt === revision.createdAt &&
            row.text === revision.text,
        )
        .count()) > 0;
    const { id: _fileId, ...row } = revision;
    if (present) steps.push({ table: 'revisions', status: 'same', indicator, fileTime: 0, localTime: 0, write: async () => {} });
    else {
      addNew('revisions', indicator, (map) =>
        db.revisions.add({
          ...row,
          periodId: map.periods.get(row.periodId)!,
          draftId: row.draftId === null ? null : map.drafts.get(row.draftId)!,
        }),
      );
    }
  }

  const localTemplates = (await db.narrativeTemplates.toArray()) as Stored<NarrativeTemplate>[];
  for (const template of data.narrativeTemplates) {
    const { id: _fileId, ...row } = template;
    const local = localTemplates.find(
      (candidate) => candidate.name === template.name && candidate.code === template.code,
    );
    if (!local) addNew('narrativeTemplates', null, () => db.narrativeTemplates.add(row));
    else {
      steps.push({
        table: 'narrativeTemplates',
        status: statusOf(local.text === template.text, local.updatedAt),
        indicator: null,
        fileTime: template.updatedAt,
        localTime: local.updatedAt,
        write: () => db.narrativeTemplates.update(local.id, { text: template.text, updatedAt: template.updatedAt }),
      });
    }
  }

  for (const setting of data.settings.filter((row) => isPortableSetting(row.key))) {
    const local = await db.settings.get(setting.key);
    if (!local) addNew('settings', null, () => db.settings.add(setting));
    // A differing local setting is kept: equal times make "newest wins" pick the local side.
    else steps.push({ table: 'settings', status: same(local.value, setting.value) ? 'same' : 'conflict', indicator: null, fileTime: 0, localTime: 0, write: () => db.settings.put(setting) });
  }

  for (const plan of indicators.values()) {
    const own = steps.filter((step) => step.indicator === plan.key);
    const differing = own.filter((step) => step.status === 'changed' || step.status === 'conflict');
    if (own.every((step) => step.status === 'new')) plan.status = 'new';
    else if (differing.some((step) => step.status === 'conflict')) plan.status = 'conflict';
    else if (own.some((step) => step.status !== 'same')) plan.status = 'changed';
    const newest = (side: 'fileTime' | 'localTime') => Math.max(0, ...differing.map((step) => step[side]));
    plan.defaultChoice = differing.length > 0 && newest('localTime') >= newest('fileTime') ? 'local' : 'file';
  }
  return { steps, ids, indicators: [...indicators.values()] };
}

const emptyCounts = (): TableCounts => ({ new: 0, same: 0, changed: 0, conflict: 0 });

/** What importing `backup` would do: per-table counts and per-indicator statuses with defaults. */
export function planImport(db: LkeDatabase, backup: Backup): Promise<ImportPlan> {
  return db.transaction('r', tablesOf(db), async () => {
    const { steps, indicators } = await resolve(db, backup);
    const tables = Object.fromEntries(Object.keys(backup.data).map((table) => [table, emptyCounts()])) as ImportPlan['tables'];
    for (const step of steps) tables[step.table][step.status] += 1;
    return { backup, tables, indicators };
  });
}

/**
 * Applies the plan's file in one transaction over every table: any failure rolls everything back.
 * The merge is resolved again inside the transaction, so edits made since the preview are seen.
 * `choices` maps an indicator's key to the side its differing records take; an indicator without
 * a choice takes its default (newest wins). New records are always added: nothing is lost.
 */
export function applyImport(db: LkeDatabase, plan: ImportPlan, choices: ReadonlyMap<string, ImportChoice> = new Map()): Promise<void> {
  return db.transaction('rw', tablesOf(db), async () => {
    // The maps already hold every matched parent; additions fill in the rest as they are written.
    const { steps, indicators, ids } = await resolve(db, plan.backup);
    const chosen = new Map(indicators.map((indicator) => [indicator.key, choices.get(indicator.key) ?? indicator.defaultChoice]));
    for (const step of steps) {
      const takeFile =
        step.status === 'new' ||
        (step.status !== 'same' &&
          (step.indicator === null ? step.fileTime > step.localTime : chosen.get(step.indicator) === 'file'));
      if (takeFile) await step.write(ids);
    }
  });
}

/** Checks a backup file's text against this database's schema version (lib/interchange/backup.ts). */
export const readBackup = (db: LkeDatabase, text: string): Promise<ParsedBackup> => parseBackup(text, db.verno);
