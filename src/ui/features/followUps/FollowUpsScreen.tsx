/**
 * Due and overdue follow-ups across the territory: missed and cancelled appointments to chase,
 * calls promised in notes. Completing one opens a contact note prefilled from the task; the
 * task is done when that note is signed. Above them, the urgent escalations still open, and
 * those resolved in the last week, with what the office did (after the next sync).
 */
import { localIsoDate } from '../../../domain/calendar';
import { useMemo, useState } from 'react';
import { fullName } from '../../../domain/patient';
import { withOfficeDefaults } from '../../../domain/escalation';
import { EscalationList } from '../escalations/EscalationList';
import { taskDue, type Task } from '../../../domain/task';
import { hrefFor, useHashRoute } from '../../app/useHashRoute';
import { useServices } from '../../data/AppServices';
import { useTerritory } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { FOLLOW_UPS_TEXT } from './followUpsText';
import { useTaskTitle } from './taskTitle';

type Filter = 'overdue' | 'today' | 'all';
type Sort = 'due' | 'patient';

export function FollowUpsScreen() {
  const { locale, formatDate } = useI18n();
  const tx = FOLLOW_UPS_TEXT[locale];
  const titleOf = useTaskTitle();
  const territory = useTerritory();
  const { worker } = useServices();
  const [, navigate] = useHashRoute();
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<Sort>('due');
  const today = localIsoDate(new Date());

  const escalations = useMemo(() => {
    if (!territory) return { shown: [], names: new Map<string, string>() };
    const names = new Map(territory.patients.map((p) => [p.id as string, fullName(p)]));
    // Resolved ones stay a week, so the specialist sees the answer after the next sync.
    const since = new Date(`${today}T00:00:00`);
    since.setDate(since.getDate() - 7);
    const weekAgo = since.toISOString();
    const shown = territory.escalations
      .map((e) => withOfficeDefaults(e))
      .filter((e) => names.has(e.patientId) && (e.status !== 'resolved' || (e.resolvedAt ?? '') >= weekAgo));
    return { shown, names };
  }, [territory, today]);

  const rows = useMemo(() => {
    if (!territory) return [];
    const names = new Map(territory.patients.map((p) => [p.id as string, fullName(p)]));
    return territory.tasks
      .filter((task) => task.status === 'open' && names.has(task.patientId))
      .map((task) => ({ task, patient: names.get(task.patientId) ?? '', due: taskDue(task, today) }))
      .filter((r) => filter === 'all' || r.due === filter)
      .sort((a, b) =>
        sort === 'due'
          ? a.task.dueDate.localeCompare(b.task.dueDate) || a.patient.localeCompare(b.patient)
          : a.patient.localeCompare(b.patient) || a.task.dueDate.localeCompare(b.task.dueDate),
      );
  }, [territory, filter, sort, today]);

  async function complete(task: Task) {
    const res = await worker.startNote({
      patientId: task.patientId,
      mode: 'phone_call',
      fromTaskId: task.id,
      text: tx.prefill(tx.kind[task.kind], titleOf(task)),
    });
    if (res.ok) navigate({ name: 'note', patientId: task.patientId, noteId: res.note.id });
  }

  return (
    <section aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title">{tx.title}</h1>
      <EscalationList escalations={escalations.shown} patientNames={escalations.names} />
      <div className="filters">
        <fieldset className="choice">
          <legend>{tx.show}</legend>
          {(['overdue', 'today', 'all'] as const).map((f) => (
            <label key={f} className="check">
              <input type="radio" name="task-filter" checked={filter === f} onChange={() => setFilter(f)} />
              <span>{tx.filter[f]}</span>
            </label>
          ))}
        </fieldset>
        <label className="field field--inline">
          <span>{tx.sortBy}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="due">{tx.sort.due}</option>
            <option value="patient">{tx.sort.patient}</option>
          </select>
        </label>
      </div>
      <p className="muted" aria-live="polite">
        {tx.count(rows.length)}
      </p>
      {territory && rows.length === 0 && <p>{tx.none}</p>}
      <ul className="roster-list" aria-label={tx.title}>
        {rows.map(({ task, patient, due }) => (
          <li key={task.id} className="roster-item task-item">
            <a className="roster-item__link" href={hrefFor({ name: 'patient', id: task.patientId })}>
              <span className="roster-item__name">{patient}</span>
              <span className="roster-item__meta">
                <span>{tx.kind[task.kind]}</span>
                <span>{titleOf(task)}</span>
              </span>
              <span className="roster-item__badges">
                <span className={`badge badge--${due === 'overdue' ? 'overdue' : due === 'today' ? 'due_soon' : 'later'}`}>
                  {tx.due[due]} · {formatDate(task.dueDate)}
                </span>
              </span>
            </a>
            <button type="button" className="button" aria-label={tx.completeLabel(titleOf(task), patient)} onClick={() => void complete(task)}>
              {tx.complete}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
