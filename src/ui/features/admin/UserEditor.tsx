/**
 * Editing one person: name, role, territories and supervisor (saved together); disabling or
 * enabling the account, lifting a sign-in lockout, and setting a new password (each its own
 * action; disabling and resetting ask first). An administrator's own role and account state
 * cannot be changed here, as the server refuses it too.
 */
import { useId, useState, type FormEvent } from 'react';
import { ADMIN_PASSWORD_MIN, type UpdateUserRequest } from '../../../protocol/admin';
import type { AdminUser } from '../../../worker/client';
import { useConfirm } from '../../components/useConfirm';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { AdminProblem } from './AdminProblem';
import { useAdminAction } from './useAdminLoad';
import { UserFields, type TerritoryOption, type UserFieldValues } from './UserFields';

interface Props {
  readonly user: AdminUser;
  readonly isSelf: boolean;
  readonly territories: readonly TerritoryOption[];
  readonly supervisors: readonly AdminUser[];
  /** After a change the server accepted, with what to tell the administrator. */
  readonly onDone: (say: Say) => void;
  readonly onCancel: () => void;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function UserEditor({ user, isSelf, territories, supervisors, onDone, onCancel }: Props) {
  const { worker } = useServices();
  const text = ADMIN_TEXT[useI18n().locale];
  const id = useId();
  const [confirm, confirmDialog] = useConfirm();
  const [fields, setFields] = useState<UserFieldValues>(() => ({
    name: user.name,
    role: user.role,
    territoryIds: user.territories.map((t) => t.id),
    supervisorId: user.supervisorId,
  }));
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Say | null>(null);
  const action = useAdminAction();

  async function save(e: FormEvent) {
    e.preventDefault();
    const { name, role, territoryIds, supervisorId } = fields;
    if (name.trim() === '') return setProblem(() => (x: typeof text) => x.required(x.fullName));
    setProblem(null);
    const body: { -readonly [K in keyof UpdateUserRequest]: UpdateUserRequest[K] } = {};
    if (name.trim() !== user.name) body.name = name.trim();
    if (role !== user.role) body.role = role;
    if (!sameSet(territoryIds, user.territories.map((t) => t.id))) body.territoryIds = [...territoryIds];
    if (supervisorId !== user.supervisorId) body.supervisorId = supervisorId;
    if (Object.keys(body).length === 0) return onCancel();
    const saved = await action.run(() => worker.adminUpdateUser(user.id, body));
    if (saved) onDone((x) => x.saved);
  }

  async function setDisabled(disabled: boolean) {
    if (disabled && !(await confirm({ title: text.disableTitle(user.name), message: text.disableMessage, confirmLabel: text.disable, danger: true }))) return;
    const saved = await action.run(() => worker.adminUpdateUser(user.id, { disabled }));
    if (saved) onDone((x) => x.saved);
  }

  async function unlock() {
    const done = await action.run(() => worker.adminUnlockUser(user.id));
    if (done !== null) onDone((x) => x.unlocked(user.name));
  }

  async function resetPassword() {
    if (password.length < ADMIN_PASSWORD_MIN) return setProblem(() => (x: typeof text) => x.passwordShort);
    setProblem(null);
    if (!(await confirm({ title: text.resetTitle(user.name), message: text.resetMessage, confirmLabel: text.resetPassword, danger: true }))) return;
    const done = await action.run(() => worker.adminResetPassword(user.id, password));
    if (done) onDone((x) => x.passwordReset(user.name));
  }

  const locked = user.lockedAt !== null || user.blockedUntil !== null;
  return (
    <div className="admin-editor">
      <form onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`} noValidate>
        <h2 id={`${id}-title`}>{text.editTitle(user.name)}</h2>
        {isSelf && <p className="muted">{text.yourself}</p>}
        <UserFields
          idPrefix={id}
          value={fields}
          onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
          territories={territories}
          supervisors={supervisors}
          roleLocked={isSelf}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? text.saving : text.save}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {text.cancel}
          </button>
        </div>
      </form>
      <div className="admin-editor__actions">
        <label className="field" htmlFor={`${id}-password`}>
          {text.newPassword}
          <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="button" className="button" disabled={action.busy} onClick={() => void resetPassword()}>
            {text.resetPassword}
          </button>
          {locked && (
            <button type="button" className="button" disabled={action.busy} onClick={() => void unlock()}>
              {text.unlock}
            </button>
          )}
          {!isSelf &&
            (user.disabledAt === null ? (
              <button type="button" className="button button--danger" disabled={action.busy} onClick={() => void setDisabled(true)}>
                {text.disable}
              </button>
            ) : (
              <button type="button" className="button" disabled={action.busy} onClick={() => void setDisabled(false)}>
                {text.enable}
              </button>
            ))}
        </div>
      </div>
      {problem && <p role="alert" className="admin-problem">{problem(text)}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
      {confirmDialog}
    </div>
  );
}
