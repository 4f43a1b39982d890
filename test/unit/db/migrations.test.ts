import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDatabase, declareVersions } from '../../../lib/db/database';
import { VERSIONS } from '../../../lib/db/schema';

type Rows = Record<string, Record<string, unknown>[]>;

/**
 * Representative rows written by a database at each version. Adding a schema version means adding
 * its rows here (with ids that do not clash with earlier seeds); the walk below does the rest.
 */
const SEEDS: Record<number, Rows> = {
  1: {
    units: [{ id: 1, name: 'Unit Kerja Saya', agency: 'Kementerian Contoh', createdAt: 1 }],
    periods: [{ id: 1, unitId: 1, year: 2026, templateId: 'permenpanrb-90-2021@portalrb-2026', createdAt: 1 }],
    answers: [{ periodId: 1, code: 'A.I.1.i.a', value: 'Ya', source: 'user', updatedAt: 2 }],
    pageStates: [
      {
        periodId: 1,
        code: 'A.I.1.i.a',
        answer: 'Tidak',
        narrative: 'Tim ZI dibentuk dengan SK.',
        evidence: ['https://drive.example.go.id/sk.pdf'],
        origin: 'https://portalrb.menpan.go.id',
        observedAt: 3,
      },
    ],
    drafts: [{ id: 1, periodId: 1, code: 'A.I.1.i.a', name: 'Final', text: 'Narasi', createdAt: 4, updatedAt: 5 }],
    revisions: [
      { id: 1, periodId: 1, code: 'A.I.1.i.a', field: 'narrative', draftId: 1, text: 'Narasi', source: 'user', createdAt: 5 },
    ],
    evidence: [
      {
        id: 1,
        periodId: 1,
        title: 'SK Tim ZI',
        url: 'https://drive.example.go.id/sk.pdf',
        documentDate: '2026-01-05',
        type: 'SK',
        note: '',
        createdAt: 6,
      },
    ],
    evidenceLinks: [{ evidenceId: 1, periodId: 1, code: 'A.I.1.i.a', createdAt: 7 }],
    settings: [{ key: 'activeContext', value: { unitId: 1, periodId: 1 } }],
  },
  2: {
    units: [
      {
        id: 2,
        name: 'Unit Kedua',
        agency: 'Kementerian Contoh',
        profile: { pimpinan: 'Kepala', nomorSk: 'KEP-1/2026', tanggalSk: '2026-01-05', ketuaTim: 'Ketua' },
        createdAt: 8,
      },
    ],
    narrativeTemplates: [{ id: 1, name: 'SK tim', code: null, text: 'Tim {unit} dibentuk.', createdAt: 9, updatedAt: 9 }],
  },
  3: {
    units: [
      {
        id: 3,
        name: 'Unit Ketiga',
        agency: 'Kementerian Contoh',
        profile: { pimpinan: '', nomorSk: '', tanggalSk: '', ketuaTim: '' },
        target: 'wbbm',
        createdAt: 10,
      },
    ],
    periods: [{ id: 2, unitId: 1, year: 2027, templateId: 'permenpanrb-90-2021@portalrb-2026', rolledFrom: 1, createdAt: 11 }],
    carryOvers: [{ periodId: 2, code: 'A.I.1.i.a', fromPeriodId: 1, reviewedAt: null, staleReasons: ['wording'], createdAt: 11 }],
    teamMembers: [{ id: 1, unitId: 1, name: 'Sari', role: 'PIC Area I', area: 'A.I', createdAt: 12 }],
    assignments: [{ periodId: 2, scope: 'A.I', memberId: 1, dueDate: '2027-03-31', assignedAt: 12 }],
    workflow: [{ periodId: 2, code: 'A.I.1.i.a', status: 'siap_ditinjau', updatedAt: 13, updatedBy: 'Sari' }],
    workflowEvents: [{ id: 1, periodId: 2, code: 'A.I.1.i.a', from: 'draf', to: 'siap_ditinjau', by: 'Sari', note: '', at: 13 }],
    evaluatorNotes: [{ id: 1, periodId: 1, code: 'A.I.1.i.a', evaluator: 'TPN', note: 'SK belum ditandatangani.', score: 'Tidak', createdAt: 14 }],
    followUps: [{ id: 1, periodId: 2, code: 'A.I.1.i.a', text: 'Tandatangani SK.', sourceNoteId: 1, doneAt: null, createdAt: 14 }],
    snapshots: [
      {
        id: 1,
        periodId: 2,
        takenAt: 15,
        trigger: 'weekly',
        answeredPercent: 40,
        withEvidencePercent: 20,
        hintsOpen: 12,
        scores: { total: 30.5, 'A.I': 2.1 },
      },
    ],
    innovations: [
      {
        id: 1,
        unitId: 1,
        name: 'Layanan antar jemput dokumen',
        category: 'layanan_eksternal',
        areas: ['A.VI'],
        description: '',
        evidenceUrls: ['https://drive.example.go.id/inovasi.pdf'],
        replications: [{ unit: 'Kantor Lain', proofUrl: 'https://drive.example.go.id/replikasi.pdf' }],
        createdAt: 16,
        updatedAt: 16,
      },
    ],
  },
  4: {
    revisions: [
      { id: 2, periodId: 2, code: 'A.I.1.i.a', field: 'narrative', draftId: null, text: 'Narasi tahun 2027', source: 'portal', createdAt: 17 },
    ],
  },
  5: {
    revisionHeads: [{ periodId: 2, code: 'A.I.1.i.a', field: 'narrative', revisionId: 2 }],
  },
};

