import type { Table } from 'dexie';
import {
  BACKUP_TABLES,
  buildBackup,
  canonicalJson,
  parseBackup,
  type Backup,
  type BackupData,
  type BackupScope,
  type BackupTable,
  type ParsedBackup,
} from '../../interchange/backup';
import { selectScope } from '../../interchange/backupScope';
import type {
  Draft,
  Evidence,
  EvidenceLink,
  FollowUp,
  Innovation,
  LkeDatabase,
  NarrativeTemplate,
  Period,
  Setting,
  TeamMember,
  Unit,
} from '../schema';
import { ACTIVE_CONTEXT_KEY } from './context';
import { ORIGIN_CONTEXT_PREFIX } from './originContext';
import { HEADS_FOLDED_UP_TO_KEY } from './revisionHeads';
import { CURRENT_MEMBER_KEY } from './team';
import { RepositoryError } from './errors';
import { insertRow, type Stored } from './rows';

// Export and import of backup files (issue 6). Ids are auto-increment, so a file imported into
// another browser is merged by domain keys and its ids are remapped: units by name, periods by
// (unit, year), answers, page states, carry-overs and workflow states by (period, code), drafts by
// (period, code, name), evidence by (period, url), links by (evidence, code), team members and
// innovations by (unit, name), assignments by (period, scope), follow-ups by (period, code, creation
// time), narrative templates by (name, code), settings by key.
//
// Statuses of a record that exists on both sides and differs:
// - `changed`: the local record was last edited before the file was exported, so the two are
//   successive states of one history and the newer one can be taken safely;
// - `conflict`: the local record was edited after the export, so both sides moved independently.
// Either way the default is "newest wins" per indicator; the user may pick a side per indicator
// (records of no indicator, such as innovations and assignments, follow their own edit times).
// A unit, period, team member or evidence document that exists locally keeps its local fields
// (they carry no edit time to compare); a setting that exists locally is kept and counted as a
// conflict when it differs. History (revisions, workflow events, evaluator notes, snapshots) is
// only added to: the missing rows are added, they never conflict. A local draft text the file's
// replaces is kept as a revision first.

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
const isPortableSetting = (key: string) =>
  key !== ACTIVE_CONTEXT_KEY &&
  key !== CURRENT_MEMBER_KEY &&
  key !== HEADS_FOLDED_UP_TO_KEY &&
  !key.startsWith('drafts.active.') &&
  !key.startsWith(ORIGIN_CONTEXT_PREFIX);

const tablesOf = (db: LkeDatabase) => BACKUP_TABLES.map((name) => db.table(name));

/** Everything in `scope` as a backup file object; narrative templates and settings only with `all`. */
export async function exportBackup(db: LkeDatabase, scope: BackupScope, meta: ExportMeta): Promise<Backup> {
  const all = await db.transaction('r', tablesOf(db), async () => {
    const tables = await Promise.all(BACKUP_TABLES.map(async (name) => [name, await db.table(name).toArray()] as const));
    const data = Object.fromEntries(tables) as BackupData;
    return { ...data, settings: data.settings.filter((setting) => isPortableSetting(setting.key)) };
  });
  const data = selectScope(all, scope);
  if (!data) throw new RepositoryError('not_found', `Nothing to export in ${JSON.stringify(scope)}`);
  // Hashed after the transaction: awaiting Web Crypto inside it would let IndexedDB commit early.
  return buildBackup(data, scope, { schemaVersion: db.verno, ...meta });
}

/** File ids → local ids, filled while resolving (matches) and while applying (additions). */
interface IdMaps {
  units: Map<number, number>;
  periods: Map<number, number>;
  drafts: Map<number, number>;
  evidence: Map<number, number>;
  teamMembers: Map<number, number>;
  evaluatorNotes: Map<number, number>;
}

/**
 * The local id of a file id, or an id no row has: the row it names is not in this database yet
 * (while previewing), so nothing local can match a reference to it.
 */
const localId = (map: Map<number, number>, id: number) => map.get(id) ?? -1;
const localIdOrNull = (map: Map<number, number>, id: number | null) => (id === null ? null : localId(map, id));

type Write = (ids: IdMaps) => Promise<unknown>;

interface Step {
  table: BackupTable;
  status: ImportStatus;
  /** The indicator the record belongs to; its choice decides a differing record. */
  indicator: string | null;
  /** Edit times, for "newest wins"; equal when the table carries none. */
  fileTime: number;
  localTime: number;
  write: Write;
}

