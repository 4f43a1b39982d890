import { describe, expect, it } from 'vitest';
import { assign } from '../../../lib/db/repositories/assignments';
import { applyPackImport, exportPack, planPackImport } from '../../../lib/db/repositories/packs';
import { listRevisions } from '../../../lib/db/repositories/drafts';
import { recordPageStates } from '../../../lib/db/repositories/pageStates';
import { addMember, listMembers } from '../../../lib/db/repositories/team';
import { changeStatus } from '../../../lib/db/repositories/workflow';
import type { LkeDatabase } from '../../../lib/db/schema';
import { buildPack, type PackData, type PackItem, parsePack, type WorkPack } from '../../../lib/interchange/pack';
import { adoptedStatus, planMerge } from '../../../lib/team/packMerge';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';

const LINK = 'https://contoh.go.id/bukti/sk.pdf';
const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
const byCode = (a: string, b: string) => a.localeCompare(b);

const item = (code: string, narrative: string, overrides: Partial<PackItem> = {}): PackItem => ({
  code,
  answer: 'Ya',
  narrative,
  evidence: [LINK],
  status: 'draf',
  statusAt: 1,
  changedAt: 1,
  ...overrides,
});

describe('merge plan', () => {
  it('takes new work, keeps equal work, and lists every disagreement as a conflict that keeps the local copy', () => {
    const local = new Map([
      ['A.I.1.i.a', { answer: 'Ya', narrative: 'Teks lokal', evidence: [LINK] }],
      ['A.I.1.i.b', { answer: 'Ya', narrative: 'Sama', evidence: [LINK] }],
    ]);
    const rows = planMerge(
      [
        { pic: 'Budi', items: [item('A.I.1.i.a', 'Teks Budi'), item('A.I.1.i.b', ' Sama '), item('A.I.1.ii.a', 'Baru dari Budi')] },
        { pic: 'Sari', items: [item('A.I.1.ii.a', 'Versi Sari'), item('A.I.1.iii.a', 'Baru dari Sari')] },
      ],
      local,
      byCode,
    );
    expect(rows.map(({ code, status, defaultChoice, candidates }) => [code, status, defaultChoice, candidates.map((candidate) => candidate.pic)])).toEqual([
      ['A.I.1.i.a', 'conflict', 'local', ['Budi']],
      ['A.I.1.i.b', 'same', 0, ['Budi']],
      // Two packs disagree on an indicator the coordinator has not filled: the user decides.
      ['A.I.1.ii.a', 'conflict', 'local', ['Budi', 'Sari']],
      ['A.I.1.iii.a', 'new', 1, ['Sari']],
    ]);
  });

  it('adopts a PIC’s own newer status move, never undoing a review decision', () => {
    expect(adoptedStatus(undefined, { status: 'siap_ditinjau', statusAt: 5 })).toBe('siap_ditinjau');
    expect(adoptedStatus({ status: 'draf', updatedAt: 4 }, { status: 'siap_ditinjau', statusAt: 5 })).toBe('siap_ditinjau');
    expect(adoptedStatus({ status: 'disetujui', updatedAt: 9 }, { status: 'siap_ditinjau', statusAt: 5 })).toBeNull();
    expect(adoptedStatus({ status: 'draf', updatedAt: 4 }, { status: 'disetujui', statusAt: 5 })).toBeNull();
    expect(adoptedStatus({ status: 'draf', updatedAt: 4 }, { status: 'draf', statusAt: 5 })).toBeNull();
  });
});

describe('pack files', () => {
  const data: PackData = { unitName: 'Unit Uji', year: 2026, pic: { name: 'Budi', role: 'PIC', area: null }, assignments: [{ scope: 'A.I.1.i', dueDate: '2026-05-01' }], items: [item('A.I.1.i.a', 'Teks')] };

  it('reads back what it wrote, and refuses damaged, foreign, oversized or prototype-reaching files', async () => {
    const pack = await buildPack(data, { appVersion: '1.0.0', exportedAt: TEST_NOW.getTime() });
    const text = JSON.stringify(pack);
    expect(await parsePack(text)).toEqual({ ok: true, pack });
    expect(await parsePack(text.replace('Teks', 'Teks lain'))).toMatchObject({ ok: false, reason: 'checksum' });
    expect(await parsePack(text.replace('"items":[', '"__proto__":{"x":1},"items":['))).toMatchObject({ ok: false, reason: 'forbidden_key' });
    expect(await parsePack(JSON.stringify({ format: 'asisten-lke-backup' }))).toMatchObject({ ok: false, reason: 'foreign' });
    expect(await parsePack(JSON.stringify({ ...pack, formatVersion: 2 }))).toMatchObject({ ok: false, reason: 'newer_format' });
    expect(await parsePack('{')).toMatchObject({ ok: false, reason: 'not_json' });
    expect(await parsePack(' '.repeat(10 * 1024 * 1024 + 1))).toMatchObject({ ok: false, reason: 'too_large' });
    const javascript = await buildPack({ ...data, items: [item('A.I.1.i.a', 'Teks', { evidence: ['javascript:alert(1)'] })] }, { appVersion: '1', exportedAt: 0 });
    expect(await parsePack(JSON.stringify(javascript))).toMatchObject({ ok: false, reason: 'invalid', path: 'data.items.0.evidence.0' });
    // Codes another template edition might use are refused before any merge is planned.
    const foreign: [Partial<PackData>, string][] = [
      [{ items: [item('A.I.9.i.a', 'Teks')] }, 'data.items.0.code'],
      [{ assignments: [{ scope: 'A.I', dueDate: null }] }, 'data.assignments.0.scope'],
      [{ pic: { ...data.pic, area: 'A.I.1.i' } }, 'data.pic.area'],
    ];
    for (const [change, path] of foreign) {
      const foreignCodes = await buildPack({ ...data, ...change }, { appVersion: '1', exportedAt: 0 });
      expect(await parsePack(JSON.stringify(foreignCodes))).toMatchObject({ ok: false, reason: 'invalid', path });
    }
  });
});

