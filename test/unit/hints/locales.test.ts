import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { HINT_RULES, SEVERITIES } from '@/lib/hints';
import { localeFile } from '../support/i18n';

async function hintMessages(locale: string): Promise<Map<string, string>> {
  const messages = await parseMessagesFile(localeFile(locale));
  return new Map(
    messages
      .filter((m) => m.key[0] === 'hints' && 'message' in m)
      .map((m) => [m.key.join('.'), String((m as { message: unknown }).message)]),
  );
}

const expectedKeys = [
  ...HINT_RULES.flatMap((rule) => [`hints.${rule}.title`, `hints.${rule}.explanation`]),
  ...SEVERITIES.map((severity) => `hints.severity.${severity}`),
].sort();

it.each(['id', 'en'])('has a title and an explanation for every hint rule in %s.yml', async (locale) => {
  const messages = await hintMessages(locale);
  expect([...messages.keys()].sort()).toEqual(expectedKeys);
  for (const text of messages.values()) expect(text.trim()).not.toBe('');
});

it('uses the same placeholders in both languages', async () => {
  const [id, en] = await Promise.all([hintMessages('id'), hintMessages('en')]);
  const placeholders = (text = '') => [...new Set(text.match(/\$\d/g))].sort();
  for (const [key, text] of id) expect(placeholders(en.get(key)), key).toEqual(placeholders(text));
});
