/** The signed-in frame: header with status, language and sign-out; the routed screen below. */
import type { Session } from '../../storage/meta';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SyncStatusBar } from '../components/SyncStatusBar';
import { useServices } from '../data/AppServices';
import { PatientScreen } from '../features/patient/PatientScreen';
import { RosterScreen } from '../features/roster/RosterScreen';
import { useI18n } from '../i18n/I18n';
import { useHashRoute } from './useHashRoute';

export function AppShell({ session }: { session: Session }) {
  const { t } = useI18n();
  const { worker } = useServices();
  const [route] = useHashRoute();

  async function signOut() {
    if (window.confirm(t.signOutConfirm)) await worker.signOut();
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__row">
          <span className="app-header__title">{t.appName}</span>
          <span className="muted">{t.signedInAs(session.user.name, t.role[session.user.role])}</span>
          <LanguageSwitch />
          <button type="button" className="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
        <SyncStatusBar />
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'patient' ? <PatientScreen id={route.id} /> : <RosterScreen />}
      </main>
    </>
  );
}
