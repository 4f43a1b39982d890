import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';
import { PACK_REJECTION_MESSAGES } from '@/lib/interchange/pack';
import type { ConditionKind } from '@/lib/lke/verdict';
import { INNOVATION_CATEGORIES } from '@/lib/team/innovations';
import { WORKFLOW_STATUSES } from '@/lib/team/workflow';
import { SERIES } from '@/components/team/trendGeometry';
import { localeFile } from '../support/i18n';

const NAMESPACES = ['team', 'digest', 'packs', 'innovations'];

async function messages(locale: string): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(localeFile(locale));
  return new Map(parsed.filter((m) => NAMESPACES.includes(m.key[0]!) && 'message' in m).map((m) => [m.key.join('.'), String((m as { message: unknown }).message)]));
}

/** Keys the team page builds at run time, which the typed `i18n.t` cannot check. */
const CONDITIONS: Exclude<ConditionKind, 'area'>[] = ['total', 'pengungkit', 'bersihAkuntabel', 'ipak', 'capaianKinerja', 'pelayananPrima'];
const DYNAMIC_KEYS = [
  ...WORKFLOW_STATUSES.map((status) => `team.status.${status}`),
  'team.transition.not_allowed',
  'team.transition.note_required',
  ...SERIES.map((series) => `team.trend.series.${series}`),
  'team.trend.triggers.weekly',
  'team.trend.triggers.manual',
  ...['new', 'same', 'conflict'].map((status) => `packs.status.${status}`),
  ...Object.values(PACK_REJECTION_MESSAGES),
  ...CONDITIONS.map((kind) => `digest.condition.${kind}`),
  'digest.target.wbk',
  'digest.target.wbbm',
  ...INNOVATION_CATEGORIES.map((category) => `innovations.category.${category}`),
  'innovations.gap.none',
  'innovations.gap.notReplicated',
];

it('has every message of the team page in both languages with the same placeholders', async () => {
  const [id, en] = await Promise.all([messages('id'), messages('en')]);
  expect(id.size).toBeGreaterThan(150);
  expect([...en.keys()].sort()).toEqual([...id.keys()].sort());
  const placeholders = (text = '') => [...new Set(text.match(/\$\d/g))].sort();
  for (const [key, text] of id) {
    expect(text.trim(), key).not.toBe('');
    expect(placeholders(en.get(key)), key).toEqual(placeholders(text));
  }
  for (const key of DYNAMIC_KEYS) expect(id.has(key), key).toBe(true);
});
