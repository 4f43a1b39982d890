import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { localeFile } from '../support/i18n';

// What the user is told about a fault (faults: in lib/i18n/locales), in Indonesian and English.

const faultMessages = async (locale: 'id' | 'en') =>
  Object.fromEntries(
    (await parseMessagesFile(localeFile(locale)))
      .filter((entry) => entry.key[0] === 'faults' && 'message' in entry)
      .map((entry) => [entry.key.join('.'), String((entry as { message: unknown }).message)]),
  );

it('has each fault message in both languages, each a sentence of its own', async () => {
  const id = await faultMessages('id');
  const en = await faultMessages('en');
  expect(Object.keys(id).sort()).toEqual(['faults.databaseClosed.consequence', 'faults.databaseClosed.message', 'faults.databaseClosed.reload', 'faults.databaseClosed.title', 'faults.storageFull']);
  expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  for (const key of Object.keys(id)) {
    expect(id[key]!.length, key).toBeGreaterThan(5);
    expect(en[key], key).not.toBe(id[key]);
  }
  // The storage-full message says the text is not lost, in both languages.
  expect(id['faults.storageFull']).toMatch(/tidak hilang/);
  expect(en['faults.storageFull']).toMatch(/not lost/);
});
