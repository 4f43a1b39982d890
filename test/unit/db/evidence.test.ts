import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  addEvidenceFor,
  deleteEvidence,
  linkEvidence,
  listLibrary,
  listEvidenceOf,
  listIndicatorsOf,
  parseEvidenceUrl,
  unlinkEvidence,
  updateEvidence,
} from '../../../lib/db/repositories/evidence';
import { RepositoryError } from '../../../lib/db/repositories/errors';
import { openDatabaseWithPeriod, TEST_NOW } from './testDatabase';

const SK_TIM = 'https://drive.example.go.id/sk-tim-zi.pdf';

describe('evidence URLs', () => {
  it.each(['https://drive.example.go.id/sk.pdf', 'http://intranet.example.go.id/a?b=1#c'])('accepts %s', (url) => {
    expect(parseEvidenceUrl(url)).toBe(url);
  });

  it('trims and normalises the URL', () => {
    expect(parseEvidenceUrl('  HTTPS://Drive.Example.go.id/SK.pdf ')).toBe('https://drive.example.go.id/SK.pdf');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///C:/SK.pdf',
    'ftp://files.example.go.id/sk.pdf',
    'drive.example.go.id/sk.pdf',
    '',
  ])('rejects %j with code invalid_url', (url) => {
    expect(() => parseEvidenceUrl(url)).toThrow(RepositoryError);
    expect(() => parseEvidenceUrl(url)).toThrow(expect.objectContaining({ code: 'invalid_url' }));
  });

  it('stores nothing when the URL is refused', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await expect(
      addEvidence(db, { periodId, title: 'x', url: 'javascript:void 0' }, TEST_NOW),
    ).rejects.toMatchObject({ code: 'invalid_url' });
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('evidence library', () => {
  it('adds a document once per URL and period', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const document = await addEvidence(db, { periodId, title: ' SK Tim ZI ', url: SK_TIM, type: 'SK' }, TEST_NOW);
    const again = await addEvidence(db, { periodId, title: 'Salinan', url: SK_TIM }, TEST_NOW);

    expect(document).toMatchObject({ title: 'SK Tim ZI', url: SK_TIM, type: 'SK', documentDate: null, note: '' });
    expect(again).toEqual(document);
    expect(await db.evidence.count()).toBe(1);
  });

  it('recognises another link form of a document already in the library', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const drive = await addEvidence(
      db,
      { periodId, title: 'SK Tim', url: 'https://drive.google.com/file/d/1AbC/view?usp=sharing', type: ' ' },
      TEST_NOW,
    );

    expect(drive.type).toBeNull();
    expect(await addEvidence(db, { periodId, title: 'Lagi', url: 'https://drive.google.com/open?id=1AbC' }, TEST_NOW)).toEqual(drive);
    expect(await db.evidence.count()).toBe(1);
  });

  it('adds and links a document to an indicator in one step, or does neither', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const sk = await addEvidenceFor(db, { periodId, title: 'SK Tim', url: SK_TIM }, 'A.I.1.i.a', TEST_NOW);
    expect(await listIndicatorsOf(db, sk.id)).toEqual(['A.I.1.i.a']);
    expect(await addEvidenceFor(db, { periodId, title: 'x', url: SK_TIM }, 'A.I.1.i.b', TEST_NOW)).toEqual(sk);
    expect(await listIndicatorsOf(db, sk.id)).toEqual(['A.I.1.i.a', 'A.I.1.i.b']);

    await expect(
      addEvidenceFor(db, { periodId, title: 'Notulen', url: 'https://x.go.id/notulen' }, 'A.IX.1', TEST_NOW),
    ).rejects.toMatchObject({ code: 'unknown_indicator' });
    expect(await db.evidence.count()).toBe(1);
  });

  it('refuses a blank title', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await expect(addEvidence(db, { periodId, title: '  ', url: SK_TIM }, TEST_NOW)).rejects.toMatchObject({
      code: 'invalid_name',
    });
    expect(await db.evidence.count()).toBe(0);
  });

  it('links one document to several indicators and one indicator to several documents', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const sk = await addEvidence(db, { periodId, title: 'SK Tim', url: SK_TIM }, TEST_NOW);
    const notulen = await addEvidence(db, { periodId, title: 'Notulen', url: 'https://x.go.id/notulen' }, TEST_NOW);

    expect(await linkEvidence(db, sk.id, ['A.I.2.i.a', 'A.I.1.i.a', 'A.I.1.i.b'], TEST_NOW)).toBe(3);
    expect(await linkEvidence(db, notulen.id, ['A.I.1.i.a'], new Date(TEST_NOW.getTime() + 1))).toBe(1);

    expect(await listIndicatorsOf(db, sk.id)).toEqual(['A.I.1.i.a', 'A.I.1.i.b', 'A.I.2.i.a']);
    expect((await listEvidenceOf(db, periodId, 'A.I.1.i.a')).map((e) => e.title)).toEqual(['SK Tim', 'Notulen']);
    expect((await listEvidenceOf(db, periodId, 'A.I.2.i.a')).map((e) => e.title)).toEqual(['SK Tim']);
  });

  it('does not duplicate an existing link and unlinks without deleting the document', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const sk = await addEvidence(db, { periodId, title: 'SK Tim', url: SK_TIM }, TEST_NOW);
    await linkEvidence(db, sk.id, ['A.I.1.i.a', 'A.I.1.i.b'], TEST_NOW);

    expect(await linkEvidence(db, sk.id, ['A.I.1.i.a', 'A.I.1.i.a'], TEST_NOW)).toBe(0);
    expect(await unlinkEvidence(db, sk.id, ['A.I.1.i.a', 'A.I.2.i.a'])).toBe(1);

    expect(await listIndicatorsOf(db, sk.id)).toEqual(['A.I.1.i.b']);
    expect(await listEvidenceOf(db, periodId, 'A.I.1.i.a')).toEqual([]);
    expect(await db.evidence.get(sk.id)).toEqual(sk);
  });

  it('links nothing when one of the codes is unknown or the document is missing', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const sk = await addEvidence(db, { periodId, title: 'SK Tim', url: SK_TIM }, TEST_NOW);

    await expect(linkEvidence(db, sk.id, ['A.I.1.i.a', 'A.IX.1'], TEST_NOW)).rejects.toMatchObject({
      code: 'unknown_indicator',
    });
    await expect(linkEvidence(db, 999, ['A.I.1.i.a'], TEST_NOW)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.evidenceLinks.count()).toBe(0);
  });
});

