/** A fresh activity of each kind, as it appears when a person taps "add". */
import type { Activity, ActivityKind } from '../../../domain/contactNote';
import type { CareGap } from '../../../domain/careGap';
import { QUESTIONNAIRES } from '../../../domain/questionnaires';

export function newActivity(kind: ActivityKind, gaps: readonly CareGap[]): Activity | null {
  switch (kind) {
    case 'education':
      return { kind, topic: '', materialGiven: false, teachBack: null };
    case 'portal_help':
      return { kind, steps: [] };
    case 'rpm':
      return { kind, device: 'bp_cuff', action: 'setup' };
    case 'questionnaire':
      return { kind, questionnaireId: QUESTIONNAIRES[0]?.id ?? 'hra', responseId: null };
    case 'appointment':
      return { kind, action: 'set', provider: '', reason: '', startsAt: null, mode: 'in_person', appointmentId: null };
    case 'referral':
      return { kind, to: 'community_health_worker', reason: '' };
    case 'barrier':
      return { kind, action: 'found', barrier: 'transport', barrierId: null, detail: '' };
    case 'goal':
      return { kind, action: 'set', text: '', goalId: null };
    case 'care_gap': {
      const gap = gaps.find((g) => g.status === 'open' || g.status === 'scheduled') ?? gaps[0];
      return gap ? { kind, gapId: gap.id, measure: gap.measure, action: 'discussed' } : null;
    }
  }
}
