/**
 * What an administrator sees instead of the field tabs: their own frame (no sync bar, no
 * patients on this device) with the sections Users, Devices, Territories, Audit log and
 * Settings. Everything here is fetched online through the worker; offline, it says so.
 */
import { useState } from 'react';
import type { Session } from '../../../storage/meta';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useConfirm } from '../../components/useConfirm';
import { useServices } from '../../data/AppServices';
import { useOnline } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type AdminSection } from './adminText';
import { AuditSection } from './AuditSection';
import { DevicesSection } from './DevicesSection';
import { SettingsSection } from './SettingsSection';
import { TerritoriesSection } from './TerritoriesSection';
import { UsersSection } from './UsersSection';

const SECTIONS: readonly AdminSection[] = ['users', 'devices', 'territories', 'audit', 'settings'];

function Section({ section, selfId }: { section: AdminSection; selfId: string }) {
  switch (section) {
    case 'users':
      return <UsersSection selfId={selfId} />;
    case 'devices':
      return <DevicesSection />;
    case 'territories':
      return <TerritoriesSection />;
    case 'audit':
      return <AuditSection />;
    case 'settings':
      return <SettingsSection />;
  }
}

export function AdminConsole({ session }: { session: Pick<Session, 'user'> }) {
  const { t, locale } = useI18n();
  const text = ADMIN_TEXT[locale];
  const { worker } = useServices();
  const online = useOnline();
  const [section, setSection] = useState<AdminSection>('users');
  const [confirm, confirmDialog] = useConfirm();

  async function signOut() {
    if (!(await confirm({ title: t.signOutTitle, message: t.signOutConfirm, confirmLabel: t.signOut, danger: true }))) return;
    await worker.signOut();
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__row">
          <span className="app-header__title">
            {t.appName} · {text.title}
          </span>
          <span className="muted">{t.signedInAs(session.user.name, t.role[session.user.role])}</span>
          <LanguageSwitch />
          <button type="button" className="button" onClick={() => void signOut()}>
            {t.signOut}
          </button>
        </div>
        {!online && (
          <p role="alert" className="sync-status__error">
            {text.needsConnection}
          </p>
        )}
        <nav className="app-nav admin-nav" aria-label={text.sectionsLabel}>
          {SECTIONS.map((s) => (
            <button key={s} type="button" aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
              {text.section[s]}
            </button>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="admin-main">
        <Section key={section} section={section} selfId={session.user.id} />
      </main>
      {confirmDialog}
    </>
  );
}
