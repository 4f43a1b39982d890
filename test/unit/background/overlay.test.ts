import { describe, expect, it } from 'vitest';
import { overlayHandlers } from '@/entrypoints/background/overlay';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { createDraft } from '@/lib/db/repositories/drafts';
import type { LkeDatabase, Revision } from '@/lib/db/schema';
import { textDigest } from '@/lib/messaging/digest';
import { createTestDatabase, emptyPageState } from '../support/database';

const NOW = new Date(Date.UTC(2026, 2, 14, 10, 0));
const URL_OF_PAGE = 'https://portalrb.menpan.go.id/lke/form';
const CODE = 'A.I.1.i.a';
const LONG = 'Tim kerja dibentuk dengan SK Kepala Kantor Nomor 12 tanggal 5 Januari 2026, lengkap dengan notulen rapat, daftar hadir, foto kegiatan dan kertas kerja seleksi anggota tim.';

async function setup() {
  const db = createTestDatabase();
  const { period } = await ensureActiveContext(db, { now: NOW, defaultUnitName: 'Unit Uji' });
  const forPage = overlayHandlers({ db, now: () => NOW, defaultUnitName: 'Unit Uji' })['overlay.forPage'];
  const ask = (codes: string[]) => forPage({ url: URL_OF_PAGE, codes }, { kind: 'content', tabId: 3, url: URL_OF_PAGE });
  return { db, periodId: period.id, ask };
}

function addRevision(db: LkeDatabase, revision: Partial<Revision> & Pick<Revision, 'periodId' | 'text' | 'createdAt'>) {
  return db.revisions.add({ code: CODE, field: 'narrative', draftId: null, source: 'portal', ...revision });
}

describe('overlay.forPage', () => {
  it('summarises each asked row’s hints: count, worst severity and rules most severe first', async () => {
    const { db, periodId, ask } = await setup();
    // "Ya" without evidence is an error; the short narrative a warning.
    await db.pageStates.put(emptyPageState(CODE, { periodId, answer: 'Ya', narrative: 'Sudah.' }));
    await db.pageStates.put(
      emptyPageState('A.I.1.i.b', { periodId, answer: 'A', narrative: LONG, evidence: ['https://a.example/sk'] }),
    );

    const { periodId: answeredFor, rows } = await ask([CODE, 'A.I.1.i.b', 'A.I.1.ii.a', CODE]);

    expect(answeredFor).toBe(periodId);
    expect(rows.map((row) => [row.code, row.hints])).toEqual([
      [CODE, { count: 2, worst: 'error', rules: ['bestAnswerWithoutEvidence', 'narrativeShort'] }],
      ['A.I.1.i.b', { count: 0, worst: null, rules: [] }],
      ['A.I.1.ii.a', { count: 3, worst: 'error', rules: ['unanswered', 'narrativeMissing', 'noEvidence'] }],
    ]);
  });

  it('uses the user’s minimum narrative length and the newest saved text over an older page', async () => {
    const { db, periodId, ask } = await setup();
    await db.settings.put({ key: 'hints.minNarrativeLength', value: 3 });
    await db.pageStates.put(emptyPageState(CODE, { periodId, answer: 'Tidak', narrative: null, observedAt: 1000 }));
    await addRevision(db, { periodId, text: 'Cukup', createdAt: 2000 });

    const [row] = (await ask([CODE])).rows;

    expect(row?.hints.rules).toEqual(['noEvidence']);
  });

  it('offers the newest saved narrative and evidence with digests of the older texts, drafts left out', async () => {
    const { db, periodId, ask } = await setup();
    await addRevision(db, { periodId, text: 'Versi satu', createdAt: 1000 });
    await addRevision(db, { periodId, text: 'Versi dua', createdAt: 2000 });
    await addRevision(db, { periodId, text: 'Versi satu ', createdAt: 2500 });
    await addRevision(db, { periodId, text: 'Versi tiga', createdAt: 3000 });
    await addRevision(db, { periodId, field: 'evidence', text: 'https://a.example/sk', createdAt: 1500 });
    await addRevision(db, { periodId, field: 'answer', text: 'Ya', createdAt: 4000 });
    await createDraft(db, { periodId, code: CODE, name: 'draf', text: 'Draf baru' }, new Date(5000));

    const [row] = (await ask([CODE])).rows;

    expect(row?.saved).toEqual([
      { field: 'narrative', text: 'Versi tiga', at: 3000, olderDigests: [textDigest('Versi satu'), textDigest('Versi dua')] },
      { field: 'evidence', text: 'https://a.example/sk', at: 1500, olderDigests: [] },
    ]);
  });

  it('does not call the newest text older when the same text was also saved before', async () => {
    const { db, periodId, ask } = await setup();
    await addRevision(db, { periodId, text: 'Sama', createdAt: 1000 });
    await addRevision(db, { periodId, text: 'Lain', createdAt: 2000 });
    await addRevision(db, { periodId, text: 'Sama', createdAt: 3000 });

    const [row] = (await ask([CODE])).rows;

    expect(row?.saved).toEqual([{ field: 'narrative', text: 'Sama', at: 3000, olderDigests: [textDigest('Lain')] }]);
  });

  it('sends at most 50 older digests, the newest ones', async () => {
    const { db, periodId, ask } = await setup();
    for (let i = 0; i < 60; i++) await addRevision(db, { periodId, text: `Teks ${i}`, createdAt: 1000 + i });

    const [row] = (await ask([CODE])).rows;

    const digests = row?.saved[0]?.olderDigests ?? [];
    expect(digests).toHaveLength(50);
    expect(digests[0]).toBe(textDigest('Teks 58'));
    expect(digests.at(-1)).toBe(textDigest('Teks 9'));
  });
});
