import { useCallback, useEffect, useState } from 'react';
import { ProtocolError, sendRequest, type ProtocolErrorCode } from '@/lib/messaging/client';
import type { ResultOf } from '@/lib/messaging/protocol';

export type ActiveContext = ResultOf<'context.get'>;

export type ActiveContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: ActiveContext }
  | { status: 'failed'; failure: ProtocolErrorCode };

// sendRequest throws only ProtocolErrors; anything else means no usable answer came back either.
const failureOf = (error: unknown): ProtocolErrorCode =>
  error instanceof ProtocolError ? error.code : 'disconnected';

/** The active unit and period from the background; `retry` asks again after a failure. */
export function useActiveContext(): { state: ActiveContextState; retry: () => void } {
  const [state, setState] = useState<ActiveContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    sendRequest('context.get', {}).then(
      (context) => current && setState({ status: 'ready', context }),
      (error: unknown) => current && setState({ status: 'failed', failure: failureOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { state, retry };
}
