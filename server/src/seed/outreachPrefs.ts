/**
 * What outreach keeps on a patient besides who they are: the best time to call, as a person
 * typed it (so in English, shown as is), and how far portal sign-up got. Knows nothing of the
 * rest of the record; draws from its own stream.
 */
import type { PortalStatus, PortalSteps } from '../../../src/domain/patient';
import type { Rng } from './random';

export interface CallFacts {
  readonly age: number;
  readonly resident: boolean;
}

const ANY_TIME: readonly string[] = [
  'Mornings before 11',
  'After 2 pm',
  'Weekends',
  'Weekday afternoons',
  'Not before 10 am',
  'Tuesdays and Thursdays',
  'Late morning, after the home aide leaves',
  'Around noon; naps after lunch',
];
/** Under 65 on Medicare through disability, often still working part time. */
const WORKING_AGE: readonly string[] = ['Evenings after 6; works days', 'Lunch break, 12-1', 'Weekends'];
/** Facility days run on a timetable: meals, therapy, then visitors. */
const RESIDENT: readonly string[] = ['After lunch, 1-3 pm', 'Mornings after 10, once care rounds are done'];

/** About 30% of patients have told someone when they are easiest to reach. */
export function bestTimeToCall(rng: Rng, facts: CallFacts): string | null {
  if (!rng.chance(0.3)) return null;
  if (facts.resident) return rng.pick(RESIDENT);
  return rng.pick(facts.age < 65 && rng.chance(0.6) ? WORKING_AGE : ANY_TIME);
}

/**
 * Steps agree with the status: an active account went through all three; an invitation needs
 * an email address first, and some invited patients have activated but not yet been taught
 * their first login.
 */
export function portalStepsFor(portal: PortalStatus, rng: Rng): PortalSteps {
  if (portal === 'active') return { emailCreated: true, accountActivated: true, firstLoginTaught: true };
  if (portal === 'invited') return { emailCreated: true, accountActivated: rng.chance(0.35), firstLoginTaught: false };
  return { emailCreated: false, accountActivated: false, firstLoginTaught: false };
}
