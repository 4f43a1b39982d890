import { sendRequest } from '@/lib/messaging/client';
import type { Feature } from './features';
import { readRowState } from './row-state';

// Reports what the page shows in every recognised row to the background, which records it as
// the portal's state (ARCHITECTURE.md rule 10). Debounced: a burst of changes is one message.

const DELAY_MS = 400;

export const snapshot: Feature = {
  id: 'snapshot',
  init({ signal, onRows, currentRows }) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      timer = undefined;
      const rows = currentRows();
      if (rows.length === 0 || signal.aborted) return;
      sendRequest('portal.snapshot', { url: location.href, rows: rows.map(readRowState) }).catch((error) =>
        console.warn('[Asisten LKE] snapshot not stored', error),
      );
    };
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(send, DELAY_MS);
    };
    onRows(schedule);
    document.addEventListener('change', schedule, { capture: true, signal });
    signal.addEventListener('abort', () => clearTimeout(timer));
  },
};
