/**
 * What an administrator sees instead of the field tabs: their own frame (no sync bar, no
 * patients on this device) with the sections Users, Devices, Territories, Audit log and
 * Settings, and "Change password" from the shared header (AppHeader). Everything here is
 * fetched online through the worker; offline, it says so.
 */
import { useState } from 'react';
import type { Session } from '../../../storage/meta';
import { AppHeader } from '../../components/AppHeader';
import { useConfirm } from '../../components/useConfirm';
import { useServices } from '../../data/AppServices';
import { useOnline } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { ChangePasswordScreen } from '../password/ChangePasswordScreen';
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
  // "Change password" (from the header) takes the place of a section until one is chosen.
  const [section, setSection] = useState<AdminSection | 'password'>('users');
  const [confirm, confirmDialog] = useConfirm();

  async function signOut() {
    if (!(await confirm({ title: t.signOutTitle, message: t.signOutConfirm, confirmLabel: t.signOut, danger: true }))) return;
    await worker.signOut();
  }

  return (
    <>
      <AppHeader
        title={`${t.appName} · ${text.title}`}
        user={session.user}
        onChangePassword={() => setSection('password')}
        onSignOut={() => void signOut()}
      >
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
      </AppHeader>
      <main id="main" tabIndex={-1} className="admin-main">
        {section === 'password' ? (
          <ChangePasswordScreen username={session.user.username} />
        ) : (
          <Section key={section} section={section} selfId={session.user.id} />
        )}
      </main>
      {confirmDialog}
    </>
  );
}
