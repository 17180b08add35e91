/** Lock and session settings of the organisation: idle minutes before the app locks, days an unused session lives. */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { LOCK_AFTER_MINUTES, SESSION_IDLE_DAYS } from '../../../protocol/admin';
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
  const [saved, setSaved] = useState(false);
  const action = useAdminAction();
  const lockValue = wholeIn(lock, LOCK_AFTER_MINUTES);
  const idleValue = wholeIn(idle, SESSION_IDLE_DAYS);
  const [showProblems, setShowProblems] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setShowProblems(true);
    if (lockValue === null || idleValue === null) return;
    if (await action.run(() => worker.adminUpdateSettings({ lockAfterMinutes: lockValue, sessionIdleDays: idleValue }))) setSaved(true);
  }

  const lockBad = showProblems && lockValue === null;
  const idleBad = showProblems && idleValue === null;
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
      {action.failure && <AdminProblem failure={action.failure} />}
      {saved && <p role="status" className="admin-notice">{text.settingsSaved}</p>}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {action.busy ? text.saving : text.save}
      </button>
    </form>
  );
}
