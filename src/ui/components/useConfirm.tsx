/**
 * Asking a person to confirm, as a promise: `if (!(await confirm({...}))) return;`. The hook
 * returns the function and the dialog element to render; a component owns its own dialog, so
 * no provider is needed. Every question is answered exactly once: a new question, or the
 * component going away, answers the open one with "no".
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';

export type Confirm = (request: ConfirmRequest) => Promise<boolean>;

interface Open {
  readonly request: ConfirmRequest;
  readonly resolve: (confirmed: boolean) => void;
}

export function useConfirm(): readonly [Confirm, ReactNode] {
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<Open | null>(null);

  const answer = useCallback((confirmed: boolean) => {
    const asked = current.current;
    current.current = null;
    setOpen(null);
    asked?.resolve(confirmed);
  }, []);

  const confirm = useCallback<Confirm>(
    (request) =>
      new Promise<boolean>((resolve) => {
        current.current?.resolve(false);
        const next = { request, resolve };
        current.current = next;
        setOpen(next);
      }),
    [],
  );

  useEffect(() => () => current.current?.resolve(false), []);

  const dialog = open ? <ConfirmDialog {...open.request} onAnswer={answer} /> : null;
  return [confirm, dialog] as const;
}
