/**
 * The patient's appointments, newest first, with what happened to each upcoming one
 * (confirmed, completed, no-show, cancelled) and adding a new one. A no-show or cancellation
 * asks first, because the worker turns it into a follow-up task for the specialist.
 */
import { useId, useState } from 'react';
import type { Appointment, AppointmentStatus } from '../../../domain/appointment';
import type { PatientId } from '../../../domain/ids';
import { useServices } from '../../data/AppServices';
import { useConfirm } from '../../components/useConfirm';
import { useI18n } from '../../i18n/I18n';
import { AddAppointmentForm } from './AddAppointmentForm';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { logFailure } from '../../components/logFailure';

export interface AppointmentsEditorProps {
  readonly patientId: PatientId;
  readonly appointments: readonly Appointment[];
  readonly pendingKeys?: ReadonlySet<string>;
}

/** What can still happen to an appointment in each open status. */
const NEXT: Partial<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  scheduled: ['confirmed', 'completed', 'no_show', 'cancelled'],
  confirmed: ['completed', 'no_show', 'cancelled'],
};

export function AppointmentsEditor({ patientId, appointments, pendingKeys }: AppointmentsEditorProps) {
  const { t } = useI18n();
  const tx = useRecordText();
  const titleId = useId();
  const [followUpAdded, setFollowUpAdded] = useState(false);
  const sorted = [...appointments].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.appointmentsTitle}</h2>
      {/* Always present, so screen readers announce the note when it appears. */}
      <p role="status" className="record-note">
        {followUpAdded ? tx.followUpAdded : ''}
      </p>
      {sorted.length === 0 && <p className="muted">{t.noAppointments}</p>}
      <ul className="plain-list">
        {sorted.map((a) => (
          <AppointmentRow
            key={a.id}
            appointment={a}
            pending={isPending(pendingKeys, 'appointment', a.id)}
            onFollowUp={() => setFollowUpAdded(true)}
          />
        ))}
      </ul>
      <AddAppointmentForm patientId={patientId} />
    </section>
  );
}

interface AppointmentRowProps {
  readonly appointment: Appointment;
  readonly pending: boolean;
  readonly onFollowUp: () => void;
}

function AppointmentRow({ appointment: a, pending, onFollowUp }: AppointmentRowProps) {
  const { t, formatDateTime } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = formatDateTime(a.startsAt);
  const [confirm, confirmDialog] = useConfirm();

  async function mark(status: AppointmentStatus) {
    const needsFollowUp = status === 'no_show' || status === 'cancelled';
    if (needsFollowUp && !(await confirm({ title: tx.confirmTitle[status], message: tx.confirmStatus[status], confirmLabel: tx.confirmStatusButton[status] })))
      return;
    setBusy(true);
    setError(null);
    try {
      const res = await worker.setAppointmentStatus(a.id, status);
      if (!res.ok) return setError(tx.statusError[res.code]);
      if (needsFollowUp) onFollowUp();
    } catch (err) {
      logFailure('appointment status', err);
      setError(tx.saveFailed);
    } finally {
      setBusy(false);
    }
  }

  const next = NEXT[a.status] ?? [];
  return (
    <li className="record-item">
      <div className="record-item__main">
        <strong>{when}</strong>
        <span>
          {a.provider}
          {a.reason ? ` · ${a.reason}` : ''} · {t.appointmentMode[a.mode]}
        </span>
        <span className={`badge badge--appt-${a.status}`}>{t.appointmentStatus[a.status]}</span>
        <PendingBadge pending={pending} />
      </div>
      {next.length > 0 && (
        <div role="group" className="record-actions" aria-label={`${when}, ${a.provider}`}>
          {next.map((s) => (
            <button key={s} type="button" className="button" disabled={busy} onClick={() => void mark(s)}>
              {t.appointmentStatus[s]}
            </button>
          ))}
        </div>
      )}
      <FormError message={error} />
      {confirmDialog}
    </li>
  );
}
