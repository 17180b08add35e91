/**
 * The demo dataset: one organisation in Greater Boston, its territories, users, facilities,
 * patients, care gaps and appointments, all derived from `options` alone. The same options
 * always give a deep-equal dataset; no clock or Math.random is read anywhere in the seed code.
 * Each concern draws from its own seeded stream (random.ts), so tuning one module's draws
 * does not reshuffle the others.
 */
import type { Appointment } from '../../../src/domain/appointment';
import type { CareGap } from '../../../src/domain/careGap';
import type { IsoDate } from '../../../src/domain/ids';
import type { Patient } from '../../../src/domain/patient';
import { buildAppointments } from './appointments';
import { parseIsoDate } from './calendar';
import { buildCareGaps } from './careGaps';
import type { Dataset, GenerateOptions } from './dataset';
import { buildFacilities } from './facilities';
import { ORG, buildTerritories, buildUsers } from './organisation';
import { createNameSource } from './people';
import type { PatientContext } from './patients';
import { buildPatient } from './patients';
import { deriveSeed, streamFor } from './random';
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

  const names = createNameSource(seed);
  const ctx: PatientContext = {
    rng: streamFor(seed, 'patients'),
    names,
    contacts: { rng: streamFor(seed, 'contacts'), names, today },
    today,
    mrnOffset: deriveSeed(seed, 'mrn') % 9_000_000,
  };
  const gapCtx = { rng: streamFor(seed, 'careGaps'), today };
  const appointmentCtx = { rng: streamFor(seed, 'appointments'), today };

  const patients: Patient[] = [];
  const careGaps: CareGap[] = [];
  const appointments: Appointment[] = [];
  // Indexes run across territories, so patient ids are unique organisation-wide.
  let index = 0;
  plans.forEach((plan, t) => {
    // Residents live only in long-term care and assisted living, never in the hospital.
    const homes = seedFacilities.filter((f) => f.territory === plan.key && f.facility.kind !== 'hospital');
    const count = options.patientsPerTerritory[t] ?? 0;
    for (let i = 0; i < count; i++) {
      index += 1;
      const draft = buildPatient(ctx, plan, homes, index);
      const gaps = buildCareGaps(gapCtx, draft);
      patients.push(draft.patient);
      careGaps.push(...gaps.map((g) => g.gap));
      appointments.push(...buildAppointments(appointmentCtx, draft, gaps));
    }
  });

  return {
    org: { ...ORG },
    territories,
    users: buildUsers(territories),
    facilities: seedFacilities.map((f) => f.facility),
    patients,
    careGaps,
    appointments,
  };
}
