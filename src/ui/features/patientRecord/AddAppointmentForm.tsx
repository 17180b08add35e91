/**
 * Adding an appointment set up for the patient: provider (required), reason, date and time
 * (entered in the device's local time, stored as a UTC instant) and mode. It starts scheduled.
 */
import { useState } from 'react';
import { APPOINTMENT_MODES, type Appointment, type AppointmentMode } from '../../../domain/appointment';
import type { AppointmentId, PatientId } from '../../../domain/ids';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { fromLocalInput } from '../../components/localDateTime';
import { upcomingTimeIssue } from '../../../domain/withinReason';
import { nowIso } from './clock';
import { AddForm } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

type Problem = { field: 'provider' | 'when'; message: string };

export function AddAppointmentForm({ patientId }: { patientId: PatientId }) {
  const { t } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [provider, setProvider] = useState('');
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState('');
  const [mode, setMode] = useState<AppointmentMode>('in_person');
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit() {
    if (provider.trim() === '') return setProblem({ field: 'provider', message: tx.providerRequired });
    const startsAt = fromLocalInput(when);
    if (!startsAt) return setProblem({ field: 'when', message: tx.whenRequired });
    // The rule the server applies to a new appointment (protocol/withinReason.ts), on this clock.
    const now = nowIso();
    const issue = upcomingTimeIssue(startsAt, { earliest: now, latest: now });
    if (issue) return setProblem({ field: 'when', message: issue === 'in_past' ? tx.whenInPast : tx.whenTooFar });
    setProblem(null);
    const appointment: Appointment = {
      id: crypto.randomUUID() as AppointmentId,
      patientId,
      provider: provider.trim(),
      reason: reason.trim(),
      mode,
      startsAt,
      status: 'scheduled',
    };
    if (await run(() => worker.saveRecord('appointment', appointment))) {
      setProvider('');
      setReason('');
      setWhen('');
    }
  }

  const describe = (field: Problem['field'], errorId: string | undefined) => ({
    'aria-invalid': problem?.field === field,
    'aria-describedby': problem?.field === field ? errorId : undefined,
  });
  return (
    <AddForm
      title={tx.addAppointment}
      error={problem?.message ?? (failed ? tx.saveFailed : null)}
      busy={busy}
      onSubmit={() => void submit()}
    >
      {(errorId) => (
        <>
          <label className="field">
            {tx.providerLabel}
            <input value={provider} {...describe('provider', errorId)} onChange={(e) => setProvider(e.target.value)} />
          </label>
          <label className="field">
            {tx.reasonLabel}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="field">
            {tx.whenLabel}
            <input type="datetime-local" value={when} {...describe('when', errorId)} onChange={(e) => setWhen(e.target.value)} />
          </label>
          <label className="field">
            {tx.modeLabel}
            <select value={mode} onChange={(e) => setMode(e.target.value as AppointmentMode)}>
              {APPOINTMENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t.appointmentMode[m]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </AddForm>
  );
}
