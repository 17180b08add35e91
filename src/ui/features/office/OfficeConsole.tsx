/**
 * What a supervisor sees instead of the field tabs: the office's own frame (no sync bar, no
 * patients on this device) under the shared header, with its sections (the escalation queue and
 * the Team table), in the frame every online-only console shares (components/OnlineConsole.tsx),
 * with "Lock": the queue shows patients' names.
 */
import type { Session } from '../../../storage/meta';
import { OnlineConsole } from '../../components/OnlineConsole';
import { useI18n } from '../../i18n/I18n';
import { AssignmentsSection } from './assignments/AssignmentsSection';
import { EscalationsSection } from './EscalationsSection';
import { OFFICE_TEXT, type OfficeSection } from './officeText';
import { TeamSection } from './TeamSection';

const SECTIONS: readonly OfficeSection[] = ['escalations', 'team', 'assignments'];

function Section({ section, session }: { section: OfficeSection; session: Pick<Session, 'user'> }) {
  switch (section) {
    case 'escalations':
      return <EscalationsSection self={{ id: session.user.id, name: session.user.name }} />;
    case 'team':
      return <TeamSection />;
    case 'assignments':
      return <AssignmentsSection />;
  }
}

export function OfficeConsole({ session }: { session: Pick<Session, 'user'> }) {
  return (
    <OnlineConsole
      session={session}
      words={OFFICE_TEXT[useI18n().locale]}
      sections={SECTIONS}
      lockable
    >
      {(section) => <Section section={section} session={session} />}
    </OnlineConsole>
  );
}
