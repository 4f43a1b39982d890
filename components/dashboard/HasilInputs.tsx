import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { saveAnswer } from '@/lib/db/repositories/answers';
import type { Answers } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { parseIndex } from '@/lib/lke/values';
import { useDatabase } from '../DatabaseProvider';

const IPAK = 'B.I.a';
const CAPAIAN = 'B.I.b';
const IPKP = 'B.II.a';
const CODES = [IPAK, CAPAIAN, IPKP] as const;
type HasilCode = (typeof CODES)[number];

type Values = Record<HasilCode, string>;

const valuesOf = (answers: Answers): Values => ({
  [IPAK]: answers.get(IPAK) ?? '',
  [CAPAIAN]: answers.get(CAPAIAN) ?? '',
  [IPKP]: answers.get(IPKP) ?? '',
});

type Status = { state: 'idle' } | { state: 'saved' } | { state: 'invalid'; codes: HasilCode[] } | { state: 'failed' };

export interface HasilInputsProps {
  periodId: number | null;
  answers: Answers;
}

/**
 * The Hasil inputs no LKE page question covers in practice: the survey indices (IPAK, IPKP, 0–4)
 * and the capaian kinerja option. Saved as the user's answers, so they count like any other.
 */
export function HasilInputs({ periodId, answers }: HasilInputsProps) {
  const database = useDatabase();
  const stored = valuesOf(answers);
  const [values, setValues] = useState<Values>(stored);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const storedKey = CODES.map((code) => stored[code]).join('\u0000');
  const [shownKey, setShownKey] = useState(storedKey);
  // A value stored meanwhile (from the portal, another page) replaces what is shown.
  if (shownKey !== storedKey) {
    setShownKey(storedKey);
    setValues(stored);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (periodId === null) return;
    const invalid = ([IPAK, IPKP] as const).filter((code) => values[code].trim() !== '' && parseIndex(values[code]) === null);
    if (invalid.length > 0) {
      setStatus({ state: 'invalid', codes: invalid });
      return;
    }
    try {
      const now = new Date();
      for (const code of CODES) {
        const value = values[code].trim() === '' ? null : values[code].trim();
        if (value !== (answers.get(code) ?? null)) await saveAnswer(database, { periodId, code, value, source: 'user' }, now);
      }
      setStatus({ state: 'saved' });
    } catch {
      setStatus({ state: 'failed' });
    }
  };

  const set = (code: HasilCode, value: string) => {
    setValues((current) => ({ ...current, [code]: value }));
    setStatus({ state: 'idle' });
  };
  const capaian = LKE.byCode.get(CAPAIAN)!;

  return (
    <section className="card hasil" aria-labelledby="hasil-heading">
      <h2 id="hasil-heading">{i18n.t('dashboard.hasil.heading')}</h2>
      <p className="muted">{i18n.t('dashboard.hasil.intro')}</p>
      <form onSubmit={submit} className="hasil__form">
        {([IPAK, IPKP] as const).map((code) => (
          <label key={code} className="field">
            <span>{i18n.t(`dashboard.hasil.${code === IPAK ? 'ipak' : 'ipkp'}`)}</span>
            <input
              type="text"
              inputMode="decimal"
              name={code}
              value={values[code]}
              placeholder={i18n.t('dashboard.hasil.indexPlaceholder')}
              aria-invalid={status.state === 'invalid' && status.codes.includes(code)}
              onChange={(event) => set(code, event.target.value)}
            />
          </label>
        ))}
        <label className="field field--wide">
          <span>{i18n.t('dashboard.hasil.capaian')}</span>
          <select name={CAPAIAN} value={values[CAPAIAN]} onChange={(event) => set(CAPAIAN, event.target.value)}>
            <option value="">{i18n.t('dashboard.hasil.notFilled')}</option>
            {capaian.options.map((option) => (
              <option key={option.key} value={option.key}>
                {option.key}: {option.label}
              </option>
            ))}
          </select>
        </label>
        <div className="hasil__actions">
          <button type="submit" disabled={periodId === null}>
            {i18n.t('dashboard.hasil.save')}
          </button>
          <p role="status" className={`status status--${status.state}`}>
            {status.state === 'saved' && i18n.t('dashboard.hasil.saved')}
            {status.state === 'invalid' && i18n.t('dashboard.hasil.invalid')}
            {status.state === 'failed' && i18n.t('dashboard.hasil.failed')}
          </p>
        </div>
      </form>
    </section>
  );
}
