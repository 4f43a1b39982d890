import { describe, expect, it } from 'vitest';
import {
  createDraft,
  listDrafts,
  listRevisions,
  renameDraft,
  updateDraftText,
} from '../../../lib/db/repositories/drafts';
import { openDatabaseWithPeriod, TEST_NOW } from './testDatabase';

const CODE = 'A.I.1.i.a';
const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

describe('drafts and revisions', () => {
  it('creates a named draft whose starting text is its first revision', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const draft = await createDraft(db, { periodId, code: CODE, name: '  Versi singkat ', text: 'Tim sudah dibentuk.' }, TEST_NOW);

    expect(draft).toMatchObject({ periodId, code: CODE, name: 'Versi singkat', text: 'Tim sudah dibentuk.' });
    expect(await db.drafts.get(draft.id)).toEqual(draft);
    expect(await listRevisions(db, periodId, CODE)).toEqual([
      expect.objectContaining({ field: 'narrative', draftId: draft.id, text: 'Tim sudah dibentuk.', source: 'user' }),
    ]);
  });

  it('appends a revision for every text change and lists them newest first', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'Final' }, TEST_NOW);

    await updateDraftText(db, draft.id, 'satu', later(1));
    await updateDraftText(db, draft.id, 'dua', later(2), 'portal');
    // Two saves in the same millisecond still come back in the order they were made.
    await updateDraftText(db, draft.id, 'tiga', later(2));
    const saved = await updateDraftText(db, draft.id, 'tiga', later(3));

    expect(saved).toMatchObject({ text: 'tiga', updatedAt: later(2).getTime() });
    const history = await listRevisions(db, periodId, CODE);
    expect(history.map((revision) => [revision.text, revision.source])).toEqual([
      ['tiga', 'user'],
      ['dua', 'portal'],
      ['satu', 'user'],
    ]);
    expect(history.every((revision) => revision.draftId === draft.id)).toBe(true);
  });

  it('renames a draft without touching its text or history', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'Draf 1', text: 'isi' }, TEST_NOW);

    const renamed = await renameDraft(db, draft.id, 'Final', later(1));

    expect(renamed).toMatchObject({ id: draft.id, name: 'Final', text: 'isi' });
    expect(await listRevisions(db, periodId, CODE)).toHaveLength(1);
    await expect(renameDraft(db, draft.id, '   ', later(2))).rejects.toMatchObject({ code: 'invalid_name' });
    expect((await db.drafts.get(draft.id))?.name).toBe('Final');
  });

  it('lists the drafts of one indicator in creation order', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const first = await createDraft(db, { periodId, code: CODE, name: 'Singkat' }, TEST_NOW);
    const second = await createDraft(db, { periodId, code: CODE, name: 'Panjang' }, later(1));
    await createDraft(db, { periodId, code: 'A.I.1.i.b', name: 'Lain' }, later(2));
    await updateDraftText(db, first.id, 'diubah belakangan', later(3));

    const drafts = await listDrafts(db, periodId, CODE);

    expect(drafts.map((draft) => draft.id)).toEqual([first.id, second.id]);
  });

  it('refuses unknown indicators, empty names and missing drafts', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await expect(createDraft(db, { periodId, code: 'X.1', name: 'a' }, TEST_NOW)).rejects.toMatchObject({
      code: 'unknown_indicator',
    });
    await expect(createDraft(db, { periodId, code: CODE, name: '' }, TEST_NOW)).rejects.toMatchObject({
      code: 'invalid_name',
    });
    await expect(updateDraftText(db, 999, 'x', TEST_NOW)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.drafts.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });
});
