import { type ActiveContext, ensureActiveContext } from '@/lib/db/repositories/context';
import { ensureSiteContext } from '@/lib/db/repositories/originContext';
import type { LkeDatabase } from '@/lib/db/schema';
import type { RequestSender } from '@/lib/messaging/router';
import { siteOfUrl } from '@/lib/portal/site-access';

export interface WorkContextDeps {
  db: LkeDatabase;
  now: () => Date;
  defaultUnitName: string;
}

/** The context of a portal site (remembered per site), or the active one without a site. */
export function contextOfSite(deps: WorkContextDeps, site: string | null): Promise<ActiveContext> {
  const options = { now: deps.now(), defaultUnitName: deps.defaultUnitName };
  return site === null ? ensureActiveContext(deps.db, options) : ensureSiteContext(deps.db, site, options);
}

/**
 * The context a request's data belongs to. A portal tab's is its site's, named by the sender URL
 * the browser reported (a page cannot claim another site's unit); an extension page's is the
 * active one.
 */
export function contextOfSender(deps: WorkContextDeps, sender: RequestSender): Promise<ActiveContext> {
  return contextOfSite(deps, sender.kind === 'content' ? siteOfUrl(sender.url) : null);
}
