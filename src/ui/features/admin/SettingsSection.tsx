/**
 * Settings of the organisation: idle minutes before the app locks, days an unused session
 * lives, minutes an escalation may wait for acknowledgement before the office sees it overdue,
 * and the office's weekly targets and alert thresholds (docs/METRICS.md). One form; every
 * field is a whole number in its range, refused in words before anything is sent.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import {
  ALERT_CONTACT_DROP_PERCENT,
  ALERT_NO_SYNC_DAYS,
  ALERT_UNREACHED_DAYS,
  ESCALATION_ACK_MINUTES,
  LOCK_AFTER_MINUTES,
  SESSION_IDLE_DAYS,
  WEEKLY_CONTACT_TARGET,
  WEEKLY_VISIT_TARGET,
} from '../../../protocol/admin';
import type { OrgSettings } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type AdminText } from './adminText';
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

type Field = keyof OrgSettings;

interface FieldSpec {
  readonly field: Field;
  readonly range: { readonly min: number; readonly max: number };
  readonly label: (text: AdminText) => string;
  readonly problem: (text: AdminText) => string;
}

const LOCK_FIELDS: readonly FieldSpec[] = [
  { field: 'lockAfterMinutes', range: LOCK_AFTER_MINUTES, label: (t) => t.lockAfter, problem: (t) => t.lockRange },
  { field: 'sessionIdleDays', range: SESSION_IDLE_DAYS, label: (t) => t.sessionIdle, problem: (t) => t.idleRange },
  { field: 'escalationAckMinutes', range: ESCALATION_ACK_MINUTES, label: (t) => t.escalationAck, problem: (t) => t.escalationAckRange },
];

const OFFICE_FIELDS: readonly FieldSpec[] = [
  { field: 'weeklyContactTarget', range: WEEKLY_CONTACT_TARGET, label: (t) => t.weeklyContactTarget, problem: (t) => t.weeklyContactTargetRange },
  { field: 'weeklyVisitTarget', range: WEEKLY_VISIT_TARGET, label: (t) => t.weeklyVisitTarget, problem: (t) => t.weeklyVisitTargetRange },
  { field: 'alertNoSyncDays', range: ALERT_NO_SYNC_DAYS, label: (t) => t.alertNoSyncDays, problem: (t) => t.alertNoSyncDaysRange },
  { field: 'alertContactDropPercent', range: ALERT_CONTACT_DROP_PERCENT, label: (t) => t.alertContactDropPercent, problem: (t) => t.alertContactDropPercentRange },
  { field: 'alertUnreachedDays', range: ALERT_UNREACHED_DAYS, label: (t) => t.alertUnreachedDays, problem: (t) => t.alertUnreachedDaysRange },
];

const ALL_FIELDS = [...LOCK_FIELDS, ...OFFICE_FIELDS];

const wholeIn = (value: string, range: { min: number; max: number }): number | null => {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= range.min && n <= range.max ? n : null;
};

function SettingsForm({ current }: { current: OrgSettings }) {
  const { worker } = useServices();
  const text = ADMIN_TEXT[useI18n().locale];
  const id = useId();
  const [drafts, setDrafts] = useState<Record<Field, string>>(
    () => Object.fromEntries(ALL_FIELDS.map((f) => [f.field, String(current[f.field])])) as Record<Field, string>,
  );
  const [saved, setSaved] = useState(false);
  const action = useAdminAction();
  const values = Object.fromEntries(ALL_FIELDS.map((f) => [f.field, wholeIn(drafts[f.field], f.range)])) as Record<Field, number | null>;
  const [showProblems, setShowProblems] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setShowProblems(true);
    if (ALL_FIELDS.some((f) => values[f.field] === null)) return;
    const body = values as OrgSettings;
    if (await action.run(() => worker.adminUpdateSettings(body))) setSaved(true);
  }

  const input = ({ field, range, label, problem }: FieldSpec) => {
    const bad = showProblems && values[field] === null;
    const inputId = `${id}-${field}`;
    return (
      <div key={field}>
        <label className="field" htmlFor={inputId}>
          {label(text)}
          <input id={inputId} type="number" inputMode="numeric" min={range.min} max={range.max} value={drafts[field]}
            aria-invalid={bad} aria-describedby={bad ? `${inputId}-problem` : undefined}
            onChange={(e) => setDrafts((d) => ({ ...d, [field]: e.target.value }))} />
        </label>
        {bad && <p id={`${inputId}-problem`} role="alert" className="admin-problem">{problem(text)}</p>}
      </div>
    );
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-settings-title">
      {LOCK_FIELDS.map(input)}
      <fieldset>
        <legend>{text.officeSettings}</legend>
        {OFFICE_FIELDS.map(input)}
      </fieldset>
      {action.failure && <AdminProblem failure={action.failure} />}
      {saved && <p role="status" className="admin-notice">{text.settingsSaved}</p>}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {action.busy ? text.saving : text.save}
      </button>
    </form>
  );
}
