/** Words for the escalations a specialist raised and what the office did with them, in English and Spanish. */
import type { EscalationSeverity } from '../../../domain/contactNote';
import type { EscalationStatus } from '../../../domain/escalation';
import type { Locale } from '../../i18n/I18n';

const en = {
  title: 'Urgent escalations',
  status: { open: 'Waiting for the office', acknowledged: 'Acknowledged', resolved: 'Resolved' } satisfies Record<EscalationStatus, string>,
  severity: { urgent: 'Urgent', emergency: 'Emergency' } satisfies Record<EscalationSeverity, string>,
  raised: (when: string, who: string) => `Raised ${when} by ${who}`,
  acknowledged: (when: string, who: string) => `Acknowledged ${when} by ${who}`,
  assigned: (who: string) => `Followed up by ${who}`,
  resolved: (when: string, who: string) => `Resolved ${when} by ${who}`,
  resolution: 'What was done',
  waiting: "The office's answer arrives with the next sync.",
};

export type EscalationText = typeof en;

const es: EscalationText = {
  title: 'Escalaciones urgentes',
  status: { open: 'Esperando a la oficina', acknowledged: 'Confirmada', resolved: 'Resuelta' },
  severity: { urgent: 'Urgente', emergency: 'Emergencia' },
  raised: (when, who) => `Escalada el ${when} por ${who}`,
  acknowledged: (when, who) => `Confirmada el ${when} por ${who}`,
  assigned: (who) => `Seguimiento a cargo de ${who}`,
  resolved: (when, who) => `Resuelta el ${when} por ${who}`,
  resolution: 'Qué se hizo',
  waiting: 'La respuesta de la oficina llega con la próxima sincronización.',
};

export const ESCALATION_TEXT: Record<Locale, EscalationText> = { en, es };
