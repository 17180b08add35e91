/**
 * Goals agreed with about 15% of patients, in the patient's own small steps, matched to their
 * conditions and setting: blood pressure goals for hypertensives, blood sugar for diabetics,
 * care-home routines for residents. Most are active; some already met.
 */
import type { GoalId } from '../../../src/domain/ids';
import type { Goal } from '../../../src/domain/supportSystem';
import type { DatedStream } from './calendar';
import { formatIsoDate } from './calendar';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';

const ANYONE: readonly string[] = [
  'Walk 15 minutes 5 days a week',
  'Bring all pill bottles to the next visit',
  'Get the flu shot before December',
  'Call the pharmacy for refills before the last pill',
];
const COMMUNITY: readonly string[] = ['Drink water instead of soda with meals', 'Go to the senior center lunch twice a week'];
const RESIDENT: readonly string[] = ['Join the chair exercise class twice a week', 'Walk to the dining room for lunch every day'];
const HYPERTENSIVE: readonly string[] = [
  'Take blood pressure pills every morning with breakfast',
  'Check blood pressure at home 3 times a week',
  'Cut back on salt: no canned soup or deli meat',
];
const DIABETIC: readonly string[] = [
  'Check blood sugar every morning before breakfast',
  'Keep the diabetic eye exam appointment this year',
  'Swap sweet drinks for water',
];
const PORTAL: readonly string[] = ['Send one message to the doctor through the portal'];

function choicesFor(d: PatientDraft): string[] {
  return [
    ...ANYONE,
    ...(d.resident ? RESIDENT : COMMUNITY),
    ...(d.hypertensive ? HYPERTENSIVE : []),
    ...(d.diabetic ? DIABETIC : []),
    ...(d.patient.portal === 'not_enrolled' ? [] : PORTAL),
  ];
}

export function buildGoals(ctx: DatedStream, d: PatientDraft): Goal[] {
  const { rng, today } = ctx;
  if (!rng.chance(0.15)) return [];
  const count = rng.chance(0.8) ? 1 : 2;
  const choices = choicesFor(d);
  const goals: Goal[] = [];
  for (let i = 0; i < count; i++) {
    const text = rng.pick(choices.filter((c) => !goals.some((g) => g.text === c)));
    const setOn = today - rng.int(7, 240);
    goals.push({
      id: `goal_${patientKey(d.index)}_${i + 1}` as GoalId,
      patientId: d.patient.id,
      text,
      status: rng.chance(0.25) ? 'met' : 'active',
      setOn: formatIsoDate(setOn),
      targetDate: rng.chance(0.6) ? formatIsoDate(setOn + rng.int(30, 120)) : null,
    });
  }
  return goals;
}
