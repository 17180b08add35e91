/**
 * What a supervisor sees instead of the field tabs: the office's own frame (no sync bar, no
 * patients on this device) under the shared header, with its sections (the escalation queue and
 * the Team table; Overview joins the nav) and "Change password" in place of a section until one
 * is chosen. Everything here is fetched online through the worker; offline, it says so.
 */
import { useState } from 'react';
import type { Session } from '../../../storage/meta';
import { AppHeader } from '../../components/AppHeader';
import { useConfirm } from '../../components/useConfirm';
import { useServices } from '../../data/AppServices';
import { useOnline } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { ChangePasswordScreen } from '../password/ChangePasswordScreen';
import { EscalationsSection } from './EscalationsSection';
import { OFFICE_TEXT, type OfficeSection } from './officeText';
import { TeamSection } from './TeamSection';

const SECTIONS: readonly OfficeSection[] = ['escalations', 'team'];

function Section({ section, session }: { section: OfficeSection; session: Pick<Session, 'user'> }) {
  switch (section) {
    case 'escalations':
      return <EscalationsSection self={{ id: session.user.id, name: session.user.name }} />;
    case 'team':
      return <TeamSection />;
  }
}

export function OfficeConsole({ session }: { session: Pick<Session, 'user'> }) {
  const { t, locale } = useI18n();
  const text = OFFICE_TEXT[locale];
  const { worker } = useServices();
  const online = useOnline();
  const [section, setSection] = useState<OfficeSection | 'password'>('escalations');
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
        onLock={() => void worker.lock()}
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
          <Section key={section} section={section} session={session} />
        )}
      </main>
      {confirmDialog}
    </>
  );
}
