/**
 * What several people add to at once: caregivers, barriers, goals and monitoring devices.
 * Each is its own record with its own id, so two people adding one at the same time both
 * survive; changing one never rewrites the others.
 */
import type { BarrierId, CaregiverId, GoalId, IsoDate, IsoDateTime, PatientId, RpmDeviceId, UserId } from './ids';

export const RELATIONSHIPS = ['daughter', 'son', 'spouse', 'sibling', 'friend', 'neighbor', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface Caregiver {
  readonly id: CaregiverId;
  readonly patientId: PatientId;
  readonly name: string;
  readonly relationship: string;
  readonly phone: string | null;
  readonly primary: boolean;
  readonly removed: boolean;
  /**
   * The patient's permission to share their health information with this person, as last
   * recorded (who, when); null while never asked, and on caregivers stored before it existed.
   */
  readonly shareInfo: ShareInfoPermission | null;
}

export interface ShareInfoPermission {
  readonly granted: boolean;
  readonly at: IsoDateTime;
  readonly byId: UserId;
  readonly byName: string;
}

/** The caregiver's permission, reading records stored before the field existed as never asked. */
export function shareInfoOf(c: Pick<Caregiver, 'shareInfo'>): ShareInfoPermission | null {
  return c.shareInfo ?? null;
}

export const BARRIER_KINDS = [
  'transport',
  'cost',
  'language',
  'technology',
  'trust',
  'health_literacy',
  'caregiving',
  'housing',
  'food',
  'other',
] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

export const BARRIER_STATUSES = ['open', 'resolved'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

export interface Barrier {
  readonly id: BarrierId;
  readonly patientId: PatientId;
  readonly kind: BarrierKind;
  readonly detail: string;
  readonly status: BarrierStatus;
  readonly identifiedOn: IsoDate;
  readonly resolvedOn: IsoDate | null;
}

export const GOAL_STATUSES = ['active', 'met', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal {
  readonly id: GoalId;
  readonly patientId: PatientId;
  readonly text: string;
  readonly status: GoalStatus;
  readonly setOn: IsoDate;
  readonly targetDate: IsoDate | null;
}

export const RPM_DEVICE_KINDS = ['bp_cuff', 'glucometer', 'scale', 'pulse_oximeter'] as const;
export type RpmDeviceKind = (typeof RPM_DEVICE_KINDS)[number];

/** Steps in order: a device is set up, then the patient is taught, then readings arrive. */
export const RPM_DEVICE_STAGES = ['set_up', 'taught', 'transmitting'] as const;
export type RpmDeviceStage = (typeof RPM_DEVICE_STAGES)[number];

export interface RpmDevice {
  readonly id: RpmDeviceId;
  readonly patientId: PatientId;
  readonly kind: RpmDeviceKind;
  readonly stage: RpmDeviceStage;
  readonly since: IsoDate;
}
