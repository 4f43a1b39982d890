import type { ProgressSnapshot } from '@/lib/db/schema';

// Where the trend chart draws each snapshot: plain arithmetic, kept apart from the SVG markup.

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const SERIES = ['answeredPercent', 'withEvidencePercent', 'total'] as const;
export type Series = (typeof SERIES)[number];

/** Every series is 0–100: two percentages and the total score, whose maximum is 100 points. */
export const valueOf = (snapshot: ProgressSnapshot, series: Series): number =>
  series === 'total' ? (snapshot.scores.total ?? 0) : snapshot[series];

/** x by time (one snapshot sits in the middle), y from 0 at the bottom to 100 at the top. */
export function pointsOf(snapshots: readonly ProgressSnapshot[], series: Series, box: ChartBox): { x: number; y: number }[] {
  const first = snapshots[0]?.takenAt ?? 0;
  const span = (snapshots.at(-1)?.takenAt ?? 0) - first;
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  return snapshots.map((snapshot) => ({
    x: box.left + (span === 0 ? innerWidth / 2 : ((snapshot.takenAt - first) / span) * innerWidth),
    y: box.top + innerHeight * (1 - Math.min(100, Math.max(0, valueOf(snapshot, series))) / 100),
  }));
}
