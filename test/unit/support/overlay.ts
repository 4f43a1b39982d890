import { type Mock, vi } from 'vitest';
import type { Handler } from '@/lib/messaging/router';

/** A handler for the overlay request that knows nothing saved and no hints, for router tests. */
export function overlayHandlerStubs(): { 'overlay.forPage': Mock<Handler<'overlay.forPage'>> } {
  return {
    'overlay.forPage': vi.fn<Handler<'overlay.forPage'>>(async () => ({ periodId: 1, rows: [] })),
  };
}
