/**
 * What an administrator sees instead of the field tabs: their own frame (no sync bar, no
 * patients on this device) with the sections Users, Devices, Territories, Audit log and
 * Settings, in the frame every online-only console shares (components/OnlineConsole.tsx).
 */
import type { Session } from '../../../storage/meta';
import { OnlineConsole } from '../../components/OnlineConsole';
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
  return (
    <OnlineConsole
      session={session}
      words={ADMIN_TEXT[useI18n().locale]}
      sections={SECTIONS}
    >
      {(section) => <Section section={section} selfId={session.user.id} />}
    </OnlineConsole>
  );
}
