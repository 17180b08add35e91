/**
 * Settings of the organisation: idle minutes before the app locks, days an unused session
 * lives, minutes an escalation may wait for acknowledgement before the office sees it overdue.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { ESCALATION_ACK_MINUTES, LOCK_AFTER_MINUTES, SESSION_IDLE_DAYS } from '../../../protocol/admin';
import type { OrgSettings } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT } from './adminText';
import { AdminProblem, Loaded } from './AdminProblem';
import { useAdminAction, useAdminLoad } from './useAdminLoad';

export function SettingsSection() {
  const { worker } = useServices();
  const text = ADMIN_TEXT[useI18n().locale];
  const settings = useAdminLoad(useCallback(() => worker.adminGetSettings(), [worker]));
  return (
    <section aria-labelledby="admin-settings-title">
      <h1 id="admin-settings-title">{text.settingsTitle}</h1>
      <Loaded data={settings.data} onRetry={settings.reload}>
        {(current) => <SettingsForm current={current} />}
      </Loaded>
    </section>
  );
}

const wholeIn = (value: string, range: { min: number; max: number }): number | null => {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= range.min && n <= range.max ? n : null;
};

function SettingsForm({ current }: { current: OrgSettings }) {
  const { worker } = useServices();
  const text = ADMIN_TEXT[useI18n().locale];
  const id = useId();
  const [lock, setLock] = useState(String(current.lockAfterMinutes));
  const [idle, setIdle] = useState(String(current.sessionIdleDays));
  const [ack, setAck] = useState(String(current.escalationAckMinutes));
  const [saved, setSaved] = useState(false);
  const action = useAdminAction();
  const lockValue = wholeIn(lock, LOCK_AFTER_MINUTES);
  const idleValue = wholeIn(idle, SESSION_IDLE_DAYS);
  const ackValue = wholeIn(ack, ESCALATION_ACK_MINUTES);
  const [showProblems, setShowProblems] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setShowProblems(true);
    if (lockValue === null || idleValue === null || ackValue === null) return;
    const body = { lockAfterMinutes: lockValue, sessionIdleDays: idleValue, escalationAckMinutes: ackValue };
    if (await action.run(() => worker.adminUpdateSettings(body))) setSaved(true);
  }

  const lockBad = showProblems && lockValue === null;
  const idleBad = showProblems && idleValue === null;
  const ackBad = showProblems && ackValue === null;
  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-settings-title">
      <label className="field" htmlFor={`${id}-lock`}>
        {text.lockAfter}
        <input id={`${id}-lock`} type="number" inputMode="numeric" min={LOCK_AFTER_MINUTES.min} max={LOCK_AFTER_MINUTES.max} value={lock}
          aria-invalid={lockBad} aria-describedby={lockBad ? `${id}-lock-problem` : undefined} onChange={(e) => setLock(e.target.value)} />
      </label>
      {lockBad && <p id={`${id}-lock-problem`} role="alert" className="admin-problem">{text.lockRange}</p>}
      <label className="field" htmlFor={`${id}-idle`}>
        {text.sessionIdle}
        <input id={`${id}-idle`} type="number" inputMode="numeric" min={SESSION_IDLE_DAYS.min} max={SESSION_IDLE_DAYS.max} value={idle}
          aria-invalid={idleBad} aria-describedby={idleBad ? `${id}-idle-problem` : undefined} onChange={(e) => setIdle(e.target.value)} />
      </label>
      {idleBad && <p id={`${id}-idle-problem`} role="alert" className="admin-problem">{text.idleRange}</p>}
      <label className="field" htmlFor={`${id}-ack`}>
        {text.escalationAck}
        <input id={`${id}-ack`} type="number" inputMode="numeric" min={ESCALATION_ACK_MINUTES.min} max={ESCALATION_ACK_MINUTES.max} value={ack}
          aria-invalid={ackBad} aria-describedby={ackBad ? `${id}-ack-problem` : undefined} onChange={(e) => setAck(e.target.value)} />
      </label>
      {ackBad && <p id={`${id}-ack-problem`} role="alert" className="admin-problem">{text.escalationAckRange}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
      {saved && <p role="status" className="admin-notice">{text.settingsSaved}</p>}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {action.busy ? text.saving : text.save}
      </button>
    </form>
  );
}
