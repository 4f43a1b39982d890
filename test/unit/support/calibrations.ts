import { type Mock, vi } from 'vitest';
import type { Handler } from '@/lib/messaging/router';

type CalibrationRequestType = 'calibration.forPage' | 'calibration.save' | 'calibration.list' | 'calibration.remove';

/** Handlers for the calibration requests that answer with nothing taught, for router tests. */
export function calibrationHandlerStubs(): { [T in CalibrationRequestType]: Mock<Handler<T>> } {
  return {
    'calibration.forPage': vi.fn<Handler<'calibration.forPage'>>(async () => ({ patterns: [] })),
    'calibration.save': vi.fn<Handler<'calibration.save'>>(async () => ({ count: 1 })),
    'calibration.list': vi.fn<Handler<'calibration.list'>>(async () => ({ calibrations: [] })),
    'calibration.remove': vi.fn<Handler<'calibration.remove'>>(async () => ({ calibrations: [] })),
  };
}
