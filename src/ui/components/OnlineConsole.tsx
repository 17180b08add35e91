/**
 * The frame of an online-only console (the admin console, the office): the shared header with
 * the console's title, an "offline" notice (everything is fetched online through the worker),
 * its section nav, and "Change password" in place of a section until one is chosen. No sync
 * bar and no patients on the device.
 */
import { Fragment, useState, type ReactNode } from 'react';
import type { Session } from '../../storage/meta';
import { useServices } from '../data/AppServices';
import { useOnline } from '../data/hooks';
import { useI18n } from '../i18n/I18n';
import { ChangePasswordScreen } from '../features/password/ChangePasswordScreen';
import { AppHeader } from './AppHeader';
import { useConfirm } from './useConfirm';

export interface OnlineConsoleProps<S extends string> {
  readonly session: Pick<Session, 'user'>;
  /** The console's name, after the app's. */
  readonly title: string;
  readonly needsConnection: string;
  readonly sectionsLabel: string;
  readonly sections: readonly S[];
  readonly sectionName: (section: S) => string;
  /** Offer "Lock" in the header (a console that shows patients' data). */
  readonly lockable?: boolean;
  /** The section's screen; a new section mounts afresh. */
  readonly children: (section: S) => ReactNode;
}

export function OnlineConsole<S extends string>({ session, title, needsConnection, sectionsLabel, sections, sectionName, lockable = false, children }: OnlineConsoleProps<S>) {
  const { t } = useI18n();
  const { worker } = useServices();
  const online = useOnline();
  const [section, setSection] = useState<S | 'password'>(sections[0] as S);
  const [confirm, confirmDialog] = useConfirm();

  async function signOut() {
    if (!(await confirm({ title: t.signOutTitle, message: t.signOutConfirm, confirmLabel: t.signOut, danger: true }))) return;
    await worker.signOut();
  }

  return (
    <>
      <AppHeader
        title={`${t.appName} · ${title}`}
        user={session.user}
        onChangePassword={() => setSection('password')}
        {...(lockable ? { onLock: () => void worker.lock() } : {})}
        onSignOut={() => void signOut()}
      >
        {!online && (
          <p role="alert" className="sync-status__error">
            {needsConnection}
          </p>
        )}
        <nav className="app-nav admin-nav" aria-label={sectionsLabel}>
          {sections.map((s) => (
            <button key={s} type="button" aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
              {sectionName(s)}
            </button>
          ))}
        </nav>
      </AppHeader>
      <main id="main" tabIndex={-1} className="admin-main">
        {section === 'password' ? <ChangePasswordScreen username={session.user.username} /> : <Fragment key={section}>{children(section)}</Fragment>}
      </main>
      {confirmDialog}
    </>
  );
}
