import { useCallback, useEffect, useRef, useState } from 'react';
import { type ProtocolErrorCode, ProtocolError, sendRequest } from '@/lib/messaging/client';
import type { Calibration } from '@/lib/portal/calibration';

export type TaughtPatterns =
  | { state: 'loading' }
  | { state: 'ready'; calibrations: readonly Calibration[] }
  | { state: 'failed'; failure: ProtocolErrorCode };

const failureOf = (error: unknown): ProtocolErrorCode => (error instanceof ProtocolError ? error.code : 'disconnected');

/** The row patterns taught with "Ajari halaman ini", and a way to forget one. */
export function useTaughtPatterns(): { patterns: TaughtPatterns; reload: () => void; remove: (c: Calibration) => void } {
  const [patterns, setPatterns] = useState<TaughtPatterns>({ state: 'loading' });
  // An answer that arrives after the panel closed (or a test ended) has nowhere to go.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const show = useCallback((answer: Promise<{ calibrations: Calibration[] }>) => {
    answer.then(
      ({ calibrations }) => mounted.current && setPatterns({ state: 'ready', calibrations }),
      (error: unknown) => mounted.current && setPatterns({ state: 'failed', failure: failureOf(error) }),
    );
  }, []);
  const reload = useCallback(() => show(sendRequest('calibration.list', {})), [show]);
  const remove = useCallback(
    (calibration: Calibration) => show(sendRequest('calibration.remove', { origin: calibration.origin, pathPattern: calibration.pathPattern })),
    [show],
  );
  useEffect(reload, [reload]);
  return { patterns, reload, remove };
}