interface Resolution {
  steps: Step[];
  ids: IdMaps;
  indicators: IndicatorPlan[];
  /** Writes that need every step's additions first (roll-over sources between added periods). */
  deferred: Write[];
}

/** How the records of one table are matched, compared and written. */
interface MergeRule<T extends object> {
  table: BackupTable;
  /** The file period and code of the indicator a record belongs to, or null for none. */
  indicator(row: T): [number, string] | null;
  /** The file's row with its references turned into this database's ids. */
  remap(row: T, ids: IdMaps): T;
  /** The local record under the remapped row's domain key. */
  find(row: T): Promise<T | undefined>;
  /** What is compared; rows whose content is equal are the same (null: a match is always the same). */
  content(row: T): unknown;
  /** Edit time for "newest wins". */
  time(row: T): number;
  /** Adds the remapped row; returns its new id where `idMap` is set. */
  insert(row: T): Promise<unknown>;
  /** Writes the remapped row over its local match; absent where a match keeps its local fields. */
  overwrite?(row: T, local: T): Promise<unknown>;
  /** The map that learns the local id of each of the file's rows. */
  idMap?: keyof IdMaps;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const withoutId = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest;
const noContent = () => null;
const noTime = () => 0;

/** Rows of history (revisions, workflow events, notes, snapshots) are never changed: either a local row equals one, or it is new. */
function historyIndex<T extends { id?: number; periodId: number }>(load: (periodId: number) => Promise<T[]>) {
  const byPeriod = new Map<number, Promise<Map<string, T>>>();
  return (row: T): Promise<T | undefined> => {
    if (!byPeriod.has(row.periodId)) {
      byPeriod.set(row.periodId, load(row.periodId).then((rows) => new Map(rows.map((local) => [canonicalJson(withoutId(local)), local]))));
    }
    return byPeriod.get(row.periodId)!.then((index) => index.get(canonicalJson(withoutId(row))));
  };
}

const ofPeriodByCode = <T>(table: Table<T>) => (periodId: number) =>
  table.where('[periodId+code]').between([periodId, ''], [periodId, '\uffff']).toArray();

/** The merge rule of every table, in the order their records are written (parents first). */
function mergeRules(db: LkeDatabase): MergeRule<object>[] {
  const periodKey = <T extends { periodId: number }>(row: T, ids: IdMaps): T => ({ ...row, periodId: localId(ids.periods, row.periodId) });
  const byCode = <T extends { periodId: number; code: string }>(row: T): [number, string] => [row.periodId, row.code];
  const noIndicator = () => null;
  const insertId = <T extends { id?: number }>(table: { add(row: T): PromiseLike<number | undefined> }) => async (row: T) =>
    (await insertRow<T>(table, withoutId(row) as T)).id;
  const localUnits = db.units.toArray();
  const localTemplates = db.narrativeTemplates.toArray();

  const units: MergeRule<Stored<Unit>> = {
    table: 'units',
    indicator: noIndicator,
    remap: (row) => row,
    find: async (row) => (await localUnits).find((local) => local.name === row.name) as Stored<Unit> | undefined,
    content: noContent,
    time: noTime,
    insert: insertId(db.units),
    idMap: 'units',
  };
  const teamMembers: MergeRule<Stored<TeamMember>> = {
    table: 'teamMembers',
    indicator: noIndicator,
    remap: (row, ids) => ({ ...row, unitId: localId(ids.units, row.unitId) }),
    find: async (row) => (await db.teamMembers.where('unitId').equals(row.unitId).and((local) => local.name === row.name).first()) as Stored<TeamMember> | undefined,
    content: noContent,
    time: noTime,
    insert: insertId(db.teamMembers),
    idMap: 'teamMembers',
  };
  // A period's roll-over source may be added after it: it is set once every period is written.
  const periods: MergeRule<Stored<Period>> = {
    table: 'periods',
    indicator: noIndicator,
    remap: (row, ids) => ({ ...row, unitId: localId(ids.units, row.unitId), rolledFrom: null }),
    find: async (row) => (await db.periods.where({ unitId: row.unitId, year: row.year }).first()) as Stored<Period> | undefined,
    content: noContent,
    time: noTime,
    insert: insertId(db.periods),
    idMap: 'periods',
  };
  const evidence: MergeRule<Stored<Evidence>> = {
    table: 'evidence',
    indicator: noIndicator,
    remap: periodKey,
    find: async (row) => (await db.evidence.where({ periodId: row.periodId }).and((local) => local.url === row.url).first()) as Stored<Evidence> | undefined,
    content: noContent,
    time: noTime,
    insert: insertId(db.evidence),
    idMap: 'evidence',
  };
  const drafts: MergeRule<Stored<Draft>> = {
    table: 'drafts',
    indicator: byCode,
    remap: periodKey,
    find: async (row) =>
      (await db.drafts.where({ periodId: row.periodId, code: row.code }).and((local) => local.name === row.name).first()) as Stored<Draft> | undefined,
    content: (row) => row.text,
    time: (row) => row.updatedAt,
    insert: insertId(db.drafts),
    overwrite: async (row, local) => {
      await keepAsRevision(db, local);
      await db.drafts.update(local.id, { text: row.text, updatedAt: row.updatedAt });
    },
    idMap: 'drafts',
  };
  const keyed = <T extends { periodId: number }>(
    table: Table<T, [number, string]>,
    key: (row: T) => string,
    rule: Pick<MergeRule<T>, 'indicator' | 'content' | 'time'> & { remap?: MergeRule<T>['remap'] },
  ): MergeRule<T> => ({
    table: table.name as BackupTable,
    remap: periodKey,
    find: (row) => table.get([row.periodId, key(row)]),
    insert: (row) => table.put(row),
    overwrite: (row) => table.put(row),
    ...rule,
  });
  const history = <T extends { id?: number; periodId: number }>(
    table: Table<T> & { add(row: T): PromiseLike<number | undefined> },
    load: (periodId: number) => Promise<T[]>,
    rule: Pick<MergeRule<T>, 'indicator'> & Partial<MergeRule<T>>,
  ): MergeRule<T> => ({
    table: table.name as BackupTable,
    remap: periodKey,
    find: historyIndex(load),
    content: noContent,
    time: noTime,
    insert: insertId(table),
    ...rule,
  });
  const latestOf = (...times: (number | null)[]) => Math.max(0, ...times.filter((time): time is number => time !== null));

  const rules = [
    units,
    teamMembers,
    periods,
    evidence,
    drafts,
    keyed(db.answers, (row) => row.code, { indicator: byCode, content: ({ value, source }) => [value, source], time: (row) => row.updatedAt }),
    keyed(db.pageStates, (row) => row.code, {
      indicator: byCode,
      content: ({ answer, narrative, evidence, origin }) => [answer, narrative, evidence, origin],
      time: (row) => row.observedAt,
    }),
    {
      table: 'evidenceLinks',
      indicator: byCode,
      remap: (row, ids) => ({ ...periodKey(row, ids), evidenceId: localId(ids.evidence, row.evidenceId) }),
      find: (row) => db.evidenceLinks.get([row.evidenceId, row.code]),
      content: noContent,
      time: noTime,
      insert: (row) => db.evidenceLinks.add(row),
    } satisfies MergeRule<EvidenceLink>,
    history(db.revisions, ofPeriodByCode(db.revisions), {
      indicator: byCode,
      remap: (row, ids) => ({ ...periodKey(row, ids), draftId: localIdOrNull(ids.drafts, row.draftId) }),
    }),
    keyed(db.carryOvers, (row) => row.code, {
      indicator: byCode,
      remap: (row, ids) => ({ ...periodKey(row, ids), fromPeriodId: localId(ids.periods, row.fromPeriodId) }),
      content: ({ fromPeriodId, reviewedAt, staleReasons }) => [fromPeriodId, reviewedAt, staleReasons],
      time: (row) => latestOf(row.createdAt, row.reviewedAt),
    }),
    keyed(db.workflow, (row) => row.code, { indicator: byCode, content: ({ status, updatedBy }) => [status, updatedBy], time: (row) => row.updatedAt }),
    history(db.workflowEvents, ofPeriodByCode(db.workflowEvents), { indicator: byCode }),
    history(db.evaluatorNotes, ofPeriodByCode(db.evaluatorNotes), { indicator: byCode, idMap: 'evaluatorNotes' }),
    {
      table: 'followUps',
      indicator: byCode,
      remap: (row, ids) => ({ ...periodKey(row, ids), sourceNoteId: localIdOrNull(ids.evaluatorNotes, row.sourceNoteId) }),
      find: async (row) =>
        (await db.followUps.where({ periodId: row.periodId, code: row.code }).and((local) => local.createdAt === row.createdAt).first()) as
          | Stored<FollowUp>
          | undefined,
      content: ({ text, sourceNoteId, doneAt }) => [text, sourceNoteId, doneAt],
      time: (row) => latestOf(row.createdAt, row.doneAt),
      insert: insertId(db.followUps),
      overwrite: (row, local) => db.followUps.put({ ...row, id: local.id }),
    } satisfies MergeRule<Stored<FollowUp>>,
    keyed(db.assignments, (row) => row.scope, {
      // An assignment may cover an area or a sub-area: it is decided by its own time, not an indicator's choice.
      indicator: noIndicator,
      remap: (row, ids) => ({ ...periodKey(row, ids), memberId: localId(ids.teamMembers, row.memberId) }),
      content: ({ memberId, dueDate }) => [memberId, dueDate],
      time: (row) => row.assignedAt,
    }),
    history(db.snapshots, (periodId) => db.snapshots.where('periodId').equals(periodId).toArray(), { indicator: noIndicator }),
    {
      table: 'innovations',
      indicator: noIndicator,
      remap: (row, ids) => ({ ...row, unitId: localId(ids.units, row.unitId) }),
      find: async (row) =>
        (await db.innovations.where('unitId').equals(row.unitId).and((local) => local.name === row.name).first()) as Stored<Innovation> | undefined,
      content: ({ category, areas, description, evidenceUrls, replications }) => [category, areas, description, evidenceUrls, replications],
      time: (row) => row.updatedAt,
      insert: insertId(db.innovations),
      overwrite: (row, local) => db.innovations.put({ ...row, id: local.id, createdAt: local.createdAt }),
    } satisfies MergeRule<Stored<Innovation>>,
    {
      table: 'narrativeTemplates',
      indicator: noIndicator,
      remap: (row) => row,
      find: async (row) => (await localTemplates).find((local) => local.name === row.name && local.code === row.code) as Stored<NarrativeTemplate> | undefined,
      content: (row) => row.text,
      time: (row) => row.updatedAt,
      insert: insertId(db.narrativeTemplates),
      overwrite: (row, local) => db.narrativeTemplates.update(local.id, { text: row.text, updatedAt: row.updatedAt }),
    } satisfies MergeRule<Stored<NarrativeTemplate>>,
    {
      table: 'settings',
      indicator: noIndicator,
      remap: (row) => row,
      find: (row) => db.settings.get(row.key),
      content: (row) => row.value,
      // A setting carries no edit time: a differing local one counts as edited after the export,
      // so it is a conflict and "newest wins" keeps it.
      time: () => Number.POSITIVE_INFINITY,
      insert: (row) => db.settings.add(row),
      overwrite: (row) => db.settings.put(row),
    } satisfies MergeRule<Setting>,
  ] as MergeRule<object>[];
  return rules;
}

/**
 * Before the file's text replaces a local draft's, the local text is kept in the draft's history
 * (unless it is there already), so it can be restored from Riwayat: an import never loses a text.
 */
async function keepAsRevision(db: LkeDatabase, draft: Stored<Draft>): Promise<void> {
  const history = await db.revisions.where('draftId').equals(draft.id).toArray();
  if (history.some((revision) => revision.text === draft.text)) return;
  await db.revisions.add({ periodId: draft.periodId, code: draft.code, field: 'narrative', draftId: draft.id, text: draft.text, source: 'user', createdAt: draft.updatedAt });
}

/** The rows of the file each rule reads, portable settings only. */
function fileRows(backup: Backup, table: BackupTable): readonly object[] {
  const rows = backup.data[table] as readonly object[];
  return table === 'settings' ? (rows as Setting[]).filter((row) => isPortableSetting(row.key)) : rows;
}

/** Reads what the database holds under each of the file's domain keys, in dependency order. */
async function resolve(db: LkeDatabase, backup: Backup): Promise<Resolution> {
  const { data, exportedAt } = backup;
  const ids: IdMaps = { units: new Map(), periods: new Map(), drafts: new Map(), evidence: new Map(), teamMembers: new Map(), evaluatorNotes: new Map() };
  const steps: Step[] = [];
  const indicators = new Map<string, IndicatorPlan>();
  const fileUnits = new Map(data.units.map((unit) => [unit.id, unit]));
  const filePeriods = new Map(data.periods.map((period) => [period.id, period]));
  const addedPeriods: Stored<Period>[] = [];

  const statusOf = (equal: boolean, localTime: number): ImportStatus =>
    equal ? 'same' : localTime > exportedAt ? 'conflict' : 'changed';
  const indicatorOf = (owner: [number, string] | null) => {
    if (!owner) return null;
    const [periodId, code] = owner;
    const key = `${periodId}:${code}`;
    if (!indicators.has(key)) {
      const period = filePeriods.get(periodId)!;
      indicators.set(key, { key, unitName: fileUnits.get(period.unitId)!.name, year: period.year, code, status: 'same', defaultChoice: 'file' });
    }
    return key;
  };

  for (const rule of mergeRules(db)) {
    for (const fileRow of fileRows(backup, rule.table)) {
      const indicator = indicatorOf(rule.indicator(fileRow));
      const fileId = (fileRow as { id?: number }).id;
      const local = await rule.find(rule.remap(fileRow, ids));
      if (!local) {
        if (rule.table === 'periods') addedPeriods.push(fileRow as Stored<Period>);
        const write: Write = async (map) => {
          const added = await rule.insert(rule.remap(fileRow, map));
          if (rule.idMap) map[rule.idMap].set(fileId!, added as number);
        };
        steps.push({ table: rule.table, status: 'new', indicator, fileTime: 0, localTime: 0, write });
        continue;
      }
      if (rule.idMap) ids[rule.idMap].set(fileId!, (local as { id: number }).id);
      const equal = same(rule.content(rule.remap(fileRow, ids)), rule.content(local));
      const { overwrite } = rule;
      steps.push({
        table: rule.table,
        status: statusOf(equal, rule.time(local)),
        indicator,
        fileTime: rule.time(fileRow),
        localTime: rule.time(local),
        write: overwrite ? (map) => overwrite(rule.remap(fileRow, map), local) : async () => {},
      });
    }
  }

  // An added period's roll-over source may itself be added after it: it is set once all are written.
  const deferred: Write[] = addedPeriods
    .filter((period) => period.rolledFrom !== null)
    .map((period) => (map) => db.periods.update(map.periods.get(period.id)!, { rolledFrom: localIdOrNull(map.periods, period.rolledFrom) }));

  for (const plan of indicators.values()) {
    const own = steps.filter((step) => step.indicator === plan.key);
    const differing = own.filter((step) => step.status === 'changed' || step.status === 'conflict');
    if (own.every((step) => step.status === 'new')) plan.status = 'new';
    else if (differing.some((step) => step.status === 'conflict')) plan.status = 'conflict';
    else if (own.some((step) => step.status !== 'same')) plan.status = 'changed';
    const newest = (side: 'fileTime' | 'localTime') => Math.max(0, ...differing.map((step) => step[side]));
    plan.defaultChoice = differing.length > 0 && newest('localTime') >= newest('fileTime') ? 'local' : 'file';
  }
  return { steps, ids, indicators: [...indicators.values()], deferred };
}

const emptyCounts = (): TableCounts => ({ new: 0, same: 0, changed: 0, conflict: 0 });

/** What importing `backup` would do: per-table counts and per-indicator statuses with defaults. */
export function planImport(db: LkeDatabase, backup: Backup): Promise<ImportPlan> {
  return db.transaction('r', tablesOf(db), async () => {
    const { steps, indicators } = await resolve(db, backup);
    const tables = Object.fromEntries(BACKUP_TABLES.map((table) => [table, emptyCounts()])) as ImportPlan['tables'];
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
    const { steps, indicators, ids, deferred } = await resolve(db, plan.backup);
    const chosen = new Map(indicators.map((indicator) => [indicator.key, choices.get(indicator.key) ?? indicator.defaultChoice]));
    for (const step of steps) {
      const takeFile =
        step.status === 'new' ||
        (step.status !== 'same' &&
          (step.indicator === null ? step.fileTime > step.localTime : chosen.get(step.indicator) === 'file'));
      if (takeFile) await step.write(ids);
    }
    for (const write of deferred) await write(ids);
  });
}

/** Checks a backup file's text against this database's schema version (lib/interchange/backup.ts). */
export const readBackup = (db: LkeDatabase, text: string): Promise<ParsedBackup> => parseBackup(text, db.verno);
