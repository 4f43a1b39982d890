import { useCallback, useState } from 'react';
import { periodErrorText } from './periodErrors';

export type ChangeOutcome = { state: 'idle' } | { state: 'working' } | { state: 'done'; message: string } | { state: 'failed'; message: string };

/** Runs a change and, when it succeeded, shows `describe(result)`; resolves to whether it succeeded. */
export type RunChange = <T>(change: () => Promise<T>, describe: (result: T) => string) => Promise<boolean>;

/**
 * Runs one unit/period change at a time and says how it went: `run` takes the change and the
 * message for its success; a refusal shows the reason, and nothing was written (one transaction).
 */
export function useContextChange(onChanged: () => void): { outcome: ChangeOutcome; run: RunChange } {
  const [outcome, setOutcome] = useState<ChangeOutcome>({ state: 'idle' });
  const run = useCallback(
    async <T>(change: () => Promise<T>, describe: (result: T) => string): Promise<boolean> => {
      setOutcome({ state: 'working' });
      try {
        const result = await change();
        setOutcome({ state: 'done', message: describe(result) });
        onChanged();
        return true;
      } catch (error) {
        setOutcome({ state: 'failed', message: periodErrorText(error) });
        return false;
      }
    },
    [onChanged],
  );
  return { outcome, run };
}
