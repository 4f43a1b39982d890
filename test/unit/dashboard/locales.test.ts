import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { localeFile } from '../support/i18n';

async function dashboardMessages(locale: string): Promise<Map<string, number>> {
  const messages = await parseMessagesFile(localeFile(locale));
  // Placeholders per message: an English text must take the same substitutions as the Indonesian one.
  return new Map(
    messages
      .filter((message) => message.key[0] === 'dashboard')
      .map((message) => [message.key.join('.'), 'substitutions' in message ? message.substitutions : 0]),
  );
}

it('has an English message with the same placeholders for every Indonesian dashboard message', async () => {
  const indonesian = await dashboardMessages('id');
  expect(indonesian.size).toBeGreaterThan(100);
  expect([...(await dashboardMessages('en'))].sort()).toEqual([...indonesian].sort());
});
