import { useCallback, useState } from 'react';

/**
 * The message of the last action for a role="status" line: what the action returns when it
 * succeeds, `failure` when it throws (a refused write must not pass silently).
 */
export function useOutcome(failure: string): [outcome: string, run: (action: () => Promise<string>) => Promise<void>] {
  const [outcome, setOutcome] = useState('');
  const run = useCallback(
    async (action: () => Promise<string>) => {
      try {
        setOutcome(await action());
      } catch {
        setOutcome(failure);
      }
    },
    [failure],
  );
  return [outcome, run];
}
