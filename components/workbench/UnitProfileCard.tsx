import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { saveUnitDetails } from '@/lib/db/repositories/units';
import {
  checkUnitProfile,
  PROFILE_MAX_LENGTH,
  type UnitProfileField,
  type UnitProfileInput,
  type UnitProfileProblem,
} from '@/lib/db/repositories/unitProfile';
import { EMPTY_UNIT_PROFILE, type Unit, type UnitTarget } from '@/lib/db/schema';

const FIELDS: { field: UnitProfileField; type: 'text' | 'date' }[] = [
  { field: 'name', type: 'text' },
  { field: 'agency', type: 'text' },
  { field: 'pimpinan', type: 'text' },
  { field: 'nomorSk', type: 'text' },
  { field: 'tanggalSk', type: 'date' },
  { field: 'ketuaTim', type: 'text' },
];

const inputOf = (unit: Unit): UnitProfileInput => ({ name: unit.name, agency: unit.agency, ...EMPTY_UNIT_PROFILE, ...unit.profile });

const TARGETS: readonly UnitTarget[] = ['wbk', 'wbbm'];

type Outcome = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

const problemText = (field: UnitProfileField, problem: UnitProfileProblem): string =>
  problem === 'too_long' ? i18n.t('profile.problem.too_long', [PROFILE_MAX_LENGTH[field]]) : i18n.t(`profile.problem.${problem}`);

/** The active unit's name, agency, profile (which narrative templates fill their variables from) and target predicate. */
export function UnitProfileCard({ unitId }: { unitId: number }) {
  const db = useDatabase();
  const baseId = useId();
  // Null rather than undefined for a missing unit, so "loaded, not found" differs from "loading".
  const unit = useLiveQuery(async () => (await db.units.get(unitId)) ?? null, [db, unitId]);
  const [values, setValues] = useState<UnitProfileInput | null>(null);
  const [target, setTarget] = useState<UnitTarget>('wbk');
  const [problems, setProblems] = useState<Partial<Record<UnitProfileField, UnitProfileProblem>>>({});
  const [outcome, setOutcome] = useState<Outcome>('idle');

  // The form starts from the stored unit and is not overwritten while the user edits it.
  useEffect(() => {
    if (unit && values === null) {
      setValues(inputOf(unit));
      setTarget(unit.target);
    }
  }, [unit, values]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    const checked = checkUnitProfile(values);
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome('invalid');
      return;
    }
    setProblems({});
    setOutcome('saving');
    try {
      const saved = await saveUnitDetails(db, unitId, checked.value, target);
      setValues(inputOf(saved));
      setTarget(saved.target);
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  };

  const fieldId = (field: UnitProfileField) => `${baseId}-${field}`;
  return (
    <section className="card unit-profile" aria-labelledby={`${baseId}-heading`} data-testid="unit-profile">
      <h2 id={`${baseId}-heading`} className="section-heading">
        {i18n.t('profile.heading')}
      </h2>
      <p className="muted">{i18n.t('profile.intro')}</p>
      {unit === null && <p>{i18n.t('profile.missing')}</p>}
      {/* Closed by default: the profile is set once and rarely changed. */}
      <details>
        <summary>{i18n.t('profile.edit')}</summary>
        {values && (
          <form className="unit-profile__form" noValidate onSubmit={(event) => void submit(event)}>
            {FIELDS.map(({ field, type }) => {
              const problem = problems[field];
              return (
                <div key={field} className="unit-profile__field">
                  <label htmlFor={fieldId(field)}>{i18n.t(`profile.field.${field}`)}</label>
                  <input
                    id={fieldId(field)}
                    type={type}
                    className="input"
                    value={values[field]}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem ? `${fieldId(field)}-problem` : undefined}
                    onChange={(event) => {
                      setValues({ ...values, [field]: event.target.value });
                      setOutcome('idle');
                    }}
                  />
                  {problem && (
                    <p id={`${fieldId(field)}-problem`} className="field-problem">
                      {problemText(field, problem)}
                    </p>
                  )}
                </div>
              );
            })}
            <div className="unit-profile__field">
              <label htmlFor={`${baseId}-target`}>{i18n.t('periods.target.label')}</label>
              <select
                id={`${baseId}-target`}
                className="input"
                value={target}
                onChange={(event) => {
                  setTarget(event.target.value as UnitTarget);
                  setOutcome('idle');
                }}
              >
                {TARGETS.map((option) => (
                  <option key={option} value={option}>
                    {i18n.t(`periods.target.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" disabled={outcome === 'saving'}>
              {i18n.t('profile.save')}
            </button>
          </form>
        )}
        <p role="status" className={outcome === 'invalid' || outcome === 'failed' ? 'workbench__outcome field-problem' : 'workbench__outcome'}>
          {outcome !== 'idle' && i18n.t(`profile.outcome.${outcome}`)}
        </p>
      </details>
    </section>
  );
}
