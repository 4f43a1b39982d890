import { describe, expect, it, vi } from 'vitest';
import { applyImport, exportBackup, planImport, readBackup } from '@/lib/db/repositories/backup';
import { ACTIVE_CONTEXT_KEY } from '@/lib/db/repositories/context';
import { listRevisions } from '@/lib/db/repositories/drafts';
import { insertRow } from '@/lib/db/repositories/rows';
import {
  EMPTY_UNIT_PROFILE,
  type Draft,
  type EvaluatorNote,
  type Evidence,
  type LkeDatabase,
  type Period,
  type TeamMember,
  type Unit,
} from '@/lib/db/schema';
import { BACKUP_FORMAT_VERSION, buildBackup, type Backup, type BackupData, type BackupRejection } from '@/lib/interchange/backup';
import { emptyV3Tables } from '@/lib/interchange/backupRows';
import { createTestDatabase } from '../support/database';

const EXPORTED_AT = Date.UTC(2026, 4, 1);
const BEFORE = EXPORTED_AT - 60_000;
const AFTER = EXPORTED_AT + 60_000;
const META = { appVersion: '0.1.0', exportedAt: EXPORTED_AT };

/** One unit with one period and a record in every table, written at `BEFORE`. */
async function seed(db: LkeDatabase, unitName = 'Kantor Uji'): Promise<{ unitId: number; periodId: number }> {
  const { id: unitId } = await insertRow<Unit>(db.units, { name: unitName, agency: 'Kementerian Uji', profile: { ...EMPTY_UNIT_PROFILE, pimpinan: 'Ibu Kepala' }, target: 'wbk', createdAt: BEFORE });
  const { id: periodId } = await insertRow<Period>(db.periods, { unitId, year: 2026, templateId: 'permenpanrb-90-2021@portalrb-2026', rolledFrom: null, createdAt: BEFORE });
  await db.answers.bulkAdd([
    { periodId, code: 'A.I.1.i.a', value: 'Ya', source: 'user', updatedAt: BEFORE },
    { periodId, code: 'A.I.1.ii.a', value: 'B', source: 'portal', updatedAt: BEFORE },
  ]);
  await db.pageStates.add({ periodId, code: 'A.I.1.i.a', answer: 'Ya', narrative: 'Tim sudah dibentuk.', evidence: ['https://drive.example.go.id/sk'], origin: 'https://lke.example.go.id', observedAt: BEFORE });
  const { id: draftId } = await insertRow<Draft>(db.drafts, { periodId, code: 'A.I.1.i.a', name: 'final', text: 'Tim ZI dibentuk dengan SK.', createdAt: BEFORE, updatedAt: BEFORE });
  await db.revisions.bulkAdd([
    { periodId, code: 'A.I.1.i.a', field: 'narrative', draftId, text: 'Tim ZI dibentuk dengan SK.', source: 'user', createdAt: BEFORE },
    { periodId, code: 'A.I.1.i.a', field: 'answer', draftId: null, text: 'Ya', source: 'user', createdAt: BEFORE },
  ]);
  const { id: evidenceId } = await insertRow<Evidence>(db.evidence, { periodId, title: 'SK Tim ZI', url: 'https://drive.example.go.id/sk', documentDate: '2026-01-05', type: 'SK', note: '', createdAt: BEFORE });
  await db.evidenceLinks.add({ evidenceId, periodId, code: 'A.I.1.i.a', createdAt: BEFORE });
  return { unitId, periodId };
}

/**
 * A record in every table of database version 3, with every kind of reference: the period rolled
 * over from last year's, an indicator carried from it, a follow-up of last year's evaluator note.
 */
