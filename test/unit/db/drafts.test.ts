import { describe, expect, it } from 'vitest';
import { BURST_MS } from '../../../lib/db/repositories/autosave';
import {
  activeDraftId,
  createDraft,
  deleteDraft,
  listDrafts,
  listRevisions,
  putIntoDraft,
  renameDraft,
  replaceDraftText,
  setActiveDraft,
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

describe('draft editing bursts, replacing, deleting and the active draft', () => {
  const seconds = (count: number) => new Date(TEST_NOW.getTime() + count * 1_000);

  it('keeps one revision per typing burst, like portal autosave', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'Final' }, TEST_NOW);

    await updateDraftText(db, draft.id, 'Tim', seconds(1));
    await updateDraftText(db, draft.id, 'Tim sudah', seconds(2));
    await updateDraftText(db, draft.id, 'Tim sudah dibentuk.', seconds(30));
    await updateDraftText(db, draft.id, 'Tim sudah dibentuk. Rapat rutin.', seconds(30 + BURST_MS / 1_000));

    expect((await listRevisions(db, periodId, CODE)).map((revision) => revision.text)).toEqual([
      'Tim sudah dibentuk. Rapat rutin.',
      'Tim sudah dibentuk.',
    ]);
  });

  it('keeps the replaced text when a whole new text is put in, even mid-burst', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const draft = await createDraft(db, { periodId, code: CODE, name: 'Final' }, TEST_NOW);
    await updateDraftText(db, draft.id, 'Yang saya ketik', seconds(1));

    const replaced = await replaceDraftText(db, draft.id, 'Dari templat', seconds(2));

    expect(replaced.text).toBe('Dari templat');
    expect((await listRevisions(db, periodId, CODE)).map((revision) => revision.text)).toEqual([
      'Dari templat',
      'Yang saya ketik',
    ]);
  });

  it('does not merge bursts of two drafts of the same indicator', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const short = await createDraft(db, { periodId, code: CODE, name: 'Singkat' }, TEST_NOW);
    const long = await createDraft(db, { periodId, code: CODE, name: 'Panjang' }, TEST_NOW);

    await updateDraftText(db, short.id, 'singkat', seconds(1));
    await updateDraftText(db, long.id, 'panjang', seconds(2));
    await updateDraftText(db, short.id, 'singkat sekali', seconds(3));

    const history = await listRevisions(db, periodId, CODE);
    expect(history.map(({ text, draftId }) => [text, draftId])).toEqual([
      ['singkat sekali', short.id],
      ['panjang', long.id],
    ]);
  });

  it('deletes a draft but keeps its revisions, and forgets it as the active one', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const first = await createDraft(db, { periodId, code: CODE, name: 'Singkat', text: 'isi singkat' }, TEST_NOW);
    const second = await createDraft(db, { periodId, code: CODE, name: 'Final', text: 'isi final' }, seconds(1));
    await setActiveDraft(db, first.id);
    expect(await activeDraftId(db, periodId, CODE)).toBe(first.id);

    await deleteDraft(db, first.id);

    expect(await listDrafts(db, periodId, CODE)).toEqual([second]);
    expect((await listRevisions(db, periodId, CODE)).map((revision) => revision.text)).toEqual(['isi final', 'isi singkat']);
    expect(await activeDraftId(db, periodId, CODE)).toBe(second.id);
    await expect(deleteDraft(db, first.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('falls back to the draft edited last, and to null without drafts', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    expect(await activeDraftId(db, periodId, CODE)).toBeNull();
    const first = await createDraft(db, { periodId, code: CODE, name: 'Singkat' }, TEST_NOW);
    await createDraft(db, { periodId, code: CODE, name: 'Final' }, seconds(1));
    await updateDraftText(db, first.id, 'baru diubah', seconds(2));
    expect(await activeDraftId(db, periodId, CODE)).toBe(first.id);
    // A setting left by hand or by an older build is ignored.
    await db.settings.put({ key: `drafts.active.${periodId}.${CODE}`, value: 'bukan angka' });
    expect(await activeDraftId(db, periodId, CODE)).toBe(first.id);
  });
});

describe('putIntoDraft', () => {
  const target = (periodId: number, text: string, asNewDraft: boolean) => ({
    periodId,
    code: CODE,
    text,
    asNewDraft,
    newDraftName: 'Dari templat',
  });

  it('starts a draft when the indicator has none, then replaces the active draft’s text keeping the old one', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const created = await putIntoDraft(db, target(periodId, 'Pertama', false), TEST_NOW);
    const replaced = await putIntoDraft(db, target(periodId, 'Kedua', false), later(0.01));

    expect(created).toMatchObject({ name: 'Dari templat', text: 'Pertama' });
    expect(replaced).toMatchObject({ id: created.id, text: 'Kedua' });
    expect((await listRevisions(db, periodId, CODE)).map((revision) => revision.text)).toEqual(['Kedua', 'Pertama']);
  });

  it('puts the text into a new draft that becomes the active one, leaving the others alone', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const existing = await createDraft(db, { periodId, code: CODE, name: 'Final', text: 'isi lama' }, TEST_NOW);
    await setActiveDraft(db, existing.id);

    const fresh = await putIntoDraft(db, target(periodId, 'isi baru', true), later(1));

    expect(fresh.id).not.toBe(existing.id);
    expect(await db.drafts.get(existing.id)).toEqual(existing);
    expect(await activeDraftId(db, periodId, CODE)).toBe(fresh.id);
  });
});
