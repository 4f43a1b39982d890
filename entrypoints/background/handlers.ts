import type { LkeDatabase } from '@/lib/db/schema';
import { ensureActiveContext } from '@/lib/db/repositories/context';
import { recordPageStates } from '@/lib/db/repositories/pageStates';
import type { Push } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';
import { autosaveHandlers } from './autosave';
import { calibrationHandlers } from './calibrations';
import { overlayHandlers } from './overlay';
import { focusPanel, type PanelDeps } from './panelFocus';
import type { SiteAccess } from './siteAccess';

export interface BackgroundDeps extends PanelDeps {
  db: LkeDatabase;
  /** The name of the unit created on first use, in the user's language. */
  defaultUnitName: string;
  /** Must not reject: the reply to a request does not wait for pages to hear about it. */
  push: (push: Push) => void;
  /** The sites the user enabled beyond the known portals. */
  siteAccess: SiteAccess;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const activeContext = () =>
    ensureActiveContext(deps.db, { now: deps.now(), defaultUnitName: deps.defaultUnitName });

  return {
    'context.get': async () => {
      const { unit, period } = await activeContext();
      return { unitId: unit.id, unitName: unit.name, periodId: period.id, year: period.year };
    },

    // The origin comes from the browser-reported sender URL, not from the payload a page could forge.
    'portal.snapshot': async ({ rows }, sender) => {
      const { period } = await activeContext();
      const origin = new URL(sender.url).origin;
      const recorded = await recordPageStates(deps.db, period.id, origin, rows, deps.now());
      if (recorded.codes.length > 0) {
        deps.push({ type: 'data.changed', periodId: period.id, codes: recorded.codes });
      }
      return { periodId: period.id, stored: recorded.stored };
    },

    'panel.focus': ({ code }, sender) => focusPanel(deps, code, sender.tabId),

    'sites.list': async () => ({ sites: await deps.siteAccess.list() }),
    'sites.enable': ({ site }) => deps.siteAccess.enable(site),
    'sites.disable': ({ site }) => deps.siteAccess.disable(site),
    'sites.status': ({ tabId }) => deps.siteAccess.status(tabId),

    ...calibrationHandlers(deps),
    ...autosaveHandlers(deps),
    ...overlayHandlers(deps),
  };
}
