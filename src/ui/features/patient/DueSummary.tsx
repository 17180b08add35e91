/** What is due for this patient, at the top of the record: follow-up date, open tasks, next appointment. */
import { localIsoDate } from '../../../domain/calendar';
import { isUpcoming } from '../../../domain/appointment';
import type { IsoDateTime } from '../../../domain/ids';
import type { Patient } from '../../../domain/patient';
import { dueStateOf } from '../../../domain/roster';
import type { PatientRecords } from '../../../storage/readRecords';
import { FOLLOW_UPS_TEXT } from '../followUps/followUpsText';
import { useTaskTitle } from '../followUps/taskTitle';
import { useI18n } from '../../i18n/I18n';

export function DueSummary({ patient, records }: { patient: Patient; records: PatientRecords }) {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const tf = FOLLOW_UPS_TEXT[locale];
  const titleOf = useTaskTitle();
  const today = localIsoDate(new Date());
  const now = new Date().toISOString() as IsoDateTime;
  const due = dueStateOf(patient.nextDueDate, today);
  const tasks = records.task.filter((x) => x.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const next = records.appointment.filter((a) => isUpcoming(a, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title">{t.nextDue}</h2>
      <p>
        <span className={`badge badge--${due}`}>{t.dueState[due]}</span> {patient.nextDueDate ? formatDate(patient.nextDueDate) : ''}
      </p>
      {next && (
        <p>
          <strong>{t.nextAppointment}:</strong> {formatDateTime(next.startsAt)} · {next.provider} · {t.appointmentMode[next.mode]}
        </p>
      )}
      {tasks.length > 0 && (
        <ul className="plain-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <strong>{tf.kind[task.kind]}</strong> · {titleOf(task)} · {formatDate(task.dueDate)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
