/**
 * Branded identifiers and units. Each brand string is unique so that a PatientId can never be
 * passed where a FacilityId is expected, and minutes are never confused with kilometres.
 * Owns no behaviour beyond the casts; validation of ids happens at the protocol boundary.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrgId = Brand<string, 'OrgId'>;
export type UserId = Brand<string, 'UserId'>;
export type DeviceId = Brand<string, 'DeviceId'>;
export type TerritoryId = Brand<string, 'TerritoryId'>;
export type PatientId = Brand<string, 'PatientId'>;
export type FacilityId = Brand<string, 'FacilityId'>;
export type CareGapId = Brand<string, 'CareGapId'>;
export type AppointmentId = Brand<string, 'AppointmentId'>;
export type ContactPointId = Brand<string, 'ContactPointId'>;
export type CaregiverId = Brand<string, 'CaregiverId'>;
export type BarrierId = Brand<string, 'BarrierId'>;
export type GoalId = Brand<string, 'GoalId'>;
export type RpmDeviceId = Brand<string, 'RpmDeviceId'>;
export type NoteId = Brand<string, 'NoteId'>;
export type AddendumId = Brand<string, 'AddendumId'>;
export type TaskId = Brand<string, 'TaskId'>;
export type EscalationId = Brand<string, 'EscalationId'>;
export type QuestionnaireResponseId = Brand<string, 'QuestionnaireResponseId'>;
export type ConsentEventId = Brand<string, 'ConsentEventId'>;
export type ReferralId = Brand<string, 'ReferralId'>;

/** Calendar date without time zone, `YYYY-MM-DD`. Compares correctly as a string. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** Instant in UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. Compares correctly as a string. */
export type IsoDateTime = Brand<string, 'IsoDateTime'>;
export type Minutes = Brand<number, 'Minutes'>;
export type Seconds = Brand<number, 'Seconds'>;

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

export const asIsoDate = (s: string): IsoDate => s as IsoDate;
export const asIsoDateTime = (s: string): IsoDateTime => s as IsoDateTime;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export function isIsoDate(s: string): s is IsoDate {
  return ISO_DATE.test(s);
}
