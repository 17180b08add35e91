/**
 * Runs one write through the worker and tracks it for the button that started it: `busy`
 * while it runs (so a second tap cannot send it twice) and `failed` when it did not go
 * through, which the caller shows in its alert: storage threw (e.g. the device is out of
 * space) or the command answered `{ ok: false }` (e.g. the patient has left this device). A
 * refused write is never shown as saved.
 */
import { useCallback, useState } from 'react';
import { logFailure } from '../../components/logFailure';

/** A command's answer that says it wrote nothing. */
export function isRefusedWrite(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'ok' in result && (result as { ok: unknown }).ok === false;
}

export interface Write {
  readonly busy: boolean;
  readonly failed: boolean;
  /** Resolves true when the write went through. */
  run(task: () => Promise<unknown>): Promise<boolean>;
}

export function useWrite(): Write {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback(async (task: () => Promise<unknown>) => {
    setBusy(true);
    setFailed(false);
    try {
      if (isRefusedWrite(await task())) {
        setFailed(true);
        return false;
      }
      return true;
    } catch (err) {
      logFailure('write', err);
      setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}

/**
 * A value changed here before the live record catches up, so a checkbox or select saved on
 * change does not flick back while the write is on its way. The draft applies only while
 * `source` is the object it was made from; the next live read (with the write) replaces it.
 */
export function useDraft<T>(source: T): [value: T, setDraft: (value: T | null) => void] {
  const [draft, setDraftState] = useState<{ base: T; value: T } | null>(null);
  const value = draft && Object.is(draft.base, source) ? draft.value : source;
  const setDraft = useCallback((v: T | null) => setDraftState(v === null ? null : { base: source, value: v }), [source]);
  return [value, setDraft];
}
