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
  /** The console's words: its name (after the app's), the offline notice, the nav's label and each section's name. */
  readonly words: {
    readonly title: string;
    readonly needsConnection: string;
    readonly sectionsLabel: string;
    readonly section: Readonly<Record<S, string>>;
  };
  readonly sections: readonly S[];
  /** Offer "Lock" in the header (a console that shows patients' data). */
  readonly lockable?: boolean;
  /** The section's screen; a new section mounts afresh. */
  readonly children: (section: S) => ReactNode;
}

export function OnlineConsole<S extends string>({ session, words, sections, lockable = false, children }: OnlineConsoleProps<S>) {
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
        title={`${t.appName} · ${words.title}`}
        user={session.user}
        onChangePassword={() => setSection('password')}
        {...(lockable ? { onLock: () => void worker.lock() } : {})}
        onSignOut={() => void signOut()}
      >
        {!online && (
          <p role="alert" className="sync-status__error">
            {words.needsConnection}
          </p>
        )}
        <nav className="app-nav admin-nav" aria-label={words.sectionsLabel}>
          {sections.map((s) => (
            <button key={s} type="button" aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
              {words.section[s]}
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
