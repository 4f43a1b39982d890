import { recordPortalEdits } from '@/lib/db/repositories/autosave';
import type { LkeDatabase } from '@/lib/db/schema';
import type { PortalEdit, Push } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';
import { contextOfSender } from './workContext';

export interface AutosaveDeps {
  db: LkeDatabase;
  now: () => Date;
  defaultUnitName: string;
  /** Must not reject: the reply to a request does not wait for pages to hear about it. */
  push: (push: Push) => void;
}

/** What the user types into a portal tab, saved under the period its site remembers. */
export function autosaveHandlers(deps: AutosaveDeps): Pick<Handlers, 'autosave.record'> {
  const { db, now, push } = deps;
  // The tab that last wrote each field: an edit from another tab (the same indicator open twice)
  // starts a revision of its own instead of overwriting that tab's text in the burst. Forgotten
  // when the worker stops; the first edit after that starts a revision too, which loses nothing.
  const writers = new Map<string, number | undefined>();
  const startsRevision = (periodId: number, tabId: number | undefined) => (edit: PortalEdit) => {
    const key = `${periodId}\u0000${edit.code}\u0000${edit.field}`;
    const fresh = !writers.has(key) || writers.get(key) !== tabId;
    writers.set(key, tabId);
    return fresh;
  };
  return {
    'autosave.record': async ({ edits }, sender) => {
      const { period } = await contextOfSender(deps, sender);
      const recorded = await recordPortalEdits(db, period.id, edits, now(), startsRevision(period.id, sender.tabId));
      if (recorded.codes.length > 0) push({ type: 'data.changed', periodId: period.id, codes: recorded.codes });
      return { saved: recorded.saved };
    },
  };
}
