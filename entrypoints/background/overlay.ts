import { formTextRevisions, hintContextOf, loadPeriodRecords } from '@/lib/db/repositories/periodRecords';
import type { LkeDatabase } from '@/lib/db/schema';
import { type Hint, SEVERITIES, hintsForPeriod, indicatorStates } from '@/lib/hints';
import { textDigest } from '@/lib/messaging/digest';
import type { HintSummary, RowOverlay, SavedField, WritableField } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';
import { contextOfSender } from './workContext';

export interface OverlayDeps {
  db: LkeDatabase;
  now: () => Date;
  defaultUnitName: string;
}

/** How many older texts of a field a page may be recognised as showing. */
const OLDER_DIGESTS = 50;

const severityRank = (hint: Hint): number => SEVERITIES.indexOf(hint.severity);

function summarise(hints: readonly Hint[]): HintSummary {
  const sorted = [...hints].sort((a, b) => severityRank(a) - severityRank(b));
  return { count: sorted.length, worst: sorted[0]?.severity ?? null, rules: sorted.map((h) => h.rule).slice(0, 20) };
}

// A page may ask for every row at once: one pass over hints and revisions instead of one per row.
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The badges' view of the period of the page's site: hints per indicator and the newest saved texts to restore from. */
export function overlayHandlers(deps: OverlayDeps): Pick<Handlers, 'overlay.forPage'> {
  const { db } = deps;
  return {
    'overlay.forPage': async ({ codes }, sender) => {
      const { period } = await contextOfSender(deps, sender);
      const [records, context, revisions] = await Promise.all([
        loadPeriodRecords(db, period.id),
        hintContextOf(db, period.id),
        formTextRevisions(db, period.id, codes),
      ]);
      const hints = groupBy(hintsForPeriod(indicatorStates(records), context), (h) => h.code);
      const revisionsOf = groupBy(revisions, (r) => `${r.code}\u0000${r.field}`);
      const rows: RowOverlay[] = [...new Set(codes)].map((code) => {
        const saved: SavedField[] = [];
        for (const field of ['narrative', 'evidence'] as const satisfies readonly WritableField[]) {
          const [newest, ...older] = revisionsOf.get(`${code}\u0000${field}`) ?? [];
          if (!newest) continue;
          // A text saved again later is the newest one, not an older one the page could be behind on.
          const newestDigest = textDigest(newest.text);
          const olderDigests = [...new Set(older.map((r) => textDigest(r.text)))]
            .filter((digest) => digest !== newestDigest)
            .slice(0, OLDER_DIGESTS);
          saved.push({ field, text: newest.text, at: newest.createdAt, olderDigests });
        }
        return { code, hints: summarise(hints.get(code) ?? []), saved };
      });
      return { periodId: period.id, rows };
    },
  };
}
