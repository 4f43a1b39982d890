import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import {
  MAX_MIN_NARRATIVE_LENGTH,
  isMinNarrativeLength,
  minNarrativeLengthOf,
  saveMinNarrativeLength,
} from '@/lib/db/repositories/narrativeMinimum';
import { DEFAULT_MIN_NARRATIVE_LENGTH } from '@/lib/hints';

/** Digits only: "1e2", "12.0" or "-0" are numbers to JavaScript but not what a person means here. */
function parseMinimum(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return isMinNarrativeLength(value) ? value : null;
}

/** The hints' one setting: the shortest narrative not marked "Narasi terlalu pendek". */
export function HintSettings() {
  const database = useDatabase();
  const headingId = useId();
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const stored = useLiveQuery(() => minNarrativeLengthOf(database), [database]);
  // What the user is typing; null shows the stored value (which may change in another page).
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);

  const text = draft ?? (stored === undefined ? '' : String(stored));
  const invalid = draft !== null && parseMinimum(draft) === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseMinimum(text);
    if (value === null) {
      input.current?.focus();
      return;
    }
    try {
      await saveMinNarrativeLength(database, value);
      setDraft(null);
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <section className="card hint-settings" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {i18n.t('hintsPanel.settings.heading')}
      </h2>
      <form className="hint-settings__form" noValidate onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>{i18n.t('hintsPanel.settings.minNarrativeLength')}</label>
        <input
          ref={input}
          id={inputId}
          type="text"
          inputMode="numeric"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${errorId} ${helpId}` : helpId}
          onChange={(event) => {
            setDraft(event.target.value);
            setOutcome(null);
          }}
        />
        <button type="submit" className="button">
          {i18n.t('hintsPanel.settings.save')}
        </button>
        {invalid && (
          <p id={errorId} className="hint-settings__error">
            {i18n.t('hintsPanel.settings.invalid', [MAX_MIN_NARRATIVE_LENGTH])}
          </p>
        )}
        <p id={helpId} className="muted hint-settings__help">
          {i18n.t('hintsPanel.settings.minNarrativeLengthHelp', [DEFAULT_MIN_NARRATIVE_LENGTH])}
        </p>
        <p role="status" className="hint-settings__status">
          {outcome && i18n.t(outcome === 'saved' ? 'hintsPanel.settings.saved' : 'hintsPanel.settings.failed')}
        </p>
      </form>
    </section>
  );
}
