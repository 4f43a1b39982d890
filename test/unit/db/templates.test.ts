import { describe, expect, it } from 'vitest';
import { createTemplate, deleteTemplate, listTemplates } from '../../../lib/db/repositories/templates';
import { openTestDatabase, TEST_NOW } from './testDatabase';

const CODE = 'A.I.1.i.a';

describe('narrative templates', () => {
  it('lists an indicator’s own templates first, then general ones, each by name', async () => {
    const db = openTestDatabase();
    await createTemplate(db, { name: 'Umum B', code: null, text: 'Unit {unit}.' }, TEST_NOW);
    await createTemplate(db, { name: 'Khusus', code: CODE, text: 'SK {nomor_sk}.' }, TEST_NOW);
    await createTemplate(db, { name: 'Umum A', code: null, text: 'Tahun {tahun}.' }, TEST_NOW);
    await createTemplate(db, { name: 'Lain', code: 'A.I.1.i.b', text: 'Lain.' }, TEST_NOW);

    expect((await listTemplates(db, CODE)).map((template) => template.name)).toEqual(['Khusus', 'Umum A', 'Umum B']);
  });

  it('refuses empty names and texts and unknown indicators, and deletes', async () => {
    const db = openTestDatabase();
    await expect(createTemplate(db, { name: ' ', code: null, text: 'x' }, TEST_NOW)).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(createTemplate(db, { name: 'a', code: null, text: '  ' }, TEST_NOW)).rejects.toMatchObject({ code: 'invalid_text' });
    await expect(createTemplate(db, { name: 'a', code: 'X.9', text: 'x' }, TEST_NOW)).rejects.toMatchObject({
      code: 'unknown_indicator',
    });
    const template = await createTemplate(db, { name: ' Pakai ', code: null, text: 'x' }, TEST_NOW);
    expect(template.name).toBe('Pakai');

    await deleteTemplate(db, template.id);
    expect(await db.narrativeTemplates.count()).toBe(0);
    await expect(deleteTemplate(db, template.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
