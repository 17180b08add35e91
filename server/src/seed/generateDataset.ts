/**
 * The demo dataset: one organisation in Greater Boston, its territories, users, facilities,
 * patients with their contact points and caregivers, care gaps, appointments, barriers, goals,
 * monitoring devices and open tasks, all derived from `options` alone. The same options
 * always give a deep-equal dataset; no clock or Math.random is read anywhere in the seed code.
 * Each concern draws from its own seeded stream (random.ts), so tuning one module's draws
 * does not reshuffle the others.
 */
import type { Appointment } from '../../../src/domain/appointment';
import type { CareGap } from '../../../src/domain/careGap';
import type { IsoDate } from '../../../src/domain/ids';
import type { ContactPoint, Patient } from '../../../src/domain/patient';
import type { Barrier, Caregiver, Goal, RpmDevice } from '../../../src/domain/supportSystem';
import type { Task } from '../../../src/domain/task';
import type { Territory } from '../../../src/domain/user';
import { buildAppointments } from './appointments';
import { buildBarriers } from './barriers';
import { parseIsoDate } from './calendar';
import { buildCareGaps } from './careGaps';
import type { Dataset, GenerateOptions, SeedUser } from './dataset';
import { buildFacilities } from './facilities';
import { buildGoals } from './goals';
import { ORG, buildTerritories, buildUsers } from './organisation';
import { createNameSource } from './people';
import type { PatientContext } from './patients';
import { buildPatient } from './patients';
import { deriveSeed, streamFor } from './random';
import { buildRpmDevices } from './rpmDevices';
import { buildTasks } from './tasks';
import { TERRITORY_PLANS } from './towns';

/** The demo's seed and sizes; `today` comes from whoever runs the seeder. */
export const DEMO_OPTIONS = {
  seed: 20261122,
  patientsPerTerritory: [220, 200, 200],
} as const satisfies Omit<GenerateOptions, 'today'>;

export function demoOptions(today: IsoDate): GenerateOptions {
  return { ...DEMO_OPTIONS, today };
}

function validate(options: GenerateOptions): void {
  const counts = options.patientsPerTerritory;
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number');
  if (counts.length < 1 || counts.length > TERRITORY_PLANS.length) {
    throw new RangeError(`patientsPerTerritory needs 1 to ${TERRITORY_PLANS.length} entries, got ${counts.length}`);
  }
  for (const n of counts) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`patient counts must be non-negative integers, got ${n}`);
  }
}

/** The territory's specialist (the first, when several share it) owns its tasks. */
function specialistOf(territory: Territory, users: readonly SeedUser[]): string {
  const user = users.find((u) => u.role === 'specialist' && u.territoryIds.includes(territory.id));
  if (!user) throw new Error(`no specialist works ${territory.id}`);
  return user.name;
}

export function generateDataset(options: GenerateOptions): Dataset {
  validate(options);
  const { seed } = options;
  const today = parseIsoDate(options.today);
  const plans = TERRITORY_PLANS.slice(0, options.patientsPerTerritory.length);
  const territories = buildTerritories(plans);
  const seedFacilities = buildFacilities(
    ORG.id,
    plans.map((p) => p.key),
  );

  const users = buildUsers(territories);

  const names = createNameSource(seed);
  const ctx: PatientContext = {
    rng: streamFor(seed, 'patients'),
    names,
    contacts: { rng: streamFor(seed, 'contacts'), consentRng: streamFor(seed, 'consent'), names, today },
    prefsRng: streamFor(seed, 'outreachPrefs'),
    today,
    mrnOffset: deriveSeed(seed, 'mrn') % 9_000_000,
  };
  const stream = (label: string) => ({ rng: streamFor(seed, label), today });
  const gapCtx = stream('careGaps');
  const appointmentCtx = stream('appointments');
  const barrierCtx = stream('barriers');
  const goalCtx = stream('goals');
  const rpmCtx = stream('rpmDevices');
  const taskCtx = stream('tasks');

  const patients: Patient[] = [];
  const contactPoints: ContactPoint[] = [];
  const caregivers: Caregiver[] = [];
  const careGaps: CareGap[] = [];
  const appointments: Appointment[] = [];
  const barriers: Barrier[] = [];
  const goals: Goal[] = [];
  const rpmDevices: RpmDevice[] = [];
  const tasks: Task[] = [];
  // Indexes run across territories, so patient ids are unique organisation-wide.
  let index = 0;
  plans.forEach((plan, t) => {
    const site = {
      plan,
      homes: seedFacilities.filter((f) => f.territory === plan.key && f.facility.kind !== 'hospital'),
      specialist: specialistOf(territories[t] as Territory, users),
    };
    const count = options.patientsPerTerritory[t] ?? 0;
    for (let i = 0; i < count; i++) {
      index += 1;
      const draft = buildPatient(ctx, site, index);
      const gaps = buildCareGaps(gapCtx, draft);
      const visits = buildAppointments(appointmentCtx, draft, gaps);
      patients.push(draft.patient);
      contactPoints.push(...draft.contactPoints);
      caregivers.push(...draft.caregivers);
      careGaps.push(...gaps.map((g) => g.gap));
      appointments.push(...visits);
      barriers.push(...buildBarriers(barrierCtx, draft));
      goals.push(...buildGoals(goalCtx, draft));
      rpmDevices.push(...buildRpmDevices(rpmCtx, draft));
      tasks.push(...buildTasks(taskCtx, { draft, gaps: gaps.map((g) => g.gap), appointments: visits }));
    }
  });

  return {
    org: { ...ORG },
    territories,
    users,
    facilities: seedFacilities.map((f) => f.facility),
    patients,
    careGaps,
    appointments,
    contactPoints,
    caregivers,
    barriers,
    goals,
    rpmDevices,
    tasks,
  };
}
