import { useCallback, useState } from 'react';
import { sendTabCommand } from '@/lib/messaging/client';
import type { TabCommand, TabCommandFailure } from '@/lib/messaging/protocol';

/** Commands that write into the portal or move on it; teaching has its own card. */
export type PortalCommand = Exclude<TabCommand, { type: 'calibration.start' }>;

/** The last write's outcome, for the status line under the button that started it. */
export type PortalWrite =
  | { state: 'idle' }
  | { state: 'working'; command: PortalCommand }
  | { state: 'done'; command: PortalCommand; readBack: string; undoable: boolean }
  | { state: 'failed'; command: PortalCommand; reason: TabCommandFailure | 'no_tab' | 'disconnected' };

export interface PortalWriter {
  write: PortalWrite;
  /** Call it from a click handler only: writing into the portal is the user's decision (rule 4). */
  send: (command: PortalCommand) => Promise<PortalWrite>;
}

/**
 * Sends write commands to the portal tab the panel works on (`tabId`: the tab whose badge was
 * clicked, else the active tab) and keeps the outcome of the last one.
 */
export function usePortalWriter(tabId: number | null): PortalWriter {
  const [write, setWrite] = useState<PortalWrite>({ state: 'idle' });
  const send = useCallback(
    async (command: PortalCommand): Promise<PortalWrite> => {
      let outcome: PortalWrite;
      if (tabId === null) {
        outcome = { state: 'failed', command, reason: 'no_tab' };
      } else {
        setWrite({ state: 'working', command });
        try {
          const reply = await sendTabCommand(tabId, command);
          outcome = reply.ok
            ? { state: 'done', command, readBack: reply.readBack, undoable: reply.undoable }
            : { state: 'failed', command, reason: reply.reason };
        } catch (error) {
          outcome = { state: 'failed', command, reason: 'disconnected' };
        }
      }
      setWrite(outcome);
      return outcome;
    },
    [tabId],
  );
  return { write, send };
}
