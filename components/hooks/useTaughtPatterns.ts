import { useCallback, useEffect, useState } from 'react';
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
  const reload = useCallback(() => {
    sendRequest('calibration.list', {})
      .then(({ calibrations }) => setPatterns({ state: 'ready', calibrations }))
      .catch((error: unknown) => setPatterns({ state: 'failed', failure: failureOf(error) }));
  }, []);
  const remove = useCallback((calibration: Calibration) => {
    sendRequest('calibration.remove', { origin: calibration.origin, pathPattern: calibration.pathPattern })
      .then(({ calibrations }) => setPatterns({ state: 'ready', calibrations }))
      .catch((error: unknown) => setPatterns({ state: 'failed', failure: failureOf(error) }));
  }, []);
  useEffect(reload, [reload]);
  return { patterns, reload, remove };
}
