import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import type { StaleReason } from '@/lib/db/schema';
import { PERIOD_ERROR_CODES } from '@/lib/periods/errors';
import { localeFile } from '../support/i18n';

const STALE_REASONS = ['wording', 'options', 'weight'] as const satisfies readonly StaleReason[];

async function keysOf(locale: string): Promise<string[]> {
  const messages = await parseMessagesFile(localeFile(locale));
  return messages.map((message) => message.key.join('.')).filter((key) => /^(periods|context)\./.test(key)).sort();
}

describe('unit and period messages', () => {
  it('exist in English for every Indonesian one', async () => {
    const indonesian = await keysOf('id');
    expect(indonesian.length).toBeGreaterThan(40);
    expect(await keysOf('en')).toEqual(indonesian);
  });

  it('say why for every refusal and what changed for every stale reason, in both languages', async () => {
    const expected = [
      ...PERIOD_ERROR_CODES.map((code) => `periods.error.${code}`),
      ...STALE_REASONS.map((reason) => `periods.carryOver.stale.${reason}`),
    ];
    for (const locale of ['id', 'en']) expect(await keysOf(locale)).toEqual(expect.arrayContaining(expected));
  });
});
