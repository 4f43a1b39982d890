import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { dateTimeFormat, formatDateTime, formatDecimal } from '@/components/localeFormat';
import { useWeeklySnapshot } from '@/components/hooks/useWeeklySnapshot';
import { listSnapshots, takeSnapshot } from '@/lib/db/repositories/snapshots';
import type { ProgressSnapshot } from '@/lib/db/schema';
import { axisMaximum, type ChartBox, pointsOf, SERIES, type Series, valueOf } from './trendGeometry';
import { translate } from './text';

const BOX: ChartBox = { width: 640, height: 260, left: 44, right: 32, top: 16, bottom: 36 };
/** Each series differs in line pattern and marker shape as well as colour (not colour alone). */
const LOOK: Record<Series, { color: string; dash: string; marker: 'circle' | 'square' | 'diamond' }> = {
  answeredPercent: { color: '#1d4ed8', dash: '', marker: 'circle' },
  withEvidencePercent: { color: '#15803d', dash: '6 4', marker: 'square' },
  total: { color: '#8a4b00', dash: '2 3', marker: 'diamond' },
};

const shortDate = (time: number) => dateTimeFormat({ day: 'numeric', month: 'short' }).format(time);

function Marker({ x, y, series }: { x: number; y: number; series: Series }) {
  const { color, marker } = LOOK[series];
  if (marker === 'circle') return <circle cx={x} cy={y} r={4} fill={color} />;
  if (marker === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
  return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={color} />;
}

function Chart({ snapshots, titleId }: { snapshots: readonly ProgressSnapshot[]; titleId: string }) {
  const innerWidth = BOX.width - BOX.left - BOX.right;
  const top = axisMaximum(snapshots);
  const grid = [0, 1, 2, 3, 4].map((step) => (top * step) / 4);
  const yOf = (value: number) => BOX.top + (BOX.height - BOX.top - BOX.bottom) * (1 - value / top);
  const labelled = snapshots.length <= 8 ? snapshots : snapshots.filter((_, index) => index % Math.ceil(snapshots.length / 8) === 0);
  const xs = pointsOf(snapshots, 'total', BOX, top).map((point) => point.x);
  return (
    <svg className="trend-chart__svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={titleId}>
      {grid.map((value) => (
        <g key={value}>
          <line x1={BOX.left} x2={BOX.left + innerWidth} y1={yOf(value)} y2={yOf(value)} stroke="#d5dbe1" />
          <text x={BOX.left - 6} y={yOf(value) + 4} textAnchor="end" fontSize="11" fill="#4b5563">
            {formatDecimal(value)}
          </text>
        </g>
      ))}
      {labelled.map((snapshot) => (
        <text key={snapshot.takenAt} x={xs[snapshots.indexOf(snapshot)]} y={BOX.height - 12} textAnchor="middle" fontSize="11" fill="#4b5563">
          {shortDate(snapshot.takenAt)}
        </text>
      ))}
      {SERIES.map((series) => {
        const points = pointsOf(snapshots, series, BOX, top);
        return (
          <g key={series} data-series={series}>
            <polyline points={points.map(({ x, y }) => `${x},${y}`).join(' ')} fill="none" stroke={LOOK[series].color} strokeWidth={2} strokeDasharray={LOOK[series].dash} />
            {points.map(({ x, y }, index) => (
              <Marker key={index} x={x} y={y} series={series} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

function Legend() {
  return (
    <ul className="trend-chart__legend">
      {SERIES.map((series) => (
        <li key={series}>
          <svg width="34" height="12" aria-hidden="true">
            <line x1="0" x2="34" y1="6" y2="6" stroke={LOOK[series].color} strokeWidth={2} strokeDasharray={LOOK[series].dash} />
            <Marker x={17} y={6} series={series} />
          </svg>{' '}
          {translate(`team.trend.series.${series}`)}
        </li>
      ))}
    </ul>
  );
}

function TrendTable({ snapshots }: { snapshots: readonly ProgressSnapshot[] }) {
  return (
    <table className="trend-chart__table">
      <caption>{i18n.t('team.trend.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('team.trend.date')}</th>
          {SERIES.map((series) => (
            <th key={series} scope="col">
              {translate(`team.trend.series.${series}`)}
            </th>
          ))}
          <th scope="col">{i18n.t('team.trend.hintsOpen')}</th>
          <th scope="col">{i18n.t('team.trend.trigger')}</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((snapshot) => (
          <tr key={snapshot.id ?? snapshot.takenAt}>
            <th scope="row">{formatDateTime(snapshot.takenAt)}</th>
            {SERIES.map((series) => (
              <td key={series}>{formatDecimal(valueOf(snapshot, series))}</td>
            ))}
            <td>{snapshot.hintsOpen}</td>
            <td>{translate(`team.trend.triggers.${snapshot.trigger}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The progress trend of a period: weekly snapshots (the weekly one is taken here when due) and
 * those taken on demand, as an SVG line chart with a table alternative. Self-contained, so the
 * dashboard can load it lazily.
 */
export default function TrendChart({ periodId }: { periodId: number }) {
  const database = useDatabase();
  const titleId = useId();
  const [showTable, setShowTable] = useState(false);
  const snapshots = useLiveQuery(() => listSnapshots(database, periodId), [database, periodId]);
  useWeeklySnapshot(periodId);

  return (
    <section className="card trend-chart" aria-labelledby={titleId} data-testid="trend-chart">
      <h2 id={titleId}>{i18n.t('team.trend.heading')}</h2>
      <p className="muted">{i18n.t('team.trend.intro')}</p>
      {snapshots && snapshots.length > 0 ? (
        <>
          <Legend />
          <Chart snapshots={snapshots} titleId={titleId} />
          <button type="button" className="secondary" aria-expanded={showTable} onClick={() => setShowTable(!showTable)}>
            {showTable ? i18n.t('team.trend.hideTable') : i18n.t('team.trend.showTable')}
          </button>
          {showTable && <TrendTable snapshots={snapshots} />}
        </>
      ) : (
        <p role="status">{i18n.t('team.trend.empty')}</p>
      )}
      <button type="button" onClick={() => void takeSnapshot(database, periodId, 'manual', new Date())}>
        {i18n.t('team.trend.takeNow')}
      </button>
    </section>
  );
}
