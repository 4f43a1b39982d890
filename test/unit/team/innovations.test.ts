import { describe, expect, it } from 'vitest';
import { RepositoryError } from '../../../lib/db/repositories/errors';
import { addInnovation, addReplication, listInnovations } from '../../../lib/db/repositories/innovations';
import { innovationsByArea } from '../../../lib/team/innovations';
import { openDatabaseWithPeriod, TEST_NOW } from '../db/testDatabase';

const PROOF = 'https://contoh.go.id/replikasi.pdf';

describe('innovation register', () => {
  it('flags each change area without an innovation, or whose innovations no other unit replicated', async () => {
    const { db } = await openDatabaseWithPeriod();
    const unitId = (await db.units.toCollection().first())!.id!;
    const antrean = await addInnovation(
      db,
      unitId,
      { name: 'Antrean daring', category: 'layanan_eksternal', areas: ['A.I.6', 'A.I.2', 'A.I.6'], description: 'Antrean dengan aplikasi', evidenceUrls: ['https://contoh.go.id/sk.pdf', ''] },
      TEST_NOW,
    );
    await addInnovation(db, unitId, { name: 'Duta integritas', category: 'penyebaran_virus_integritas', areas: ['A.I.1'], description: '', evidenceUrls: [] }, TEST_NOW);
    await addReplication(db, antrean.id, { unit: ' KPP Pratama Lain ', proofUrl: PROOF }, TEST_NOW);

    const stored = await listInnovations(db, unitId);
    expect(stored.map((innovation) => [innovation.name, innovation.areas, innovation.evidenceUrls, innovation.replications])).toEqual([
      ['Antrean daring', ['A.I.6', 'A.I.2'], ['https://contoh.go.id/sk.pdf'], [{ unit: 'KPP Pratama Lain', proofUrl: PROOF }]],
      ['Duta integritas', ['A.I.1'], [], []],
    ]);
    expect(innovationsByArea(stored).map(({ area, count, replicated, gap }) => [area.code, count, replicated, gap])).toEqual([
      ['A.I.1', 1, 0, 'notReplicated'],
      ['A.I.2', 1, 1, null],
      ['A.I.3', 0, 0, 'none'],
      ['A.I.4', 0, 0, 'none'],
      ['A.I.5', 0, 0, 'none'],
      ['A.I.6', 1, 1, null],
    ]);
  });

  it('refuses innovations without an area or with links that are not http(s), and proofs that are not links', async () => {
    const { db } = await openDatabaseWithPeriod();
    const input = { name: 'Inovasi', category: 'image_branding' as const, areas: ['A.I.1'], description: '', evidenceUrls: [] };
    await expect(addInnovation(db, 1, { ...input, areas: [] }, TEST_NOW)).rejects.toBeInstanceOf(RepositoryError);
    await expect(addInnovation(db, 1, { ...input, areas: ['A.II.1'] }, TEST_NOW)).rejects.toBeInstanceOf(RepositoryError);
    await expect(addInnovation(db, 1, { ...input, evidenceUrls: ['javascript:alert(1)'] }, TEST_NOW)).rejects.toMatchObject({ code: 'invalid_url' });
    const stored = await addInnovation(db, 1, input, TEST_NOW);
    await expect(addReplication(db, stored.id, { unit: 'Unit lain', proofUrl: 'bukan tautan' }, TEST_NOW)).rejects.toMatchObject({ code: 'invalid_url' });
    expect(await db.innovations.count()).toBe(1);
  });
});
