import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { localeFile } from '../support/i18n';

async function evidenceKeys(locale: string): Promise<string[]> {
  const messages = await parseMessagesFile(localeFile(locale));
  return messages.map((message) => message.key.join('.')).filter((key) => key.startsWith('evidence.')).sort();
}

it('has an English message for every Indonesian evidence message', async () => {
  const indonesian = await evidenceKeys('id');
  expect(indonesian.length).toBeGreaterThan(50);
  expect(await evidenceKeys('en')).toEqual(indonesian);
});
