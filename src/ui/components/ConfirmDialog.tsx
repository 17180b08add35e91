/**
 * The app's one "are you sure?" dialog, in place of `window.confirm` (which cannot be styled,
 * translated in its buttons, or made large enough for gloved hands). A modal with a labelled
 * title and message: focus moves into it on opening (to Cancel, the choice that changes
 * nothing), Tab stays inside it, Escape cancels, and focus returns to whatever opened it.
 * Rendered into <body> so a dark header or a narrow card never restyles or clips it.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/I18n';

export interface ConfirmRequest {
  /** A short question, e.g. "Sign this note?". Names the dialog. */
  readonly title: string;
  /** What will happen, in a sentence or two. */
  readonly message: string;
  /** The verb on the button that goes ahead, e.g. "Sign note". */
  readonly confirmLabel: string;
  /** Red confirm button for actions that remove or discard something. */
  readonly danger?: boolean;
  /** The words on the button that goes back, when "Cancel" would be unclear ("Keep the draft"). */
  readonly cancelLabel?: string;
}

interface Props extends ConfirmRequest {
  readonly onAnswer: (confirmed: boolean) => void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger = false, cancelLabel, onAnswer }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const messageId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Whatever had focus opened the dialog; it gets focus back however the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onAnswer(false);
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const buttons = Array.from(dialog.current.querySelectorAll<HTMLButtonElement>('button'));
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="confirm-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        className="confirm-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {title}
        </h2>
        <p id={messageId}>{message}</p>
        <div className="confirm-dialog__actions">
          <button ref={cancel} type="button" className="button" onClick={() => onAnswer(false)}>
            {cancelLabel ?? t.confirmDialog.cancel}
          </button>
          <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} onClick={() => onAnswer(true)}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
