/** Adding a person: username, name, role, a first password, territories and supervisor. */
import { useId, useState, type FormEvent } from 'react';
import { ADMIN_PASSWORD_MIN } from '../../../protocol/admin';
import type { AdminUser } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { AdminProblem } from './AdminProblem';
import { useAdminAction } from './useAdminLoad';
import { UserFields, type TerritoryOption, type UserFieldValues } from './UserFields';

const USERNAME = /^[A-Za-z0-9._-]{3,}$/;

interface Props {
  readonly territories: readonly TerritoryOption[];
  readonly supervisors: readonly AdminUser[];
  readonly onCreated: (user: AdminUser) => void;
  readonly onCancel: () => void;
}

export function NewUserForm({ territories, supervisors, onCreated, onCancel }: Props) {
  const { worker } = useServices();
  const text = ADMIN_TEXT[useI18n().locale];
  const id = useId();
  const [username, setUsername] = useState('');
  const [fields, setFields] = useState<UserFieldValues>({ name: '', role: 'specialist', territoryIds: [], supervisorId: null });
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Say | null>(null);
  const action = useAdminAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { name, role, territoryIds, supervisorId } = fields;
    const issue: Say | null = !USERNAME.test(username.trim())
      ? (x) => x.usernameShape
      : name.trim() === ''
        ? (x) => x.required(x.fullName)
        : password.length < ADMIN_PASSWORD_MIN
          ? (x) => x.passwordShort
          : null;
    setProblem(() => issue);
    if (issue) return;
    const created = await action.run(() =>
      worker.adminCreateUser({ username: username.trim(), name: name.trim(), role, password, territoryIds: [...territoryIds], supervisorId: role === 'specialist' ? supervisorId : null }),
    );
    if (created) onCreated(created);
  }

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{text.addUser}</h2>
      <label className="field" htmlFor={`${id}-username`}>
        {text.username}
        <input id={`${id}-username`} autoComplete="off" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <UserFields
        idPrefix={id}
        value={fields}
        onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
        territories={territories}
        supervisors={supervisors}
        afterRole={
          <label className="field" htmlFor={`${id}-password`}>
            {text.initialPassword}
            <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
        }
      />
      {problem && <p role="alert" className="admin-problem">{problem(text)}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? text.saving : text.createUser}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
