/**
 * Top of the UI: chooses between sign-in and the signed-in shell by watching the session in
 * the device database, so a reload (online or not) lands where the person left off.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../data/hooks';
import { AdminConsole } from '../features/admin/AdminConsole';
import { SignInScreen } from '../features/signIn/SignInScreen';
import { AppShell } from './AppShell';
import { registerServiceWorker } from './serviceWorker';
import { UpdatePrompt, type SwNotice } from './UpdatePrompt';

export function App({ serviceWorkerUrl }: { serviceWorkerUrl?: string }) {
  const session = useSession();
  const [notice, setNotice] = useState<SwNotice | null>(null);

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
      {session === undefined ? null : session === null ? (
        <SignInScreen />
      ) : session.user.role === 'admin' ? (
        // Administrators keep no patients on the device: the console instead of the field tabs.
        <AdminConsole session={session} />
      ) : (
        <AppShell session={session} />
      )}
    </>
  );
}
