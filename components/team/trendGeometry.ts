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

/**
 * The top of the y axis: the smallest of 10, 25, 50 and 100 above every value, so the first weeks
 * of work (a few percent) show as a slope rather than a line along the bottom.
 */
export function axisMaximum(snapshots: readonly ProgressSnapshot[]): number {
  const highest = Math.max(0, ...snapshots.flatMap((snapshot) => SERIES.map((series) => valueOf(snapshot, series))));
  return [10, 25, 50].find((top) => highest <= top) ?? 100;
}

/** x by time (one snapshot sits in the middle), y from 0 at the bottom to `top` at the top. */
export function pointsOf(snapshots: readonly ProgressSnapshot[], series: Series, box: ChartBox, top: number): { x: number; y: number }[] {
  const first = snapshots[0]?.takenAt ?? 0;
  const span = (snapshots.at(-1)?.takenAt ?? 0) - first;
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  return snapshots.map((snapshot) => ({
    x: box.left + (span === 0 ? innerWidth / 2 : ((snapshot.takenAt - first) / span) * innerWidth),
    y: box.top + innerHeight * (1 - Math.min(top, Math.max(0, valueOf(snapshot, series))) / top),
  }));
}
