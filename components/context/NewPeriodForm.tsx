import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { evaluationYear } from '@/lib/db/repositories/context';
import { switchContext } from '@/lib/db/repositories/originContext';
import { createPeriod, rollOverPeriod } from '@/lib/db/repositories/periods';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Period } from '@/lib/db/schema';
import { TEMPLATE_EDITIONS } from '@/lib/periods/editions';
import type { RunChange } from './useContextChange';

export interface NewPeriodFormProps {
  unitId: number;
  /** The unit's periods, newest first. */
  periods: readonly Stored<Period>[];
  site: string | null;
  run: RunChange;
  working: boolean;
}

const EDITIONS = [...TEMPLATE_EDITIONS].map(([id, template]) => ({ id, label: `${template.title} (${template.edition})` }));

/** The year after the unit's newest period, else this year: the period a unit starts next. */
const nextYear = (periods: readonly Period[], now: Date): number => (periods[0] ? periods[0].year + 1 : evaluationYear(now));

/** "Periode baru": an empty period, or one rolled over from a period of the unit; then switched to. */
export function NewPeriodForm({ unitId, periods, site, run, working }: NewPeriodFormProps) {
  const db = useDatabase();
  const baseId = useId();
  const [year, setYear] = useState(() => String(nextYear(periods, new Date())));
  // The newest period is where a roll-over usually starts from.
  const [source, setSource] = useState(() => (periods[0] ? String(periods[0].id) : ''));
  const [edition, setEdition] = useState(EDITIONS[0]!.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = periods.find((period) => String(period.id) === source);
    const input = { year: Number(year), templateId: edition };
    void run(
      async () => {
        const period = from
          ? await rollOverPeriod(db, { ...input, fromPeriodId: from.id }, new Date())
          : await createPeriod(db, { ...input, unitId }, new Date());
        await switchContext(db, period.id, site);
        return period;
      },
      (period) => (from ? i18n.t('context.newPeriod.rolled', [period.year, from.year]) : i18n.t('context.newPeriod.created', [period.year])),
    );
  };

  return (
    <details className="context-switcher__create">
      <summary>{i18n.t('context.newPeriod.heading')}</summary>
      <form className="context-switcher__form" noValidate onSubmit={submit}>
        <label htmlFor={`${baseId}-year`}>{i18n.t('context.newPeriod.year')}</label>
        <input id={`${baseId}-year`} className="input" type="number" inputMode="numeric" value={year} onChange={(event) => setYear(event.target.value)} />
        <label htmlFor={`${baseId}-source`}>{i18n.t('context.newPeriod.source')}</label>
        <select id={`${baseId}-source`} className="input" value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="">{i18n.t('context.newPeriod.empty')}</option>
          {periods.map((period) => (
            <option key={period.id} value={period.id}>
              {i18n.t('context.newPeriod.rollFrom', [period.year])}
            </option>
          ))}
        </select>
        <label htmlFor={`${baseId}-edition`}>{i18n.t('context.newPeriod.edition')}</label>
        <select id={`${baseId}-edition`} className="input" value={edition} onChange={(event) => setEdition(event.target.value)}>
          {EDITIONS.map(({ id, label }) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" disabled={working}>
          {i18n.t('context.newPeriod.create')}
        </button>
      </form>
    </details>
  );
}
