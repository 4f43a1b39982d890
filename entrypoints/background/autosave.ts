import { ensureActiveContext } from '@/lib/db/repositories/context';
import { recordPortalEdits } from '@/lib/db/repositories/autosave';
import type { LkeDatabase } from '@/lib/db/schema';
import type { Push } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';

export interface AutosaveDeps {
  db: LkeDatabase;
  now: () => Date;
  defaultUnitName: string;
  /** Must not reject: the reply to a request does not wait for pages to hear about it. */
  push: (push: Push) => void;
}

/** What the user types into a portal tab, saved under the active period. */
export function autosaveHandlers({ db, now, defaultUnitName, push }: AutosaveDeps): Pick<Handlers, 'autosave.record'> {
  return {
    'autosave.record': async ({ edits }) => {
      const { period } = await ensureActiveContext(db, { now: now(), defaultUnitName });
      const recorded = await recordPortalEdits(db, period.id, edits, now());
      if (recorded.codes.length > 0) push({ type: 'data.changed', periodId: period.id, codes: recorded.codes });
      return { saved: recorded.saved };
    },
  };
}
