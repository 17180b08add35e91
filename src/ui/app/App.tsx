/**
 * Top of the UI: the device lock decides what shows. Signed out: sign-in. Just signed in: the
 * PIN is chosen. Locked: the lock screen, INSTEAD of the screens, so no decoded data stays on
 * screen or in the React tree. Unlocked: the signed-in shell, watching the session in the
 * device database, so a reload lands where the person left off (after the password).
 */
import { useEffect, useState } from 'react';
import { useSession } from '../data/hooks';
import { AdminConsole } from '../features/admin/AdminConsole';
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
  // Administrators keep no patients on the device: the console instead of the field tabs.
  return session.user.role === 'admin' ? <AdminConsole session={session} /> : <AppShell session={session} />;
}