/** A PIC's database: themselves, their sub-area, and what they filled. */
async function picDatabase(name: string, scope: string, fill: (db: LkeDatabase, periodId: number) => Promise<void>): Promise<WorkPack> {
  const { db, periodId } = await openDatabaseWithPeriod();
  const unitId = (await db.units.toCollection().first())!.id!;
  const member = await addMember(db, unitId, { name, role: 'PIC', area: null }, TEST_NOW);
  await assign(db, { periodId, scope, memberId: member.id, dueDate: '2026-05-01' }, TEST_NOW);
  await fill(db, periodId);
  return exportPack(db, { periodId, memberId: member.id, appVersion: '1.0.0', now: later(30) });
}

const pageRow = (code: string, narrative: string) => ({ code, answer: 'Ya', narrative, evidence: [LINK] });

describe('importing packs', () => {
  it('exports the PIC’s indicators and merges two packs with attribution; a conflict keeps the local copy unless chosen', async () => {
    const budi = await picDatabase('Budi', 'A.I.1.i', async (db, periodId) => {
      await recordPageStates(db, periodId, 'https://portal.example', [pageRow('A.I.1.i.a', 'Narasi Budi untuk a'), pageRow('A.I.1.i.b', 'Narasi Budi untuk b')], later(1));
      await changeStatus(db, { periodId, code: 'A.I.1.i.a', to: 'draf', by: 'Budi', note: '' }, later(2));
    });
    const sari = await picDatabase('Sari', 'A.I.1.ii', async (db, periodId) => {
      await recordPageStates(db, periodId, 'https://portal.example', [pageRow('A.I.1.ii.a', 'Narasi Sari')], later(1));
    });
    expect(budi.data.items.map((row) => [row.code, row.narrative, row.status])).toEqual([
      ['A.I.1.i.a', 'Narasi Budi untuk a', 'draf'],
      ['A.I.1.i.b', 'Narasi Budi untuk b', 'belum_mulai'],
    ]);

    // The coordinator already has another text for A.I.1.i.b, read off the portal.
    const { db, periodId } = await openDatabaseWithPeriod();
    await recordPageStates(db, periodId, 'https://portal.example', [pageRow('A.I.1.i.b', 'Narasi koordinator')], later(40));
    const plan = await planPackImport(db, periodId, [budi, sari]);
    expect(plan.summaries.map(({ pic, items, otherPeriod }) => [pic, items, otherPeriod])).toEqual([
      ['Budi', 2, false],
      ['Sari', 3, false],
    ]);
    expect(plan.rows.filter((row) => row.status !== 'same').map((row) => [row.code, row.status, row.candidates[0]!.pic])).toEqual([
      ['A.I.1.i.a', 'new', 'Budi'],
      ['A.I.1.i.b', 'conflict', 'Budi'],
      ['A.I.1.ii.a', 'new', 'Sari'],
    ]);

    await applyPackImport(db, periodId, plan, new Map(), later(50));
    const narratives = async (code: string) => (await listRevisions(db, periodId, code)).filter((revision) => revision.field === 'narrative').map((revision) => revision.text);
    expect(await narratives('A.I.1.i.a')).toEqual(['Narasi Budi untuk a']);
    // Not chosen: the conflict kept the coordinator's text and wrote nothing.
    expect(await narratives('A.I.1.i.b')).toEqual([]);
    expect((await listMembers(db, 1)).map((member) => member.name)).toEqual(['Budi', 'Sari']);
    expect((await db.assignments.toArray()).map((row) => row.scope)).toEqual(['A.I.1.i', 'A.I.1.ii']);
    expect(await db.workflow.get([periodId, 'A.I.1.i.a'])).toMatchObject({ status: 'draf', updatedBy: 'Budi' });

    // Chosen: Budi's text wins, and the coordinator's own text stays in the history.
    await applyPackImport(db, periodId, await planPackImport(db, periodId, [budi]), new Map([['A.I.1.i.b', 0]]), later(60));
    expect(await narratives('A.I.1.i.b')).toEqual(['Narasi Budi untuk b', 'Narasi koordinator']);
  });
});
