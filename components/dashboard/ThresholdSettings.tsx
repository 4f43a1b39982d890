import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { resetThresholds, saveThresholds } from '@/lib/db/repositories/thresholds';
import type { StoredThresholds } from '@/lib/db/storedThresholds';
import { ThresholdsSchema } from '@/lib/lke/thresholdsSchema';
import type { AreaReading, Thresholds } from '@/lib/lke/verdict';
import { useDatabase } from '../DatabaseProvider';

/** The minima entered as points; the area minimum is a share, entered as a percentage. */
const POINT_ROWS = ['total', 'pengungkit', 'bersihAkuntabel', 'ipak', 'capaianKinerja', 'pelayananPrima'] as const;
type Row = (typeof POINT_ROWS)[number] | 'areaShare';
const ROWS: readonly Row[] = ['total', 'pengungkit', 'areaShare', 'bersihAkuntabel', 'ipak', 'capaianKinerja', 'pelayananPrima'];

type Draft = Record<Row, { wbk: string; wbbm: string }> & { areaReading: AreaReading };

function draftOf(thresholds: Thresholds): Draft {
  const draft = { areaReading: thresholds.areaReading } as Draft;
  for (const row of POINT_ROWS) draft[row] = { wbk: String(thresholds[row].wbk), wbbm: String(thresholds[row].wbbm) };
  draft.areaShare = { wbk: String(Math.round(thresholds.areaShare.wbk * 1000) / 10), wbbm: String(Math.round(thresholds.areaShare.wbbm * 1000) / 10) };
  return draft;
}

// Indonesian users type decimal commas ("18,25").
const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

function thresholdsOf(draft: Draft): Thresholds | null {
  const pair = (row: Row, scale = 1) => ({ wbk: number(draft[row].wbk) / scale, wbbm: number(draft[row].wbbm) / scale });
  const candidate = {
    total: pair('total'),
    pengungkit: pair('pengungkit'),
    areaShare: pair('areaShare', 100),
    areaReading: draft.areaReading,
    bersihAkuntabel: pair('bersihAkuntabel'),
    ipak: pair('ipak'),
    capaianKinerja: pair('capaianKinerja'),
    pelayananPrima: pair('pelayananPrima'),
  };
  return ThresholdsSchema.safeParse(candidate).data ?? null;
}

type Status = 'idle' | 'saved' | 'reset' | 'invalid' | 'failed';

/** The configurable WBK/WBBM minima, where their defaults come from, and the way back to them. */
export function ThresholdSettings({ stored }: { stored: StoredThresholds }) {
  const database = useDatabase();
  const [draft, setDraft] = useState(() => draftOf(stored.thresholds));
  const [status, setStatus] = useState<Status>('idle');
  const storedKey = JSON.stringify(stored.thresholds);
  const [shownKey, setShownKey] = useState(storedKey);
  // A table saved (or reset) here or on another page replaces the form's contents; any other change
  // to the database re-reads an equal table and leaves what is being typed alone.
  if (shownKey !== storedKey) {
    setShownKey(storedKey);
    setDraft(draftOf(stored.thresholds));
  }

  const act = async (action: () => Promise<void>, done: Status) => {
    try {
      await action();
      setStatus(done);
    } catch {
      setStatus('failed');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const thresholds = thresholdsOf(draft);
    if (!thresholds) setStatus('invalid');
    else void act(() => saveThresholds(database, thresholds), 'saved');
  };
  const edit = (row: Row, predicate: 'wbk' | 'wbbm', value: string) => {
    setDraft((current) => ({ ...current, [row]: { ...current[row], [predicate]: value } }));
    setStatus('idle');
  };

  return (
    <details className="card settings">
      <summary>
        <h2>{i18n.t('dashboard.settings.heading')}</h2>
      </summary>
      {stored.invalid && (
        <p className="notice notice--warning" role="alert">
          {i18n.t('dashboard.settings.invalidStored')}
        </p>
      )}
      <p>{i18n.t(stored.custom ? 'dashboard.settings.usingCustom' : 'dashboard.settings.usingDefaults')}</p>
      <p className="muted">{i18n.t('dashboard.settings.source')}</p>
      <form onSubmit={submit}>
        <table className="thresholds">
          <caption className="visually-hidden">{i18n.t('dashboard.settings.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('dashboard.verdict.condition')}</th>
              <th scope="col">{i18n.t('dashboard.verdict.predicate.wbk')}</th>
              <th scope="col">{i18n.t('dashboard.verdict.predicate.wbbm')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">{i18n.t(`dashboard.settings.row.${row}`)}</th>
                {(['wbk', 'wbbm'] as const).map((predicate) => (
                  <td key={predicate}>
                    <input
                      type="text"
                      inputMode="decimal"
                      size={7}
                      aria-label={`${i18n.t(`dashboard.settings.row.${row}`)}, ${i18n.t(`dashboard.verdict.predicate.${predicate}`)}`}
                      value={draft[row][predicate]}
                      onChange={(event) => edit(row, predicate, event.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset>
          <legend>{i18n.t('dashboard.settings.areaReading')}</legend>
          {(['combined', 'perHalf'] as const).map((reading) => (
            <label key={reading} className="option">
              <input
                type="radio"
                name="area-reading"
                checked={draft.areaReading === reading}
                onChange={() => setDraft((current) => ({ ...current, areaReading: reading }))}
              />
              {i18n.t(`dashboard.settings.reading.${reading}`)}
            </label>
          ))}
        </fieldset>
        <div className="settings__actions">
          <button type="submit">{i18n.t('dashboard.settings.save')}</button>
          <button type="button" className="secondary" onClick={() => void act(() => resetThresholds(database), 'reset')}>
            {i18n.t('dashboard.settings.reset')}
          </button>
          <p role="status" className={`status status--${status}`}>
            {status !== 'idle' && i18n.t(`dashboard.settings.status.${status}`)}
          </p>
        </div>
      </form>
    </details>
  );
}
