import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { evaluationYear } from '@/lib/db/repositories/context';
import { switchContext } from '@/lib/db/repositories/originContext';
import { createUnit } from '@/lib/db/repositories/units';
import type { RunChange } from './useContextChange';

/** "Unit baru": a unit with its first, empty period, switched to at once. */
export function NewUnitForm({ site, run, working }: { site: string | null; run: RunChange; working: boolean }) {
  const db = useDatabase();
  const baseId = useId();
  const [name, setName] = useState('');
  const [year, setYear] = useState(() => String(evaluationYear(new Date())));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      async () => {
        const context = await createUnit(db, { name, year: Number(year) }, new Date());
        await switchContext(db, context.period.id, site);
        return context;
      },
      ({ unit, period }) => i18n.t('context.newUnit.created', [unit.name, period.year]),
    );
  };

  return (
    <details className="context-switcher__create">
      <summary>{i18n.t('context.newUnit.heading')}</summary>
      <form className="context-switcher__form" noValidate onSubmit={submit}>
        <label htmlFor={`${baseId}-name`}>{i18n.t('context.newUnit.name')}</label>
        <input id={`${baseId}-name`} className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={`${baseId}-year`}>{i18n.t('context.newUnit.year')}</label>
        <input id={`${baseId}-year`} className="input" type="number" inputMode="numeric" value={year} onChange={(event) => setYear(event.target.value)} />
        <button type="submit" className="button button--primary" disabled={working}>
          {i18n.t('context.newUnit.create')}
        </button>
      </form>
    </details>
  );
}
