/**
 * Users: everyone in the organisation with role, territories and account state; add a user;
 * edit one (UserEditor). Lists come from the server through the worker, never from the
 * device's database.
 */
import { useCallback, useState } from 'react';
import type { AdminUser } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useNow } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { Loaded } from './AdminProblem';
import { NewUserForm } from './NewUserForm';
import { UserEditor } from './UserEditor';
import { useAdminLoad } from './useAdminLoad';

export function UsersSection({ selfId }: { selfId: string }) {
  const { worker } = useServices();
  const { locale, t } = useI18n();
  const text = ADMIN_TEXT[locale];
  const users = useAdminLoad(useCallback(() => worker.adminListUsers(), [worker]));
  const territories = useAdminLoad(useCallback(() => worker.adminListTerritories(), [worker]));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Say | null>(null);
  const territoryOptions = territories.data.state === 'ready' ? territories.data.value.map(({ id, name }) => ({ id, name })) : [];

  const changed = (say: Say) => {
    setNotice(() => say);
    setAdding(false);
    setEditing(null);
    users.reload();
  };

  return (
    <section aria-labelledby="admin-users-title">
      <h1 id="admin-users-title">{text.usersTitle}</h1>
      {notice && <p role="status" className="admin-notice">{notice(text)}</p>}
      <Loaded data={users.data} onRetry={users.reload}>
        {(list) => {
          const supervisors = list.filter((u) => u.role === 'supervisor' && u.disabledAt === null);
          return (
            <>
              {adding ? (
                <NewUserForm
                  territories={territoryOptions}
                  supervisors={supervisors}
                  onCreated={(user) => changed((x) => x.userCreated(user.name))}
                  onCancel={() => setAdding(false)}
                />
              ) : (
                <button type="button" className="button button--primary" onClick={() => { setNotice(null); setAdding(true); }}>
                  {text.addUser}
                </button>
              )}
              <ul className="admin-list" aria-label={text.usersTitle}>
                {list.map((user) => (
                  <li key={user.id} className="card admin-item">
                    {editing === user.id ? (
                      <UserEditor
                        user={user}
                        isSelf={user.id === selfId}
                        territories={territoryOptions}
                        supervisors={supervisors.filter((s) => s.id !== user.id)}
                        onDone={changed}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <UserSummary user={user} roleName={t.role[user.role]} onEdit={() => { setNotice(null); setEditing(user.id); }} />
                    )}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function UserSummary({ user, roleName, onEdit }: { user: AdminUser; roleName: string; onEdit: () => void }) {
  const { locale, formatDateTime } = useI18n();
  const text = ADMIN_TEXT[locale];
  const now = useNow(60_000);
  const states = [
    user.disabledAt !== null ? text.disabled : null,
    user.lockedAt !== null ? text.locked : null,
    user.lockedAt === null && user.blockedUntil !== null && Date.parse(user.blockedUntil) > now.getTime() ? text.waiting(formatDateTime(user.blockedUntil)) : null,
  ].filter((s): s is string => s !== null);
  return (
    <div className="admin-item__row">
      <div>
        <h2 className="admin-item__title">{user.name}</h2>
        <p className="muted">
          {user.username} · {roleName} · {user.territories.length > 0 ? user.territories.map((t) => t.name).join(', ') : text.noTerritories}
        </p>
        <p className={states.length > 0 ? 'admin-badge admin-badge--warn' : 'admin-badge'}>{states.length > 0 ? states.join(' · ') : text.active}</p>
      </div>
      <button type="button" className="button" aria-label={text.edit(user.name)} onClick={onEdit}>
        {text.editButton}
      </button>
    </div>
  );
}
