/**
 * Commands for what changes in a patient's life and how to reach them: consent recorded as an
 * event (and mirrored into the contact point for devices that predate events), a changed
 * number or address (consent and coordinates start over), a caregiver's details and the
 * patient's permission to share with them, a referral's status, and a care gap's status with
 * the reason an exclusion needs. Each is a value in, `{ ok }` out; who and when come from the
 * session and the clock in `deps`.
 */
import type { Address, ContactPoint } from '../../domain/patient';
import { withNewAddress } from '../../domain/patient';
import { careGapProblem, type CareGap, type CareGapProblem } from '../../domain/careGap';
import { mirroredConsent, withNewValue, type ConsentDecision, type ConsentEvent, type ConsentMethod } from '../../domain/consent';
import { createChange, updateChange, type EntityChange } from '../../domain/entities';
import type { ConsentEventId, UserId } from '../../domain/ids';
import { changeReferralStatus, type ReferralStatus } from '../../domain/referral';
import type { Caregiver } from '../../domain/supportSystem';
import { readSession } from '../session';
import { readRecord } from '../readRecords';
import { writeChanges } from '../writeChanges';
import { isoNow, type CommandDeps } from './commandDeps';

export type ContactRecordError = 'signed_out' | 'not_found';
type Result<E extends string = ContactRecordError> = { ok: true } | { ok: false; code: E };

async function who(deps: CommandDeps) {
  const session = await readSession(deps);
  return session ? { id: session.user.id as UserId, name: session.user.name } : null;
}

async function write(deps: CommandDeps, changes: readonly (EntityChange | null)[]): Promise<void> {
  await writeChanges(deps.db, deps.codec, changes.filter((c): c is EntityChange => c !== null), deps);
}

/** Records the patient's decision about being reached on one contact point. */
export async function recordConsent(
  deps: CommandDeps,
  input: { contactPointId: string; decision: ConsentDecision; method: ConsentMethod },
): Promise<Result> {
  const point = await readRecord(deps.db, deps.codec, 'contactPoint', input.contactPointId);
  if (!point) return { ok: false, code: 'not_found' };
  const by = await who(deps);
  if (!by) return { ok: false, code: 'signed_out' };
  const event: ConsentEvent = {
    id: deps.newId() as ConsentEventId,
    patientId: point.patientId,
    contactPointId: point.id,
    channel: point.channel,
    value: point.value,
    decision: input.decision,
    method: input.method,
    at: isoNow(deps),
    byId: by.id,
    byName: by.name,
  };
  const mirrored: ContactPoint = { ...point, ...mirroredConsent(event) };
  await write(deps, [createChange('consentEvent', event), updateChange('contactPoint', point, mirrored)]);
  return { ok: true };
}

/** A new number or address on a contact point: consent given for the old one does not carry over. */
export async function changeContactValue(deps: CommandDeps, contactPointId: string, value: string): Promise<Result<'not_found'>> {
  const point = await readRecord(deps.db, deps.codec, 'contactPoint', contactPointId);
  if (!point) return { ok: false, code: 'not_found' };
  await write(deps, [updateChange('contactPoint', point, withNewValue(point, value))]);
  return { ok: true };
}

/** The patient moved: the new address, and no coordinates until they are derived again. */
export async function changeAddress(deps: CommandDeps, patientId: string, address: Omit<Address, 'location'>): Promise<Result<'not_found'>> {
  const patient = await readRecord(deps.db, deps.codec, 'patient', patientId);
  if (!patient) return { ok: false, code: 'not_found' };
  await write(deps, [updateChange('patient', patient, withNewAddress(patient, address))]);
  return { ok: true };
}

/** Name, relationship and phone, and the patient's permission to share when it was asked now. */
export async function updateCaregiver(
  deps: CommandDeps,
  caregiverId: string,
  input: { name: string; relationship: string; phone: string | null; shareInfo?: boolean },
): Promise<Result> {
  const before = await readRecord(deps.db, deps.codec, 'caregiver', caregiverId);
  if (!before) return { ok: false, code: 'not_found' };
  let shareInfo = before.shareInfo ?? null;
  if (input.shareInfo !== undefined && input.shareInfo !== shareInfo?.granted) {
    const by = await who(deps);
    if (!by) return { ok: false, code: 'signed_out' };
    shareInfo = { granted: input.shareInfo, at: isoNow(deps), byId: by.id, byName: by.name };
  }
  const after: Caregiver = { ...before, name: input.name, relationship: input.relationship, phone: input.phone, shareInfo };
  await write(deps, [updateChange('caregiver', { ...before, shareInfo: before.shareInfo ?? null }, after)]);
  return { ok: true };
}

export async function setReferralStatus(
  deps: CommandDeps,
  referralId: string,
  status: ReferralStatus,
): Promise<Result<ContactRecordError | 'same_status' | 'not_allowed'>> {
  const referral = await readRecord(deps.db, deps.codec, 'referral', referralId);
  if (!referral) return { ok: false, code: 'not_found' };
  const by = await who(deps);
  if (!by) return { ok: false, code: 'signed_out' };
  const res = changeReferralStatus(referral, status, { now: isoNow(deps), byId: by.id, byName: by.name });
  if (!res.ok) return res;
  await write(deps, [updateChange('referral', referral, res.referral)]);
  return { ok: true };
}

/**
 * A care gap's status, evidence and exclusion reason. `closedAt` is stamped when the gap
 * becomes closed and cleared when it is reopened; an exclusion without its reason is refused
 * here, before anything is written (the server refuses it too).
 */
export async function updateCareGap(
  deps: CommandDeps,
  gapId: string,
  input: Pick<CareGap, 'status' | 'evidence' | 'exclusionReason'>,
): Promise<Result<'not_found' | CareGapProblem>> {
  const gap = await readRecord(deps.db, deps.codec, 'careGap', gapId);
  if (!gap) return { ok: false, code: 'not_found' };
  const problem = careGapProblem(input);
  if (problem) return { ok: false, code: problem };
  const closedAt = input.status !== 'closed' ? null : gap.status === 'closed' && gap.closedAt ? gap.closedAt : isoNow(deps);
  const exclusionReason = input.status === 'excluded' ? (input.exclusionReason?.trim() ?? null) : null;
  const before: CareGap = { ...gap, exclusionReason: gap.exclusionReason ?? null };
  await write(deps, [updateChange('careGap', before, { ...before, ...input, exclusionReason, closedAt })]);
  return { ok: true };
}
