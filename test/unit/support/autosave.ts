import { type Mock, vi } from 'vitest';
import type { Handler } from '@/lib/messaging/router';

/** A handler for the autosave request that saves every edit, for router tests. */
export function autosaveHandlerStubs(): { 'autosave.record': Mock<Handler<'autosave.record'>> } {
  return {
    'autosave.record': vi.fn<Handler<'autosave.record'>>(async ({ edits }) => ({ saved: edits.length })),
  };
}
