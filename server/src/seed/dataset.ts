/**
 * The shape of an organisation's data as the seeder writes it: what the demo generator
 * produces and what the database loader consumes. Passwords are plain here only because the
 * demo sign-ins are printed for people to use; the loader stores scrypt hashes.
 */
import type { Appointment } from '../../../src/domain/appointment';
import type { CareGap } from '../../../src/domain/careGap';
import type { Facility } from '../../../src/domain/facility';
import type { IsoDate, OrgId, TerritoryId, UserId } from '../../../src/domain/ids';
import type { ContactPoint, Patient } from '../../../src/domain/patient';
import type { Barrier, Caregiver, Goal, RpmDevice } from '../../../src/domain/supportSystem';
import type { Task } from '../../../src/domain/task';
import type { Territory, User } from '../../../src/domain/user';

export interface SeedUser extends User {
  readonly password: string;
  /** Territories this user works (and syncs to their device); supervisors and admins usually none. */
  readonly territoryIds: readonly TerritoryId[];
  /** The user's supervisor: a supervisor's team is the people who name them here. */
  readonly supervisorId?: UserId | null;
}

export interface Dataset {
  readonly org: { readonly id: OrgId; readonly name: string; readonly careTeamPhone: string | null };
  readonly territories: readonly Territory[];
  readonly users: readonly SeedUser[];
  readonly facilities: readonly Facility[];
  readonly patients: readonly Patient[];
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
  readonly contactPoints: readonly ContactPoint[];
  readonly caregivers: readonly Caregiver[];
  readonly barriers: readonly Barrier[];
  readonly goals: readonly Goal[];
  readonly rpmDevices: readonly RpmDevice[];
  readonly tasks: readonly Task[];
}

export interface GenerateOptions {
  /** Same seed, same dataset, byte for byte. */
  readonly seed: number;
  /** Dates (due dates, appointments, last contacts) are spread around this day. */
  readonly today: IsoDate;
  /** Patients per territory, one entry per territory; the demo uses three territories. */
  readonly patientsPerTerritory: readonly number[];
}
