import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_REJECTION_MESSAGES,
  buildBackup,
  canonicalJson,
  checksumOf,
  parseBackup,
  type BackupData,
} from '@/lib/interchange/backup';
import { emptyV3Tables } from '@/lib/interchange/backupRows';
import { localeFile } from '../support/i18n';

const EMPTY: BackupData = {
  units: [],
  periods: [],
  answers: [],
  pageStates: [],
  drafts: [],
  revisions: [],
  evidence: [],
  evidenceLinks: [],
  narrativeTemplates: [],
  settings: [],
  ...emptyV3Tables(),
};
const DATA: BackupData = {
  ...EMPTY,
  units: [{ id: 3, name: 'Kantor Uji', agency: '', profile: { pimpinan: '', nomorSk: '', tanggalSk: '', ketuaTim: '' }, target: 'wbk', createdAt: 1 }],
  periods: [{ id: 7, unitId: 3, year: 2026, templateId: 't', rolledFrom: null, createdAt: 1 }],
  evidence: [{ id: 1, periodId: 7, title: 'SK', url: 'https://drive.example.go.id/sk', documentDate: null, type: null, note: '', createdAt: 1 }],
  settings: [{ key: 'hints.minNarrativeLength', value: { nested: [1, 'dua'] } }],
};
const META = { schemaVersion: 2, appVersion: '0.1.0', exportedAt: 1 };

describe('canonical JSON and checksum', () => {
  it('does not depend on key order', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const { settings, ...rest } = DATA;
    const reordered = JSON.parse(JSON.stringify({ settings, ...rest })) as BackupData;
    expect(await checksumOf(reordered)).toBe(await checksumOf(DATA));
    expect(await checksumOf(EMPTY)).not.toBe(await checksumOf(DATA));
  });
});

describe('parseBackup', () => {
  it('accepts a file it built, equal to the original', async () => {
    const backup = await buildBackup(DATA, { kind: 'all' }, META);
    expect(await parseBackup(JSON.stringify(backup), 2)).toEqual({ ok: true, backup });
  });

  it.each(['constructor', 'prototype'])('rejects a %s key', async (key) => {
    const text = JSON.stringify(await buildBackup(DATA, { kind: 'all' }, META)).replace('"nested"', `"${key}"`);
    expect(await parseBackup(text, 2)).toEqual({ ok: false, reason: 'forbidden_key' });
  });

  it('rejects an evidence link that is not http(s) and an unknown field', async () => {
    const javascript = { ...DATA, evidence: [{ ...DATA.evidence[0]!, url: 'javascript:alert(1)' }] };
    expect(await parseBackup(JSON.stringify(await buildBackup(javascript, { kind: 'all' }, META)), 2)).toEqual({
      ok: false,
      reason: 'invalid',
      path: 'data.evidence.0.url',
    });
    const extra = { ...DATA, units: [{ ...DATA.units[0]!, admin: true }] } as unknown as BackupData;
    expect(await parseBackup(JSON.stringify(await buildBackup(extra, { kind: 'all' }, META)), 2)).toMatchObject({
      ok: false,
      reason: 'invalid',
      path: 'data.units.0',
    });
  });

  it('rejects two rows under one domain key or one id', async () => {
    const twice = { ...DATA, units: [DATA.units[0]!, { ...DATA.units[0]!, id: 4 }] };
    expect(await parseBackup(JSON.stringify(await buildBackup(twice, { kind: 'all' }, META)), 2)).toEqual({
      ok: false,
      reason: 'invalid',
      path: 'data.units.1',
    });
    const sameId = { ...DATA, units: [DATA.units[0]!, { ...DATA.units[0]!, name: 'Kantor Lain' }] };
    expect(await parseBackup(JSON.stringify(await buildBackup(sameId, { kind: 'all' }, META)), 2)).toEqual({
      ok: false,
      reason: 'invalid',
      path: 'data.units',
    });
  });

  it('accepts a file from an older schema version', async () => {
    const backup = await buildBackup(DATA, { kind: 'all' }, { ...META, schemaVersion: 1 });
    expect(await parseBackup(JSON.stringify(backup), 2)).toMatchObject({ ok: true });
  });
});

it('tells every rejection in Indonesian and English, with the same placeholders', async () => {
  const [id, en] = await Promise.all(
    ['id', 'en'].map(async (locale) => {
      const messages = await parseMessagesFile(localeFile(locale));
      return new Map(messages.map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '']));
    }),
  );
  for (const key of Object.values(BACKUP_REJECTION_MESSAGES)) {
    expect(id!.get(key), key).toMatch(/Tidak ada data yang diubah\.$/);
    expect(en!.get(key), key).toMatch(/Nothing was changed\.$/);
    expect(en!.get(key)!.match(/\$\d/g), key).toEqual(id!.get(key)!.match(/\$\d/g));
  }
});