/**
 * The database as the build that introduced `version` opened it: declared from the first
 * `version` entries of VERSIONS the same way createDatabase declares all of them.
 */
function openAtVersion(indexedDB: IDBFactory, name: string, version: number): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  declareVersions(db, VERSIONS.slice(0, version));
  return db;
}

async function seed(db: Dexie, rows: Rows): Promise<void> {
  await db.transaction('rw', Object.keys(rows), async () => {
    for (const [table, tableRows] of Object.entries(rows)) await db.table(table).bulkAdd(tableRows);
  });
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3 … and each has seed rows here', () => {
    expect(VERSIONS.map((entry) => entry.version)).toEqual(VERSIONS.map((_, index) => index + 1));
    expect(Object.keys(SEEDS).map(Number)).toEqual(VERSIONS.map((entry) => entry.version));
  });

  it('seed every table of their own version', () => {
    for (const { version, stores } of VERSIONS) {
      expect(Object.keys(SEEDS[version] ?? {}).sort(), `version ${version}`).toEqual(Object.keys(stores).sort());
    }
  });

  it.each(VERSIONS.map((entry) => entry.version))(
    'upgrade from version %i to the latest without losing rows',
    async (version) => {
      const indexedDB = new IDBFactory();
      const name = `migration-from-v${version}`;
      // The database lives through every release up to `version`, each adding rows in its own shape.
      for (let v = 1; v <= version; v++) {
        const older = openAtVersion(indexedDB, name, v);
        await seed(older, SEEDS[v] ?? {});
        older.close();
      }

      const latest = createDatabase({ indexedDB, IDBKeyRange, name });
      await latest.open();

      expect(latest.verno).toBe(VERSIONS.at(-1)?.version);
      for (let v = 1; v <= version; v++) {
        for (const [table, rows] of Object.entries(SEEDS[v] ?? {})) {
          const stored = await latest.table(table).toArray();
          for (const row of rows) expect(stored, `${table} seeded at v${v}`).toContainEqual(expect.objectContaining(row));
        }
      }
      latest.close();
    },
  );

  it('give units written before version 2 an empty profile', async () => {
    const indexedDB = new IDBFactory();
    const older = openAtVersion(indexedDB, 'profile-upgrade', 1);
    await seed(older, SEEDS[1]!);
    older.close();

    const latest = createDatabase({ indexedDB, IDBKeyRange, name: 'profile-upgrade' });
    expect(await latest.units.get(1)).toEqual({
      ...SEEDS[1]!.units![0],
      profile: { pimpinan: '', nomorSk: '', tanggalSk: '', ketuaTim: '' },
      target: 'wbk',
    });
    latest.close();
  });

  it('give units written before version 3 the WBK target and periods no roll-over source', async () => {
    const indexedDB = new IDBFactory();
    const older = openAtVersion(indexedDB, 'target-upgrade', 2);
    await seed(older, SEEDS[1]!);
    older.close();

    const latest = createDatabase({ indexedDB, IDBKeyRange, name: 'target-upgrade' });
    expect(await latest.units.get(1)).toMatchObject({ target: 'wbk' });
    expect(await latest.periods.get(1)).toEqual({ ...SEEDS[1]!.periods![0], rolledFrom: null });
    latest.close();
  });
});
