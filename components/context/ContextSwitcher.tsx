import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { switchContext, switchToUnit } from '@/lib/db/repositories/originContext';
import { listPeriods } from '@/lib/db/repositories/periods';
import { listUnits } from '@/lib/db/repositories/units';
import { ChangeStatus } from './ChangeStatus';
import { NewPeriodForm } from './NewPeriodForm';
import { NewUnitForm } from './NewUnitForm';
import { useContextChange } from './useContextChange';
import './context.css';

export interface ContextSwitcherProps {
  /** The unit and period shown now. */
  current: { unitId: number; periodId: number };
  /** The portal site the side panel works beside, which remembers the choice too; null elsewhere. */
  site: string | null;
  /** Called after every switch, so the page asks for its context again. */
  onSwitched: () => void;
}

/**
 * Choose the unit and period to work in, or create them (a period empty or rolled over from an
 * earlier one). Folded behind one button: the choice is made seldom and the header is small.
 */
export function ContextSwitcher({ current, site, onSwitched }: ContextSwitcherProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="context-switcher" data-testid="context-switcher">
      <button type="button" className="button context-switcher__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {i18n.t(open ? 'context.switcher.close' : 'context.switcher.open')}
      </button>
      {open && (
        <div id={panelId} className="context-switcher__panel" role="group" aria-label={i18n.t('context.switcher.label')}>
          <SwitcherBody current={current} site={site} onSwitched={onSwitched} />
        </div>
      )}
    </div>
  );
}

function SwitcherBody({ current, site, onSwitched }: ContextSwitcherProps) {
  const db = useDatabase();
  const baseId = useId();
  const units = useLiveQuery(() => listUnits(db), [db]);
  const periods = useLiveQuery(() => listPeriods(db, current.unitId), [db, current.unitId]);
  const { outcome, run } = useContextChange(onSwitched);
  const switched = (context: { unit: { name: string }; period: { year: number } }) =>
    i18n.t('context.switcher.switched', [context.unit.name, context.period.year]);
  const working = outcome.state === 'working';
  if (!units || !periods) return null;
  const unit = units.find((candidate) => candidate.id === current.unitId);
  return (
    <>
      <div className="context-switcher__choice">
        <label htmlFor={`${baseId}-unit`}>{i18n.t('context.switcher.unit')}</label>
        <select
          id={`${baseId}-unit`}
          className="input"
          value={current.unitId}
          onChange={(event) => void run(() => switchToUnit(db, Number(event.target.value), site, new Date()), switched)}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${baseId}-period`}>{i18n.t('context.switcher.period')}</label>
        <select
          id={`${baseId}-period`}
          className="input"
          value={current.periodId}
          onChange={(event) => void run(() => switchContext(db, Number(event.target.value), site), switched)}
        >
          {periods.map((period) => (
            <option key={period.id} value={period.id}>
              {i18n.t('context.switcher.periodOption', [period.year])}
            </option>
          ))}
        </select>
      </div>
      {unit && <p className="muted">{i18n.t('context.switcher.target', [i18n.t(`periods.target.${unit.target}`)])}</p>}
      {site !== null && <p className="muted">{i18n.t('context.switcher.site', [site])}</p>}
      <ChangeStatus outcome={outcome} />
      {/* Keyed by the period shown and the unit's newest: after a switch, and once the unit's
          periods are read, the forms start again from their defaults. */}
      <NewPeriodForm key={`period-${current.periodId}-${periods[0]?.id}`} unitId={current.unitId} periods={periods} site={site} run={run} working={working} />
      <NewUnitForm key={`unit-${current.periodId}`} site={site} run={run} working={working} />
    </>
  );
}
