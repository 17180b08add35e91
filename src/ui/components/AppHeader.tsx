/**
 * The signed-in header shared by the field app and the admin console: the skip link, the
 * app's title, who is signed in, the language, "Change password", the optional "Lock", and
 * "Sign out"; whatever the frame shows under that row (status, alerts, navigation) comes in as
 * children. What each action does is the frame's business.
 */
import type { ReactNode } from 'react';
import type { SessionView } from '../../worker/client';
import { useI18n } from '../i18n/I18n';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  readonly title: string;
  readonly user: Pick<SessionView['user'], 'name' | 'role'>;
  readonly onChangePassword: () => void;
  /** Locks the device now; without it, no "Lock" button. */
  readonly onLock?: () => void;
  readonly onSignOut: () => void;
  readonly children?: ReactNode;
}

export function AppHeader({ title, user, onChangePassword, onLock, onSignOut, children }: Props) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__row">
          <span className="app-header__title">{title}</span>
          <span className="muted">{t.signedInAs(user.name, t.role[user.role])}</span>
          <LanguageSwitch />
          <div className="app-header__actions">
            <button type="button" className="button" onClick={onChangePassword}>
              {t.changePassword}
            </button>
            {onLock && (
              <button type="button" className="button" onClick={onLock}>
                {t.lock.lockNow}
              </button>
            )}
            <button type="button" className="button" onClick={onSignOut}>
              {t.signOut}
            </button>
          </div>
        </div>
        {children}
      </header>
    </>
  );
}
