import type { LkeDatabase } from '@/lib/db/schema';
import { recordPageStates } from '@/lib/db/repositories/pageStates';
import type { Push } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';
import { autosaveHandlers } from './autosave';
import { calibrationHandlers } from './calibrations';
import { overlayHandlers } from './overlay';
import { focusPanel, type PanelDeps } from './panelFocus';
import type { SiteAccess } from './siteAccess';
import { contextOfSender, contextOfSite } from './workContext';

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
  return {
    // A portal tab gets its own site's context; an extension page the one of the site it names
    // (the side panel, beside a portal tab), else the active one.
    'context.get': async ({ site }, sender) => {
      const { unit, period } = sender.kind === 'content' ? await contextOfSender(deps, sender) : await contextOfSite(deps, site ?? null);
      return { unitId: unit.id, unitName: unit.name, periodId: period.id, year: period.year };
    },

    // The origin comes from the browser-reported sender URL, not from the payload a page could forge.
    'portal.snapshot': async ({ rows }, sender) => {
      const { period } = await contextOfSender(deps, sender);
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
