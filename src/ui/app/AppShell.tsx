/** The signed-in frame: header (AppHeader) with status and navigation; the routed screen below. */
import { useState } from 'react';
import { AppHeader } from '../components/AppHeader';
import { SyncStatusBar } from '../components/SyncStatusBar';
import { useConfirm } from '../components/useConfirm';
import { useServices } from '../data/AppServices';
import type { SessionView } from '../../worker/client';
import { CONFLICT_TEXT } from '../features/conflicts/conflictText';
import { ConflictsScreen } from '../features/conflicts/ConflictsScreen';
import { useOpenConflicts } from '../features/conflicts/useSyncInbox';
import { useDeviceId } from '../data/hooks';
import { FollowUpsScreen } from '../features/followUps/FollowUpsScreen';
import { FOLLOW_UPS_TEXT } from '../features/followUps/followUpsText';
import { NoteScreen } from '../features/note/NoteScreen';
import { ChangePasswordScreen } from '../features/password/ChangePasswordScreen';
import { PatientScreen } from '../features/patient/PatientScreen';
import { RosterScreen } from '../features/roster/RosterScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { TODAY_TEXT } from '../features/today/todayText';
import { useI18n } from '../i18n/I18n';
import { ScreenBoundary } from './ScreenBoundary';
import { hrefFor, useHashRoute, type Route } from './useHashRoute';
import { useSyncTriggers } from './useSyncTriggers';

function Screen({ route, session }: { route: Route; session: SessionView }) {
  const device = useDeviceId();
  switch (route.name) {
    case 'password':
      return <ChangePasswordScreen username={session.user.username} />;
    case 'conflicts':
      return <ConflictsScreen myDevice={device} />;
    case 'patient':
      return <PatientScreen id={route.id} />;
    case 'note':
      return <NoteScreen patientId={route.patientId} noteId={route.noteId} />;
    case 'followUps':
      return <FollowUpsScreen />;
    case 'today':
      return <TodayScreen />;
    case 'roster':
      return <RosterScreen />;
  }
}

export function AppShell({ session }: { session: SessionView }) {
  const { t, locale } = useI18n();
  const { worker } = useServices();
  const [route, navigate] = useHashRoute();
  const [signOutError, setSignOutError] = useState<number | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  // Signing out wipes the device. Unsent changes are counted first and "Sync now" offered; the
  // sign-out goes ahead only once nothing is left unsent, and a refusal is always said.
  async function signOut() {
    setSignOutError(null);
    let info = await worker.signOutInfo();
    if (info.unsynced > 0) {
      if (!(await confirm({ title: t.signOutUnsyncedTitle, message: t.signOutUnsynced(info.unsynced), confirmLabel: t.syncNow }))) return;
      await worker.syncNow();
      info = await worker.signOutInfo();
      if (info.unsynced > 0) {
        setSignOutError(info.unsynced);
        return;
      }
    }
    const refused = info.refused > 0 ? t.signOutRefused(info.refused) : '';
    if (!(await confirm({ title: t.signOutTitle, message: t.signOutConfirm + refused, confirmLabel: t.signOut, danger: true }))) return;
    const res = await worker.signOut();
    setSignOutError(res.ok ? null : res.pending);
  }
  const conflicts = useOpenConflicts();
  const { storageLow } = useSyncTriggers(worker);

  return (
    <>
      <AppHeader
        title={t.appName}
        user={session.user}
        onChangePassword={() => navigate({ name: 'password' })}
        onLock={() => void worker.lock()}
        onSignOut={() => void signOut()}
      >
        <SyncStatusBar />
        {storageLow && (
          <p role="alert" className="sync-status__error">
            {t.storageLow}
          </p>
        )}
        {signOutError !== null && (
          <p role="alert" className="sync-status__error">
            {t.signOutBlocked(signOutError)}
          </p>
        )}
        <nav className="app-nav" aria-label={t.mainNavigation}>
          <a href={hrefFor({ name: 'roster' })} aria-current={route.name === 'roster' ? 'page' : undefined}>
            {t.rosterTitle}
          </a>
          <a href={hrefFor({ name: 'followUps' })} aria-current={route.name === 'followUps' ? 'page' : undefined}>
            {FOLLOW_UPS_TEXT[locale].nav}
          </a>
          <a href={hrefFor({ name: 'today' })} aria-current={route.name === 'today' ? 'page' : undefined}>
            {TODAY_TEXT[locale].nav}
          </a>
          <a href={hrefFor({ name: 'conflicts' })} aria-current={route.name === 'conflicts' ? 'page' : undefined}>
            {CONFLICT_TEXT[locale].nav(conflicts.length)}
          </a>
        </nav>
      </AppHeader>
      <main id="main" tabIndex={-1}>
        <ScreenBoundary key={hrefFor(route)} screen={route.name}>
          <Screen route={route} session={session} />
        </ScreenBoundary>
      </main>
      {confirmDialog}
    </>
  );
}
