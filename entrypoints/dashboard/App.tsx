import { type ComponentType, Suspense, startTransition, useEffect, useMemo, useState } from 'react';
import { DashboardView, LoadingLine } from '@/components/dashboard/DashboardView';
import { useFirstContentfulPaint } from '@/components/hooks/useFirstContentfulPaint';
import { periodOverviewFrom } from '@/components/periodOverview';
import type { LoadedPeriod } from '@/lib/db/periodRows';
import type { BlankRule } from '@/lib/lke/scoring';
import type { LiveDashboardProps } from './LiveDashboard';

const LOADING = { status: 'loading' } as const;

/**
 * The dashboard page. Its first frame is the scores and the verdicts of `primed`, the active period
 * read before the first render (main.tsx), and needs neither Dexie nor zod nor the messaging. Once
 * the browser has presented that frame, `Live` (LiveDashboard, loaded as the page's second chunk in
 * main.tsx) takes over: work started earlier competes with putting the scores on screen. It takes
 * over in a transition, so the first frame stays until it can render, and is never replaced by a
 * loading state.
 */
export function App({ primed, Live }: { primed?: LoadedPeriod; Live: ComponentType<LiveDashboardProps> }) {
  const presented = useFirstContentfulPaint();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (presented) startTransition(() => setLive(true));
  }, [presented]);
  const [blanks, setBlanks] = useState<BlankRule>('excluded');
  const overview = useMemo(() => periodOverviewFrom(primed), [primed]);

  const firstFrame = <DashboardView overview={overview} context={LOADING} blanks={blanks} onBlanksChange={setBlanks} details={<LoadingLine />} />;
  return <Suspense fallback={firstFrame}>{live ? <Live primed={primed} blanks={blanks} onBlanksChange={setBlanks} /> : firstFrame}</Suspense>;
}
