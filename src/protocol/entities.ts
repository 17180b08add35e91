/**
 * Runtime schemas for the synced entities. The inferred types are checked against the domain
 * types at compile time (see the `satisfies`-style assertions at the bottom), so the wire and
 * the model cannot drift apart silently.
 */
import { z } from 'zod';
import type { Appointment } from '../domain/appointment';
import { APPOINTMENT_MODES, APPOINTMENT_STATUSES } from '../domain/appointment';
import type { CareGap } from '../domain/careGap';
import { CARE_GAP_MEASURES, CARE_GAP_STATUSES } from '../domain/careGap';
import type { Facility } from '../domain/facility';
import { FACILITY_KINDS } from '../domain/facility';
import type { Patient } from '../domain/patient';
import {
  CONSENT_STATUSES,
  CONTACT_CHANNELS,
  CONTACT_USES,
  PORTAL_STATUSES,
  RPM_STATUSES,
  SEXES,
} from '../domain/patient';

const id = z.string().min(1).max(100);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime();

const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

const address = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  location: latLng.nullable(),
});

export const patientSchema = z.object({
  id,
  territoryId: id,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: isoDate,
  sex: z.enum(SEXES),
  language: z.string().min(2).max(12),
  interpreterNeeded: z.boolean(),
  address,
  facilityId: id.nullable(),
  room: z.string().nullable(),
  accessNotes: z.string().nullable(),
  contacts: z.array(
    z.object({
      id,
      channel: z.enum(CONTACT_CHANNELS),
      use: z.enum(CONTACT_USES),
      value: z.string(),
      consent: z.enum(CONSENT_STATUSES),
      consentAt: isoDateTime.nullable(),
    }),
  ),
  caregivers: z.array(
    z.object({
      id,
      name: z.string(),
      relationship: z.string(),
      phone: z.string().nullable(),
      primary: z.boolean(),
    }),
  ),
  portal: z.enum(PORTAL_STATUSES),
  rpm: z.enum(RPM_STATUSES),
  lastContactAt: isoDateTime.nullable(),
  nextDueDate: isoDate.nullable(),
  noShowFollowUp: z.boolean(),
});

export const facilitySchema = z.object({
  id,
  orgId: id,
  name: z.string(),
  kind: z.enum(FACILITY_KINDS),
  address,
  phone: z.string(),
  visitingHours: z.array(
    z.object({
      weekday: z.number().int().min(0).max(6),
      open: z.number().int().min(0).max(1440),
      close: z.number().int().min(0).max(1440),
    }),
  ),
});

export const careGapSchema = z.object({
  id,
  patientId: id,
  measure: z.enum(CARE_GAP_MEASURES),
  status: z.enum(CARE_GAP_STATUSES),
  dueDate: isoDate.nullable(),
  closedAt: isoDateTime.nullable(),
  evidence: z.string().nullable(),
});

export const appointmentSchema = z.object({
  id,
  patientId: id,
  provider: z.string(),
  reason: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  startsAt: isoDateTime,
  status: z.enum(APPOINTMENT_STATUSES),
});

const recordBase = { id, version: z.number().int().nonnegative(), deleted: z.boolean() };

/**
 * One entity as it travels in a pull page. `data` is null exactly when `deleted` is true
 * (a tombstone carries only its id and version).
 */
export const entityRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), ...recordBase, data: patientSchema.nullable() }),
  z.object({ kind: z.literal('facility'), ...recordBase, data: facilitySchema.nullable() }),
  z.object({ kind: z.literal('careGap'), ...recordBase, data: careGapSchema.nullable() }),
  z.object({ kind: z.literal('appointment'), ...recordBase, data: appointmentSchema.nullable() }),
]);
export type EntityRecord = z.infer<typeof entityRecordSchema>;
export type EntityKind = EntityRecord['kind'];
export const ENTITY_KINDS = ['patient', 'facility', 'careGap', 'appointment'] as const satisfies readonly EntityKind[];

/** Maps each entity kind to its domain type; the storage layer is keyed by this. */
export interface EntityTypes {
  patient: Patient;
  facility: Facility;
  careGap: CareGap;
  appointment: Appointment;
}

// Compile-time guarantee that the wire shapes are exactly the domain shapes (modulo brands).
type Unbrand<T> = T extends string ? string : T extends number ? number : T extends object ? { -readonly [K in keyof T]: Unbrand<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const wireMatchesDomain: [
  Same<Unbrand<Patient>, Unbrand<z.infer<typeof patientSchema>>>,
  Same<Unbrand<Facility>, Unbrand<z.infer<typeof facilitySchema>>>,
  Same<Unbrand<CareGap>, Unbrand<z.infer<typeof careGapSchema>>>,
  Same<Unbrand<Appointment>, Unbrand<z.infer<typeof appointmentSchema>>>,
] = [true, true, true, true];
void wireMatchesDomain;