async function seedVersion3(db: LkeDatabase, { unitId, periodId }: { unitId: number; periodId: number }): Promise<{ previousId: number }> {
  const code = 'A.I.1.i.a';
  const { id: previousId } = await insertRow<Period>(db.periods, { unitId, year: 2025, templateId: 'permenpanrb-90-2021@portalrb-2025', rolledFrom: null, createdAt: BEFORE });
  await db.periods.update(periodId, { rolledFrom: previousId });
  await db.carryOvers.add({ periodId, code, fromPeriodId: previousId, reviewedAt: null, staleReasons: ['wording'], createdAt: BEFORE });
  const { id: memberId } = await insertRow<TeamMember>(db.teamMembers, { unitId, name: 'Budi', role: 'PIC Area I', area: 'A.I', createdAt: BEFORE });
  await db.assignments.add({ periodId, scope: 'A.I', memberId, dueDate: '2026-04-30', assignedAt: BEFORE });
  await db.workflow.add({ periodId, code, status: 'siap_ditinjau', updatedAt: BEFORE, updatedBy: 'Budi' });
  await db.workflowEvents.add({ periodId, code, from: 'draf', to: 'siap_ditinjau', by: 'Budi', note: '', at: BEFORE });
  const { id: noteId } = await insertRow<EvaluatorNote>(db.evaluatorNotes, { periodId: previousId, code, evaluator: 'TPI', note: 'SK belum ditandatangani.', score: 'B', createdAt: BEFORE });
  await db.followUps.add({ periodId, code, text: 'Lengkapi tanda tangan SK.', sourceNoteId: noteId, doneAt: null, createdAt: BEFORE });
  await db.snapshots.add({ periodId, takenAt: BEFORE, trigger: 'weekly', answeredPercent: 12.5, withEvidencePercent: 4, hintsOpen: 30, scores: { 'A.I': 1.5, total: 20 } });
  await db.innovations.add({
    unitId,
    name: 'Layanan Cepat',
    category: 'layanan_eksternal',
    areas: ['A.VI'],
    description: 'Antrean daring.',
    evidenceUrls: ['https://drive.example.go.id/inovasi'],
    replications: [{ unit: 'KPP Lain', proofUrl: '' }],
    createdAt: BEFORE,
    updatedAt: BEFORE,
  });
  return { previousId };
}

async function seedAll(db: LkeDatabase): Promise<void> {
  await seedVersion3(db, await seed(db));
  await db.narrativeTemplates.add({ name: 'Pembentukan tim', code: 'A.I.1.i.a', text: 'Tim {unit} dibentuk.', createdAt: BEFORE, updatedAt: BEFORE });
  await db.settings.bulkAdd([
    { key: 'hints.minNarrativeLength', value: 120 },
    { key: ACTIVE_CONTEXT_KEY, value: { unitId: 1, periodId: 1 } },
    { key: 'drafts.active.1.A.I.1.i.a', value: 1 },
    { key: 'team.currentMember', value: 1 },
    { key: 'originContext:https://portalrb.menpan.go.id', value: { periodId: 1 } },
  ]);
}

