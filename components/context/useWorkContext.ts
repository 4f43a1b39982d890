import { useCallback, useEffect, useState } from 'react';
import type { ActiveContextState } from '@/components/hooks/useActiveContext';
import { ProtocolError, sendRequest, type ProtocolErrorCode } from '@/lib/messaging/client';

// sendRequest throws only ProtocolErrors; anything else means no usable answer came back either.
const failureOf = (error: unknown): ProtocolErrorCode => (error instanceof ProtocolError ? error.code : 'disconnected');

/**
 * The unit and period the side panel works in: those `site` remembers when the panel sits beside a
 * portal tab, else the active ones. Asked again when the site changes and after `refresh` (a switch).
 * The shown context stays on screen while a new answer is awaited, so switching does not blink.
 */
export function useWorkContext(site: string | null): { state: ActiveContextState; refresh: () => void } {
  const [state, setState] = useState<ActiveContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    sendRequest('context.get', site === null ? {} : { site }).then(
      (context) => current && setState({ status: 'ready', context }),
      (error: unknown) => current && setState({ status: 'failed', failure: failureOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [site, attempt]);

  const refresh = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, refresh };
}