describe('editing the library', () => {
  it('updates the given fields of a document, checking title and link', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const sk = await addEvidence(db, { periodId, title: 'SK Tim', url: SK_TIM, note: 'asli' }, TEST_NOW);

    const updated = await updateEvidence(db, sk.id, { title: ' SK Tim 2026 ', documentDate: '2026-01-05', type: 'SK' });
    expect(updated).toEqual({ ...sk, title: 'SK Tim 2026', documentDate: '2026-01-05', type: 'SK' });
    expect(await db.evidence.get(sk.id)).toEqual(updated);

    await expect(updateEvidence(db, sk.id, { url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'invalid_url' });
    await expect(updateEvidence(db, sk.id, { title: '' })).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(updateEvidence(db, 999, { note: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.evidence.get(sk.id)).toEqual(updated);
  });

  it('deletes a document with its links and leaves the others', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const sk = await addEvidence(db, { periodId, title: 'SK Tim', url: SK_TIM }, TEST_NOW);
    const notulen = await addEvidence(db, { periodId, title: 'Notulen', url: 'https://x.go.id/notulen' }, TEST_NOW);
    await linkEvidence(db, sk.id, ['A.I.2.i.a', 'A.I.1.i.a'], TEST_NOW);
    await linkEvidence(db, notulen.id, ['A.I.1.i.a'], TEST_NOW);

    expect(await deleteEvidence(db, sk.id)).toEqual(['A.I.1.i.a', 'A.I.2.i.a']);
    expect(await db.evidence.get(sk.id)).toBeUndefined();
    expect((await listEvidenceOf(db, periodId, 'A.I.1.i.a')).map((e) => e.id)).toEqual([notulen.id]);
    expect(await db.evidenceLinks.count()).toBe(1);
    await expect(deleteEvidence(db, sk.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the library of one period by title with the indicators each document serves', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const otherPeriod = await db.periods.add({ unitId: 1, year: 2025, templateId: 't', rolledFrom: null, createdAt: 0 });
    const sk = await addEvidence(db, { periodId, title: 'sk Tim', url: SK_TIM }, TEST_NOW);
    const notulen = await addEvidence(db, { periodId, title: 'Notulen', url: 'https://x.go.id/notulen' }, TEST_NOW);
    await addEvidence(db, { periodId: otherPeriod!, title: 'Lama', url: 'https://x.go.id/lama' }, TEST_NOW);
    await linkEvidence(db, sk.id, ['B.I.a', 'A.I.2.i.a'], TEST_NOW);

    expect(await listLibrary(db, periodId)).toEqual([
      { document: notulen, codes: [] },
      { document: sk, codes: ['A.I.2.i.a', 'B.I.a'] },
    ]);
  });
});