/** Every row of every table, for "the database is unchanged" checks. */
async function dump(db: LkeDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

/** The backup's data without ids, with references replaced by what they point at. */
function portable(backup: Backup) {
  const { data } = backup;
  const unitName = (id: number) => data.units.find((unit) => unit.id === id)!.name;
  const period = (id: number) => {
    const row = data.periods.find((candidate) => candidate.id === id)!;
    return `${unitName(row.unitId)}/${row.year}`;
  };
  const strip = <T extends object>(rows: T[], map: (row: T) => object) => rows.map((row) => {
    const { id: _id, ...rest } = row as T & { id?: number };
    return { ...rest, ...map(row) };
  });
  return {
    units: strip(data.units, () => ({})),
    periods: strip(data.periods, (row) => ({ unitId: unitName(row.unitId), rolledFrom: row.rolledFrom === null ? null : period(row.rolledFrom) })),
    answers: strip(data.answers, (row) => ({ periodId: period(row.periodId) })),
    pageStates: strip(data.pageStates, (row) => ({ periodId: period(row.periodId) })),
    drafts: strip(data.drafts, (row) => ({ periodId: period(row.periodId) })),
    revisions: strip(data.revisions, (row) => ({
      periodId: period(row.periodId),
      draftId: row.draftId === null ? null : data.drafts.find((draft) => draft.id === row.draftId)!.name,
    })),
    evidence: strip(data.evidence, (row) => ({ periodId: period(row.periodId) })),
    evidenceLinks: strip(data.evidenceLinks, (row) => ({
      periodId: period(row.periodId),
      evidenceId: data.evidence.find((evidence) => evidence.id === row.evidenceId)!.url,
    })),
    narrativeTemplates: strip(data.narrativeTemplates, () => ({})),
    settings: data.settings,
    carryOvers: strip(data.carryOvers, (row) => ({ periodId: period(row.periodId), fromPeriodId: period(row.fromPeriodId) })),
    teamMembers: strip(data.teamMembers, (row) => ({ unitId: unitName(row.unitId) })),
    assignments: strip(data.assignments, (row) => ({
      periodId: period(row.periodId),
      memberId: data.teamMembers.find((member) => member.id === row.memberId)!.name,
    })),
    workflow: strip(data.workflow, (row) => ({ periodId: period(row.periodId) })),
    workflowEvents: strip(data.workflowEvents, (row) => ({ periodId: period(row.periodId) })),
    evaluatorNotes: strip(data.evaluatorNotes, (row) => ({ periodId: period(row.periodId) })),
    followUps: strip(data.followUps, (row) => ({
      periodId: period(row.periodId),
      sourceNoteId: row.sourceNoteId === null ? null : data.evaluatorNotes.find((note) => note.id === row.sourceNoteId)!.note,
    })),
    snapshots: strip(data.snapshots, (row) => ({ periodId: period(row.periodId) })),
    innovations: strip(data.innovations, (row) => ({ unitId: unitName(row.unitId) })),
  };
}

async function fileText(db: LkeDatabase): Promise<string> {
  return JSON.stringify(await exportBackup(db, { kind: 'all' }, META));
}

describe('backup round trip', () => {
  it('exports everything, imports into an empty database and exports the same data again', async () => {
    const source = createTestDatabase();
    await seed(source, 'Kantor Lain');
    await seedAll(source);
    const first = await exportBackup(source, { kind: 'all' }, META);
    expect(first.data.settings.map((setting) => setting.key)).toEqual(['hints.minNarrativeLength']);
    // Every table of the database is in the file, and holds a record.
    // All but the heads, which are derived from the revisions and refilled from them after an import.
    const kept = source.tables.map((table) => table.name).filter((name) => name !== 'revisionHeads');
    expect(Object.keys(first.data).sort()).toEqual(kept.sort());
    expect(Object.entries(first.data).filter(([, rows]) => rows.length === 0)).toEqual([]);

    const target = createTestDatabase();
    // Ids in the target differ from the source's, so remapping is exercised.
    await target.units.add({ name: 'Sementara', agency: '', profile: { ...EMPTY_UNIT_PROFILE }, target: 'wbk', createdAt: 0 });
    await target.units.clear();
    const parsed = await readBackup(target, JSON.stringify(first));
    if (!parsed.ok) throw new Error(parsed.reason);
    const plan = await planImport(target, parsed.backup);
    expect(plan.indicators.every((indicator) => indicator.status === 'new')).toBe(true);
    expect(plan.tables.drafts).toEqual({ new: 2, same: 0, changed: 0, conflict: 0 });
    await applyImport(target, plan);

    const second = await exportBackup(target, { kind: 'all' }, META);
    expect(second.data.units[0]!.id).not.toBe(first.data.units[0]!.id);
    expect(portable(second)).toEqual(portable(first));

    // Importing the same file again changes nothing.
    const again = await planImport(target, parsed.backup);
    expect(again.indicators.every((indicator) => indicator.status === 'same')).toBe(true);
    const before = await dump(target);
    await applyImport(target, again);
    expect(await dump(target)).toEqual(before);
  });

  it('exports one unit or one period with only their records', async () => {
    const db = createTestDatabase();
    const kept = await seed(db, 'Kantor A');
    await seed(db, 'Kantor B');
    const unit = await exportBackup(db, { kind: 'unit', unitId: kept.unitId }, META);
    expect(unit.data.units.map((row) => row.name)).toEqual(['Kantor A']);
    expect(unit.data.answers.every((row) => row.periodId === kept.periodId)).toBe(true);
    const period = await exportBackup(db, { kind: 'period', periodId: kept.periodId }, META);
    expect(period.data.periods.map((row) => row.id)).toEqual([kept.periodId]);
    expect(period.data.units.map((row) => row.name)).toEqual(['Kantor A']);
    await expect(exportBackup(db, { kind: 'period', periodId: 99 }, META)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('scopes and format versions of database version 3', () => {
  it('a unit’s file holds its team and innovations; a period’s file its rows and what they refer to', async () => {
    const db = createTestDatabase();
    const other = await seed(db, 'Kantor B');
    const kept = await seed(db, 'Kantor A');
    await seedVersion3(db, other);
    const { previousId } = await seedVersion3(db, kept);
    await insertRow<TeamMember>(db.teamMembers, { unitId: kept.unitId, name: 'Sari', role: 'Anggota', area: null, createdAt: BEFORE });

    const unit = await exportBackup(db, { kind: 'unit', unitId: kept.unitId }, META);
    expect(unit.data.teamMembers.map((row) => row.name)).toEqual(['Budi', 'Sari']);
    expect(unit.data.teamMembers.every((row) => row.unitId === kept.unitId)).toBe(true);
    expect(unit.data.innovations.map((row) => row.unitId)).toEqual([kept.unitId]);
    expect(unit.data.periods.map((row) => row.id).sort()).toEqual([kept.periodId, previousId].sort());

    const period = await exportBackup(db, { kind: 'period', periodId: kept.periodId }, META);
    // The period rolled over from travels with it, without its own rows; the follow-up's note too.
    expect(period.data.periods.map((row) => [row.year, row.rolledFrom])).toEqual([[2026, previousId], [2025, null]]);
    expect(period.data.evaluatorNotes.map((row) => row.periodId)).toEqual([previousId]);
    expect(period.data.answers.every((row) => row.periodId === kept.periodId)).toBe(true);
    expect(period.data.teamMembers.map((row) => row.name)).toEqual(['Budi']);
    expect(period.data.innovations).toEqual([]);
    for (const table of ['carryOvers', 'assignments', 'workflow', 'workflowEvents', 'followUps', 'snapshots'] as const) {
      expect(period.data[table].map((row) => row.periodId), table).toEqual([kept.periodId]);
    }

    const target = createTestDatabase();
    const parsed = await readBackup(target, JSON.stringify(period));
    if (!parsed.ok) throw new Error(parsed.reason);
    await applyImport(target, await planImport(target, parsed.backup));
    const [current, previous] = await Promise.all([2026, 2025].map((year) => target.periods.filter((row) => row.year === year).first()));
    expect(current!.rolledFrom).toBe(previous!.id);
    expect((await target.carryOvers.toArray()).map((row) => row.fromPeriodId)).toEqual([previous!.id]);
    const [note] = await target.evaluatorNotes.toArray();
    expect((await target.followUps.toArray()).map((row) => row.sourceNoteId)).toEqual([note!.id]);
    const [member] = await target.teamMembers.toArray();
    expect((await target.assignments.toArray()).map((row) => row.memberId)).toEqual([member!.id]);
  });

  it('reads a file of format version 1 (no version 3 tables) as one whose new tables are empty', async () => {
    const source = createTestDatabase();
    await seed(source);
    const { data } = await exportBackup(source, { kind: 'all' }, META);
    const version1 = Object.fromEntries(Object.entries(data).filter(([table]) => !(table in emptyV3Tables()))) as unknown as BackupData;
    const file = { ...(await buildBackup(version1, { kind: 'all' }, { ...META, schemaVersion: 2 })), formatVersion: 1 };
    const target = createTestDatabase();
    const parsed = await readBackup(target, JSON.stringify(file));
    if (!parsed.ok) throw new Error(`${parsed.reason} ${parsed.path}`);
    expect(parsed.backup.data.workflow).toEqual([]);
    await applyImport(target, await planImport(target, parsed.backup));
    expect(await target.answers.count()).toBe(2);

    // A version 2 file must carry the new tables.
    await expect(readBackup(target, JSON.stringify({ ...file, formatVersion: 2 }))).resolves.toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('takes the newer side of a version 3 record edited in the file, and keeps a newer local one', async () => {
    const source = createTestDatabase();
    const ids = await seed(source);
    await seedVersion3(source, ids);
    const target = createTestDatabase();
    const local = await seed(target);
    await seedVersion3(target, local);
    await source.workflow.update([ids.periodId, 'A.I.1.i.a'], { status: 'disetujui', updatedAt: BEFORE + 1_000 });
    await source.innovations.toCollection().modify({ description: 'Antrean daring dan SMS.', updatedAt: BEFORE + 1_000 });
    await target.assignments.toCollection().modify({ dueDate: '2026-05-31', assignedAt: AFTER });
    const plan = await planImport(target, await exportBackup(source, { kind: 'all' }, META));
    expect(plan.tables.workflow).toEqual({ new: 0, same: 0, changed: 1, conflict: 0 });
    expect(plan.tables.assignments).toEqual({ new: 0, same: 0, changed: 0, conflict: 1 });

    await applyImport(target, plan);
    expect((await target.workflow.toArray()).map((row) => row.status)).toEqual(['disetujui']);
    expect((await target.innovations.toArray()).map((row) => row.description)).toEqual(['Antrean daring dan SMS.']);
    expect((await target.assignments.toArray()).map((row) => row.dueDate)).toEqual(['2026-05-31']);
    expect(await target.teamMembers.count()).toBe(1);
  });
});

describe('merging into a database with overlapping data', () => {
  async function overlapping() {
    const source = createTestDatabase();
    const { periodId } = await seed(source);
    await source.answers.add({ periodId, code: 'A.I.2.i.a', value: 'Ya', source: 'user', updatedAt: BEFORE });
    const backup = await exportBackup(source, { kind: 'all' }, META);

    const target = createTestDatabase();
    const local = await seed(target);
    // changed: the file's answer is newer and the local one was last edited before the export.
    await target.answers.update([local.periodId, 'A.I.1.ii.a'], { value: 'C', updatedAt: BEFORE - 1_000 });
    // conflict: the local draft was edited after the export.
    await target.drafts.where({ periodId: local.periodId }).modify({ text: 'Teks lokal yang lebih baru.', updatedAt: AFTER });
    return { target, backup, local };
  }

  it('previews new, same, changed and conflicting indicators with newest-wins defaults', async () => {
    const { target, backup } = await overlapping();
    const plan = await planImport(target, backup);
    const byCode = Object.fromEntries(plan.indicators.map((indicator) => [indicator.code, indicator]));
    expect(byCode['A.I.2.i.a']).toMatchObject({ status: 'new', unitName: 'Kantor Uji', year: 2026 });
    expect(byCode['A.I.1.ii.a']).toMatchObject({ status: 'changed', defaultChoice: 'file' });
    expect(byCode['A.I.1.i.a']).toMatchObject({ status: 'conflict', defaultChoice: 'local' });
    expect(plan.tables.answers).toEqual({ new: 1, same: 1, changed: 1, conflict: 0 });
    expect(plan.tables.units).toEqual({ new: 0, same: 1, changed: 0, conflict: 0 });
  });

  it('applies the defaults: newest wins, new records are added', async () => {
    const { target, backup, local } = await overlapping();
    await applyImport(target, await planImport(target, backup));
    expect(await target.units.count()).toBe(1);
    expect((await target.answers.get([local.periodId, 'A.I.1.ii.a']))?.value).toBe('B');
    expect((await target.answers.get([local.periodId, 'A.I.2.i.a']))?.value).toBe('Ya');
    expect((await target.drafts.toArray()).map((draft) => draft.text)).toEqual(['Teks lokal yang lebih baru.']);
    expect(await target.revisions.count()).toBe(2);
  });

  it('applies a per-indicator choice over the default', async () => {
    const { target, backup, local } = await overlapping();
    const plan = await planImport(target, backup);
    const key = (code: string) => plan.indicators.find((indicator) => indicator.code === code)!.key;
    await applyImport(target, plan, new Map([[key('A.I.1.i.a'), 'file'], [key('A.I.1.ii.a'), 'local']] as const));
    expect((await target.answers.get([local.periodId, 'A.I.1.ii.a']))?.value).toBe('C');
    expect((await target.drafts.toArray()).map((draft) => draft.text)).toEqual(['Tim ZI dibentuk dengan SK.']);
  });

  it('keeps the local draft text as a revision before the file’s text replaces it', async () => {
    const { target, backup, local } = await overlapping();
    const plan = await planImport(target, backup);
    const key = plan.indicators.find((indicator) => indicator.code === 'A.I.1.i.a')!.key;
    await applyImport(target, plan, new Map([[key, 'file']] as const));

    const [draft] = await target.drafts.toArray();
    expect(draft!.text).toBe('Tim ZI dibentuk dengan SK.');
    const history = await listRevisions(target, local.periodId, 'A.I.1.i.a');
    const kept = history.filter((revision) => revision.draftId === draft!.id && revision.text === 'Teks lokal yang lebih baru.');
    expect(kept).toMatchObject([{ field: 'narrative', source: 'user', createdAt: AFTER }]);

    // Importing again adds no second copy of it.
    await applyImport(target, await planImport(target, backup), new Map([[key, 'file']] as const));
    expect((await listRevisions(target, local.periodId, 'A.I.1.i.a')).filter((revision) => revision.text === 'Teks lokal yang lebih baru.')).toHaveLength(1);
  });

  it('leaves the database unchanged when a write fails midway', async () => {
    const source = createTestDatabase();
    await seed(source, 'Kantor Baru');
    const target = createTestDatabase();
    await seedAll(target);
    const plan = await planImport(target, await exportBackup(source, { kind: 'all' }, META));
    expect(plan.tables.units.new).toBe(1);
    const before = await dump(target);
    // Revisions are written after units, periods, evidence, drafts, answers, page states and links.
    vi.spyOn(target.revisions, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(applyImport(target, plan)).rejects.toThrow('disk full');
    expect(await dump(target)).toEqual(before);
  });
});

describe('hostile backup files', () => {
  async function rejects(text: string, reason: BackupRejection, path?: string) {
    const db = createTestDatabase();
    await seedAll(db);
    const before = await dump(db);
    const parsed = await readBackup(db, text);
    expect(parsed).toEqual({ ok: false, reason, ...(path === undefined ? {} : { path }) });
    expect(await dump(db)).toEqual(before);
  }
  async function valid(): Promise<Backup> {
    const db = createTestDatabase();
    await seedAll(db);
    return JSON.parse(await fileText(db)) as Backup;
  }
  /** Re-signs edited data, so the check under test is not merely the checksum. */
  const resign = async (backup: Backup) => JSON.stringify(await buildBackup(backup.data, backup.scope, backup));

  it('rejects a truncated file', async () => {
    const text = JSON.stringify(await valid());
    await rejects(text.slice(0, text.length / 2), 'not_json');
  });

  it('rejects wrong types with the first path', async () => {
    const backup = await valid();
    (backup.data.answers[0] as { updatedAt: unknown }).updatedAt = 'kemarin';
    await rejects(await resign(backup), 'invalid', 'data.answers.0.updatedAt');
  });

  it('rejects a __proto__ key nested in a row', async () => {
    const text = JSON.stringify(await valid()).replace('"code":"A.I.1.i.a"', '"code":"A.I.1.i.a","__proto__":{"polluted":true}');
    await rejects(text, 'forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 300,000-character string', async () => {
    const backup = await valid();
    backup.data.drafts[0]!.text = 'x'.repeat(300_000);
    await rejects(await resign(backup), 'invalid', 'data.drafts.0.text');
  });

  it('rejects a 50 MB file before parsing it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    await rejects(`{"format":"asisten-lke-backup","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`, 'too_large');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('rejects a foreign file', async () => {
    await rejects(JSON.stringify({ format: 'other-app', data: {} }), 'foreign');
    await rejects('[1, 2, 3]', 'foreign');
  });

  it('rejects a newer format or schema version', async () => {
    const backup = await valid();
    await rejects(JSON.stringify({ ...backup, formatVersion: BACKUP_FORMAT_VERSION + 1 }), 'newer_format');
    await rejects(JSON.stringify({ ...backup, schemaVersion: 99 }), 'newer_schema');
  });

  it('rejects a bad checksum', async () => {
    const backup = await valid();
    backup.data.answers[0]!.value = 'Tidak';
    await rejects(JSON.stringify(backup), 'checksum');
  });

  it.each([
    ['an assignment to a team member the file does not hold', (backup: Backup) => (backup.data.assignments[0]!.memberId = 42), 'data.assignments.0.memberId'],
    ['a follow-up of a note the file does not hold', (backup: Backup) => (backup.data.followUps[0]!.sourceNoteId = 42), 'data.followUps.0.sourceNoteId'],
    ['an indicator carried from a period the file does not hold', (backup: Backup) => (backup.data.carryOvers[0]!.fromPeriodId = 42), 'data.carryOvers.0.fromPeriodId'],
    ['a roll-over from a period the file does not hold', (backup: Backup) => (backup.data.periods.find((row) => row.rolledFrom !== null)!.rolledFrom = 42), 'data.periods.0.rolledFrom'],
    ['an innovation of a unit the file does not hold', (backup: Backup) => (backup.data.innovations[0]!.unitId = 42), 'data.innovations.0.unitId'],
    ['a team member of a unit the file does not hold', (backup: Backup) => (backup.data.teamMembers[0]!.unitId = 42), 'data.teamMembers.0.unitId'],
    ['a workflow status that does not exist', (backup: Backup) => ((backup.data.workflow[0] as { status: string }).status = 'selesai'), 'data.workflow.0.status'],
    ['an innovation link that is not http(s)', (backup: Backup) => (backup.data.innovations[0]!.evidenceUrls = ['javascript:alert(1)']), 'data.innovations.0.evidenceUrls.0'],
    ['a 300,000-character evaluator note', (backup: Backup) => (backup.data.evaluatorNotes[0]!.note = 'x'.repeat(300_000)), 'data.evaluatorNotes.0.note'],
    ['a due date that is not a date', (backup: Backup) => (backup.data.assignments[0]!.dueDate = 'besok'), 'data.assignments.0.dueDate'],
    ['two snapshots of one moment', (backup: Backup) => backup.data.snapshots.push({ ...backup.data.snapshots[0]!, id: 99 }), 'data.snapshots.1'],
  ])('rejects %s', async (_case, edit, path) => {
    const backup = await valid();
    edit(backup);
    await rejects(await resign(backup), 'invalid', path);
  });

  it('rejects a __proto__ key in a snapshot’s scores', async () => {
    const text = JSON.stringify(await valid()).replace('"scores":{', '"scores":{"__proto__":{"polluted":1},');
    await rejects(text, 'forbidden_key');
  });

  it('rejects a row pointing at a period the file does not hold', async () => {
    const backup = await valid();
    backup.data.answers[0]!.periodId = 42;
    await rejects(await resign(backup), 'invalid', 'data.answers.0.periodId');
  });
});
