import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDatabase } from '@/components/DatabaseProvider';
import { activeDraftId, createDraft, listDrafts, setActiveDraft, updateDraftText } from '@/lib/db/repositories/drafts';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Draft } from '@/lib/db/schema';
import { forgetUnsaved, keepUnsaved, saveLeftovers, trackSave } from './unsavedText';

/** Long enough to save once per pause in typing, short enough that little waits unsaved. */
export const SAVE_DELAY_MS = 800;

/** `full`: the browser's storage is full (QuotaExceededError); the text waits in localStorage. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'full';

/** Dexie passes IndexedDB's QuotaExceededError on by name, or wrapped as the inner error of an abort. */
function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown } | null)?.name);
  return names.includes('QuotaExceededError');
}

export interface DraftEditor {
  /** Undefined while loading: typing before the active draft is known would start another draft. */
  drafts: Stored<Draft>[] | undefined;
  active: Stored<Draft> | null;
  text: string;
  saveState: SaveState;
  edit: (text: string) => void;
  /** Saves what is typed now; resolves when every save queued so far is written. */
  flush: () => Promise<void>;
  /** Makes another draft the active one, after saving the current text into its own draft. */
  choose: (draftId: number) => Promise<void>;
}

/** Text typed but not yet handed to the database, and the draft it belongs to (null: none yet). */
interface Pending {
  draftId: number | null;
  text: string;
}

/**
 * The narrative editor's text for one indicator, saved as the user types: debounced, and flushed on
 * demand (blur), when the page is hidden or closed, and on unmount; every keystroke is also copied
 * synchronously (unsavedText.ts), so closing the panel loses nothing even when the page ends
 * before the database write. Saves run one after another; typing with no draft yet creates one
 * named `newDraftName`.
 * The stored text replaces the shown one only when nothing typed is waiting, so a template put in
 * from elsewhere shows up while the user's own keystrokes are never overwritten.
 */
export function useDraftEditor(periodId: number, code: string, newDraftName: string): DraftEditor {
  const db = useDatabase();
  const drafts = useLiveQuery(() => listDrafts(db, periodId, code), [db, periodId, code]);
  const activeId = useLiveQuery(() => activeDraftId(db, periodId, code), [db, periodId, code]);
  // Text left by a panel closed mid-save is saved before this editor shows anything.
  const [recovered, setRecovered] = useState(false);
  useEffect(() => {
    void saveLeftovers(db, localStorage, new Date()).finally(() => setRecovered(true));
  }, [db]);
  const active = drafts?.find((draft) => draft.id === activeId) ?? null;

  const [text, setText] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const pending = useRef<Pending | null>(null);
  const inFlight = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The draft created by the first save, for saves queued before the live query shows it.
  const created = useRef<number | null>(null);

  const persist = useCallback(
    async ({ draftId, text: value }: Pending) => {
      const target = draftId ?? created.current;
      if (target !== null) {
        await updateDraftText(db, target, value, new Date());
        return;
      }
      const draft = await createDraft(db, { periodId, code, name: newDraftName, text: value }, new Date());
      created.current = draft.id;
      await setActiveDraft(db, draft.id);
    },
    [db, periodId, code, newDraftName],
  );

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const entry = pending.current;
    if (entry) {
      pending.current = null;
      inFlight.current++;
      setSaveState('saving');
      queue.current = queue.current
        .then(() => persist(entry))
        .then(
          () => {
            forgetUnsaved(localStorage, periodId, code, entry.text);
            setSaveState(pending.current ? 'unsaved' : 'saved');
          },
          (error: unknown) => {
            // Kept for the next flush unless newer text is already waiting.
            pending.current ??= entry;
            setSaveState(isQuotaError(error) ? 'full' : 'failed');
          },
        )
        .finally(() => inFlight.current--);
      trackSave(queue.current);
    }
    return queue.current;
  }, [persist, periodId, code]);

  const edit = useCallback(
    (value: string) => {
      setText(value);
      pending.current = { draftId: active?.id ?? null, text: value };
      keepUnsaved(localStorage, { periodId, code, draftId: active?.id ?? created.current, draftName: newDraftName, text: value });
      setSaveState('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [active?.id, flush, periodId, code, newDraftName],
  );

  const choose = useCallback(
    async (draftId: number) => {
      await flush();
      await setActiveDraft(db, draftId);
    },
    [db, flush],
  );

  // Adopt the stored text of the active draft when nothing typed is waiting for it.
  const storedText = active?.text ?? '';
  const storedId = active?.id ?? null;
  useEffect(() => {
    const entry = pending.current;
    if (entry && (entry.draftId ?? created.current) === storedId) return;
    if (entry) void flush();
    if (inFlight.current === 0 || entry) setText(storedText);
  }, [storedId, storedText, flush]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  const loading = !recovered || activeId === undefined;
  return { drafts: loading ? undefined : drafts, active, text, saveState, edit, flush, choose };
}
