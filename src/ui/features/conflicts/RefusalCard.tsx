/**
 * One change the server refused, as a person can act on it: whose record, which record in
 * words, what was refused and why in plain words, what was typed, and what to do about it
 * (open, copy, redo, set aside). The change itself is already undone on the device (S7a).
 */
import { useState } from 'react';
import type { EntityKind } from '../../../domain/entities';
import type { OpenedRefusal, RefusalCommandError } from '../../../storage/commands/refusals';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { hrefFor } from '../../app/useHashRoute';
import { CONFLICT_TEXT } from './conflictText';
import { fieldsInWords, recordInWords, valueInWords, type Formatters } from './recordWords';

/** The field a refusal's message names first (`text: ...`, `escalation.reason: ...`), if any. */
function fieldNamed(message: string | undefined): string | null {
  return /^([A-Za-z]+)[.:]/.exec(message ?? '')?.[1] ?? null;
}

/** What was typed, as text a person can copy: a note's words, or each changed field in words. */
export function typedText(refusal: OpenedRefusal, f: Formatters): string {
  const { row, values, record } = refusal;
  if (row.kind === 'note') {
    const note = { ...record, ...values } as { text?: unknown; escalation?: { reason?: unknown } | null };
    return [note.text, note.escalation?.reason].filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n\n');
  }
  return Object.entries(values)
    .filter(([field]) => field !== 'id' && field !== 'patientId')
    .map(([field, value]) => `${fieldsInWords([field], f)}: ${valueInWords(value, f)}`)
    .join('\n');
}

export function RefusalCard({ refusal, patientName }: { refusal: OpenedRefusal; patientName: string | null }) {
  const { locale, formatDateTime } = useI18n();
  const tx = CONFLICT_TEXT[locale];
  const { worker } = useServices();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { row, values, record } = refusal;
  const f: Formatters = { locale, formatDateTime };
  const kind = row.kind as EntityKind;
  const shown = { ...record, ...values };
  const typed = typedText(refusal, f);
  const what =
    row.op === 'create'
      ? tx.refusedWhat.create
      : kind === 'note' && values.status === 'signed'
        ? tx.refusedWhat.sign
        : tx.refusedWhat.change(fieldsInWords(Object.keys(values), f));
  const field = fieldNamed(row.message);
  const patientId = row.patientId ?? null;
  const openHref = patientId
    ? hrefFor(kind === 'note' ? { name: 'note', patientId, noteId: row.entityId } : { name: 'patient', id: patientId })
    : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typed);
      setNote(tx.copied);
    } catch {
      setNote(tx.copyFailed);
    }
  };
  const redo = async () => {
    setBusy(true);
    try {
      const res = await worker.redoRefusal(row.seq as number);
      if (!res.ok) return setNote(tx.redoFailed[res.code as RefusalCommandError]);
      if (res.opened) window.location.hash = hrefFor({ name: 'note', patientId: res.opened.patientId, noteId: res.opened.noteId });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card refusal">
      <h3>{patientName ? `${patientName} — ${recordInWords(kind, shown, f)}` : recordInWords(kind, shown, f)}</h3>
      <p>
        <strong>{what}</strong> · {tx.reason[row.reason] ?? tx.reason.invalid}
        {row.reason === 'invalid' && field ? ` ${tx.refusedField(fieldsInWords([field], f))}` : ''}
      </p>
      <p className="muted">{tx.refusedAt(formatDateTime(row.at))}</p>
      {typed !== '' && (
        <details>
          <summary>{tx.refusedTyped}</summary>
          <p className="refusal__typed">{typed}</p>
        </details>
      )}
      <div className="button-row">
        {openHref && patientName && (
          <a className="button" href={openHref}>
            {tx.open}
          </a>
        )}
        {typed !== '' && (
          <button type="button" className="button" onClick={() => void copy()}>
            {tx.copy}
          </button>
        )}
        {patientName && row.reason !== 'out_of_scope' && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void redo()}>
            {kind === 'note' ? tx.redoNote : tx.redo}
          </button>
        )}
        <button type="button" className="button" onClick={() => void worker.dismissRefusal(row.seq as number)}>
          {tx.dismiss}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </li>
  );
}
