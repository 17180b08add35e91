/**
 * What a supervisor sees instead of the field tabs: the office's own frame (no sync bar, no
 * patients on this device) under the shared header, with its sections (the escalation queue and
 * the Team table, the alerts with their open count on the tab), in the frame every online-only
 * console shares (components/OnlineConsole.tsx),
 * with "Lock": the queue shows patients' names.
 */
import { useEffect } from 'react';
import type { Session } from '../../../storage/meta';
import { OnlineConsole } from '../../components/OnlineConsole';
import { useI18n } from '../../i18n/I18n';
import { AlertsSection } from './alerts/AlertsSection';
import { ALERTS_TEXT } from './alerts/alertsText';
import { useAlertCount } from './alerts/useAlertCount';
import { AssignmentsSection } from './assignments/AssignmentsSection';
import { EscalationsSection } from './EscalationsSection';
import { OFFICE_TEXT, type OfficeSection } from './officeText';
import { prefetchCharts } from './reports/ChartFigure';
import { FunnelSection } from './reports/FunnelSection';
import { OverviewSection } from './reports/OverviewSection';
import { ReviewSection } from './review/ReviewSection';
import { TeamSection } from './TeamSection';

const SECTIONS: readonly OfficeSection[] = ['escalations', 'alerts', 'review', 'team', 'assignments', 'overview', 'funnel'];

function Section({ section, session, onAlertCount }: { section: OfficeSection; session: Pick<Session, 'user'>; onAlertCount: (open: number) => void }) {
  switch (section) {
    case 'escalations':
      return <EscalationsSection self={{ id: session.user.id, name: session.user.name }} />;
    case 'team':
      return <TeamSection />;
    case 'overview':
      return <OverviewSection />;
    case 'funnel':
      return <FunnelSection />;
    case 'alerts':
      return <AlertsSection onCount={onAlertCount} />;
    case 'review':
      return <ReviewSection />;
    case 'assignments':
      return <AssignmentsSection />;
  }
}

export function OfficeConsole({ session }: { session: Pick<Session, 'user'> }) {
  const { locale } = useI18n();
  const [alertCount, setAlertCount] = useAlertCount();
  const words = OFFICE_TEXT[locale];
  useEffect(prefetchCharts, []);
  // The Alerts tab carries the number of open alerts once it is known.
  const tabs = alertCount === null ? words : { ...words, section: { ...words.section, alerts: ALERTS_TEXT[locale].tab(words.section.alerts, alertCount) } };
  return (
    <OnlineConsole
      session={session}
      words={tabs}
      sections={SECTIONS}
      lockable
    >
      {(section) => <Section section={section} session={session} onAlertCount={setAlertCount} />}
    </OnlineConsole>
  );
}
