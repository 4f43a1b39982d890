import { recordPortalEdits } from '@/lib/db/repositories/autosave';
import type { LkeDatabase } from '@/lib/db/schema';
import type { Push } from '@/lib/messaging/protocol';
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
  return {
    'autosave.record': async ({ edits }, sender) => {
      const { period } = await contextOfSender(deps, sender);
      const recorded = await recordPortalEdits(db, period.id, edits, now());
      if (recorded.codes.length > 0) push({ type: 'data.changed', periodId: period.id, codes: recorded.codes });
      return { saved: recorded.saved };
    },
  };
}
