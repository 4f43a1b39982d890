import { describe, expect, it } from 'vitest';
import { BURST_MS, recordPortalEdits } from '../../../lib/db/repositories/autosave';
import { createDraft, listRevisions } from '../../../lib/db/repositories/drafts';
import type { PortalEdit } from '../../../lib/messaging/protocol';
import { openDatabaseWithPeriod, TEST_NOW } from './testDatabase';

const CODE = 'A.I.1.i.a';
const T0 = TEST_NOW.getTime();
const at = (ms: number) => new Date(T0 + ms);

function narrative(text: string, ms: number, code = CODE): PortalEdit {
  return { code, field: 'narrative', text, at: T0 + ms };
}

const history = async (db: Awaited<ReturnType<typeof openDatabaseWithPeriod>>['db'], periodId: number) =>
  (await listRevisions(db, periodId, CODE)).map(({ text, field, source, draftId, createdAt }) => ({
    text,
    field,
    source,
    draftId,
    createdAt,
  }));

describe('recordPortalEdits', () => {
  it('keeps one revision per editing burst, updated with the latest text', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await recordPortalEdits(db, periodId, [narrative('Tim', 0)], at(0));
    await recordPortalEdits(db, periodId, [narrative('Tim sudah', 400)], at(400));
    const result = await recordPortalEdits(db, periodId, [narrative('Tim sudah dibentuk.', 30_000)], at(30_000));

    expect(result).toEqual({ saved: 1, codes: [CODE] });
    expect(await history(db, periodId)).toEqual([
      { text: 'Tim sudah dibentuk.', field: 'narrative', source: 'portal', draftId: null, createdAt: T0 + 30_000 },
    ]);
  });

  it('starts a new revision after a pause of a minute and never deletes the earlier ones', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    await recordPortalEdits(db, periodId, [narrative('Versi pagi', 0)], at(0));
    await recordPortalEdits(db, periodId, [narrative('Versi siang', BURST_MS)], at(BURST_MS));
    await recordPortalEdits(db, periodId, [narrative('', BURST_MS * 3)], at(BURST_MS * 3));

    expect((await history(db, periodId)).map((revision) => revision.text)).toEqual(['', 'Versi siang', 'Versi pagi']);
  });

  it('keeps the text a burst deletes most of as a revision of its own', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const long = 'Tim Kerja Pembangunan Zona Integritas dibentuk dengan SK Kepala Kantor.';

    await recordPortalEdits(db, periodId, [narrative(long, 0)], at(0));
    // Select all, delete, start again: within the same minute.
    await recordPortalEdits(db, periodId, [narrative('', 2_000)], at(2_000));
    await recordPortalEdits(db, periodId, [narrative('Tim dibentuk.', 5_000)], at(5_000));

    expect((await history(db, periodId)).map((revision) => revision.text)).toEqual(['Tim dibentuk.', long]);
  });

  it('ignores text equal to the newest revision', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await recordPortalEdits(db, periodId, [narrative('Sama', 0)], at(0));

    const result = await recordPortalEdits(db, periodId, [narrative('Sama', BURST_MS * 2)], at(BURST_MS * 2));

    expect(result).toEqual({ saved: 0, codes: [] });
    expect(await history(db, periodId)).toEqual([expect.objectContaining({ text: 'Sama', createdAt: T0 })]);
  });

  it('adds to a user’s draft history instead of overwriting its revision', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    await createDraft(db, { periodId, code: CODE, name: 'Final', text: 'Dari panel' }, at(0));

    await recordPortalEdits(db, periodId, [narrative('Dari portal', 1_000)], at(1_000));

    expect((await history(db, periodId)).map(({ text, source }) => [text, source])).toEqual([
      ['Dari portal', 'portal'],
      ['Dari panel', 'user'],
    ]);
  });

  it('keeps fields apart, skips codes the template lacks and caps times from the page at now', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();

    const result = await recordPortalEdits(
      db,
      periodId,
      [
        narrative('Narasi', 0),
        { code: CODE, field: 'answer', text: 'Ya', at: T0 + 5 * BURST_MS },
        narrative('Tidak ada', 0, 'A.IX.9.z'),
      ],
      at(0),
    );

    expect(result).toEqual({ saved: 2, codes: [CODE] });
    expect((await history(db, periodId)).map(({ field, text, createdAt }) => [field, text, createdAt])).toEqual([
      ['answer', 'Ya', T0],
      ['narrative', 'Narasi', T0],
    ]);
    expect(await db.revisions.count()).toBe(2);
  });

  it('stores a 50,000-character narrative exactly', async () => {
    const { db, periodId } = await openDatabaseWithPeriod();
    const text = Array.from({ length: 50_000 }, (_, i) => 'Ab \n€é'[i % 6]).join('');

    await recordPortalEdits(db, periodId, [narrative(text, 0)], at(0));

    const [revision] = await listRevisions(db, periodId, CODE);
    expect(revision!.text).toHaveLength(text.length);
    expect(revision!.text === text).toBe(true);
  });
});
