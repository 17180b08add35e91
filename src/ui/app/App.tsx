/**
 * Top of the UI: the device lock decides what shows. Signed out: sign-in. Just signed in: the
 * PIN is chosen. Locked: the lock screen, INSTEAD of the screens, so no decoded data stays on
 * screen or in the React tree. Unlocked: the signed-in shell, watching the session in the
 * device database, so a reload lands where the person left off (after the password).
 */
import { useEffect, useState } from 'react';
import { useSession } from '../data/hooks';
import { AdminConsole } from '../features/admin/AdminConsole';
import { OfficeConsole } from '../features/office/OfficeConsole';
import { LockScreen } from '../features/lock/LockScreen';
import { PinSetup } from '../features/lock/PinSetup';
import { SignInScreen } from '../features/signIn/SignInScreen';
import { AppShell } from './AppShell';
import { registerServiceWorker } from './serviceWorker';
import { UpdatePrompt, type SwNotice } from './UpdatePrompt';
import { useInactivityLock } from './useInactivityLock';
import { useLockState } from './useLockState';

export function App({ serviceWorkerUrl }: { serviceWorkerUrl?: string }) {
  const lock = useLockState();
  const [notice, setNotice] = useState<SwNotice | null>(null);
  const unlocked = lock?.state === 'unlocked';
  useInactivityLock(unlocked, lock?.lockAfterMinutes ?? 5);

  useEffect(() => {
    if (!serviceWorkerUrl) return;
    registerServiceWorker(serviceWorkerUrl, {
      onOfflineReady: () => setNotice({ kind: 'offline_ready' }),
      onUpdateWaiting: (activate) => setNotice({ kind: 'update', activate }),
    });
  }, [serviceWorkerUrl]);

  return (
    <>
      <UpdatePrompt notice={notice} onDismiss={() => setNotice(null)} />
      {lock === null ? null : lock.state === 'signed_out' ? (
        <SignInScreen wiped={lock.wiped} />
      ) : lock.state === 'needs_pin' ? (
        <PinSetup />
      ) : lock.state === 'unlocked' ? (
        <Unlocked />
      ) : (
        <LockScreen lock={lock} />
      )}
    </>
  );
}

/** Mounted only while unlocked: the session is sealed and opens only then. */
function Unlocked() {
  const session = useSession();
  if (session === undefined) return null;
  if (session === null) return <SignInScreen />;
  // Administrators and supervisors keep no patients on the device: their own frame instead
  // of the field tabs.
  switch (session.user.role) {
    case 'admin':
      return <AdminConsole session={session} />;
    case 'supervisor':
      return <OfficeConsole session={session} />;
    default:
      return <AppShell session={session} />;
  }
}
