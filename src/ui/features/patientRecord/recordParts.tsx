/**
 * Small pieces every record editor shares: the "not yet synced" badge, the error line next
 * to a form, and the collapsible "Add …" form with its submit button. Knows nothing of any
 * particular record.
 */
import { useId, type ReactNode } from 'react';
import type { EditableKind } from '../../../storage/commands/records';
import { useRecordText } from './recordText';

const NO_KEYS: ReadonlySet<string> = new Set();

/** `pendingKeys` holds `${kind}:${id}` of records whose changes the server has not confirmed. */
export function isPending(pendingKeys: ReadonlySet<string> = NO_KEYS, kind: EditableKind, id: string): boolean {
  return pendingKeys.has(`${kind}:${id}`);
}

export function PendingBadge({ pending }: { pending: boolean }) {
  const tx = useRecordText();
  return pending ? <span className="badge badge--pending">{tx.notSynced}</span> : null;
}

export function FormError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="error record-error">
      {message}
    </p>
  );
}

export interface AddFormProps {
  /** Names the disclosure and the form, e.g. "Add contact". */
  readonly title: string;
  readonly error: string | null;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  /** Gets the error's id, for `aria-describedby` on the field the error is about. */
  readonly children: (errorId: string | undefined) => ReactNode;
}

/** Closed until asked for, so a long record stays short; validation is ours (`noValidate`). */
export function AddForm({ title, error, busy, onSubmit, children }: AddFormProps) {
  const tx = useRecordText();
  const errorId = useId();
  return (
    <details className="record-add">
      <summary className="button">{title}</summary>
      <form
        className="record-form"
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        {children(error ? errorId : undefined)}
        <FormError id={errorId} message={error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? tx.saving : tx.save}
        </button>
      </form>
    </details>
  );
}
