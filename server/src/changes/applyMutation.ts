/**
 * One device change, checked and applied inside the push transaction: kind and operation
 * allowed (writableKinds), `authorize(actor, 'patient.write', patient)` against the patient's
 * current territory or else kept by S16 (scopeAtChange.ts, on the verified seenCursor only),
 * record present and not deleted (S12), baseVersion not from the future (T4), data valid (text
 * the database can store, unsafeText.ts, then the kind's schema), authors and actors from the
 * session (T3), references in scope (T5, references.ts), note rules (S10), then merged field
 * by field (S8, S9); fields only the office writes are left to it (T7). Every check runs
 * before the first write, so a refused change leaves nothing behind, and nothing in the audit
 * trail; the writes go through writeRecord.ts, which records each one there.
 */
import type { Conflict } from '../../../src/domain/conflict';
import { conflictSchema } from '../../../src/protocol/entities';
import type { Mutation, RejectionReason } from '../../../src/protocol/wire';
import { authorize, type Actor } from '../auth/policy';
import type { Db } from '../db/db';
import type { PullCursor } from './cursor';
import { mergeFields, sameValue, stampFields, type LostWrite, type Writer } from './fieldMerge';
import { checkNoteCreate, checkNoteDelete, checkNoteUpdate, checkSigning, type NoteVerdict } from './noteRules';
import { checkWithinReason, judgedAs } from './reasonRules';
import { referenceProblem, referencesOf } from './references';
import {
  lockRecord,
  nextVersion,
  readPatientScope,
  resendRecord,
  type PatientScopeRow,
  type RecordKey,
  type StoredRecord,
} from './recordRows';
import { wasInScopeAt } from './scopeAtChange';
import { unsafeTextMessage } from './unsafeText';
import { WRITABLE_KINDS, type KindRules } from './writableKinds';
import { changeRecord, createDerived, createRecord, type ChangeAuthor } from './writeRecord';

export interface MutationContext {
  readonly tx: Db;
  /** The signed-in person, for the policy; never anything the change itself claims. */
  readonly actor: Actor;
  /** Who the audit trail names (the actor, their device and address). */
  readonly author: ChangeAuthor;
  readonly now: Date;
  /** The mutation's clock stamp after the S19 clamp. */
  readonly hlc: string;
  readonly newId: () => string;
}

/** The change's seenCursor once verified (cursor.ts); null when absent, unsigned or forged. */
export type SeenCursor = PullCursor | null;

export type MutationOutcome =
  | { readonly status: 'applied'; readonly conflicts: number }
  | { readonly status: 'rejected'; readonly reason: RejectionReason; readonly message: string };

const reject = (reason: RejectionReason, message: string): MutationOutcome => ({ status: 'rejected', reason, message });

export async function applyMutation(ctx: MutationContext, m: Mutation, seen: SeenCursor): Promise<MutationOutcome> {
  const rules = WRITABLE_KINDS[m.kind];
  if (!rules) return reject('forbidden_kind', `${m.kind} records cannot be changed from a device`);
  if (!rules.ops.includes(m.op)) return reject('forbidden_kind', rules.opsMessage);
  if (m.patientId === null) return reject('invalid', `patientId: required for ${m.kind} records`);
  if (m.kind === 'patient' && m.patientId !== m.entityId) return reject('invalid', 'patientId: must equal entityId for a patient');
  const unsafe = unsafeTextMessage(m.values);
  if (unsafe) return reject('invalid', unsafe);

  const patient = await readPatientScope(ctx.tx, m.patientId);
  if (patient === null || !(await inScopeForChange(ctx, m, patient, seen))) return reject('out_of_scope', 'This patient is not in your territories');

  const key: RecordKey = { table: rules.table, kind: m.kind, id: m.entityId };
  const stored = await lockRecord(ctx.tx, key);
  if (stored && stored.patientId !== m.patientId) {
    // The record is someone else's: do not say more about it than scope allows.
    const owner = await readPatientScope(ctx.tx, stored.patientId);
    if (!inScope(ctx, owner)) return reject('out_of_scope', 'This record belongs to a patient outside your territories');
    return reject('invalid', `patientId: the record belongs to patient ${stored.patientId}`);
  }
  if (patient.deleted && m.kind !== 'patient') return reject('deleted', "This patient's record has been deleted");
  const future = futureBase(m, stored);
  if (future) return future;

  const outcome = await applyOp(ctx, { m, rules, key, patient, stored });
  // The device shows the refused value until it hears otherwise: send the record again, so
  // its next pull lays the server's value over it (the refusal itself stays in its list).
  if (outcome.status === 'rejected' && stored) await resendRecord(ctx.tx, key);
  return outcome;
}

/** The change with what applyMutation found out about it before choosing its operation. */
interface Target {
  readonly m: Mutation;
  readonly rules: KindRules;
  readonly key: RecordKey;
  /** The patient the change names, in scope for it. */
  readonly patient: PatientScopeRow;
  /** The record as stored, locked for this transaction; null when the server has none. */
  readonly stored: StoredRecord | null;
}

function applyOp(ctx: MutationContext, target: Target) {
  switch (target.m.op) {
    case 'create':
      return create(ctx, target);
    case 'update':
      return update(ctx, target);
    case 'delete':
      return remove(ctx, target);
  }
}

function inScope(ctx: MutationContext, patient: PatientScopeRow | null): boolean {
  return patient !== null && authorize(ctx.actor, 'patient.write', { type: 'patient', ...patient }).allowed;
}

/** The policy allows it now, or it was made before the device knew otherwise (scopeAtChange.ts). */
async function inScopeForChange(ctx: MutationContext, m: Mutation, patient: PatientScopeRow, seen: SeenCursor): Promise<boolean> {
  if (inScope(ctx, patient)) return true;
  if (patient.orgId !== ctx.actor.orgId) return false;
  return wasInScopeAt(ctx.tx, { actor: ctx.actor, patientId: m.patientId as string, patientTerritoryId: patient.territoryId, seen });
}

/**
 * T4: a change can only be based on a version the server issued: at most the stored record's
 * version, and 0 for a record the server does not have. A later one would claim the device
 * had seen writes it never saw, and so win every concurrent field without a conflict.
 */
function futureBase(m: Mutation, stored: StoredRecord | null): MutationOutcome | null {
  const latest = stored?.version ?? 0;
  if (m.baseVersion <= latest) return null;
  return reject('invalid', stored ? `baseVersion: ${m.baseVersion} is later than this record's version` : 'baseVersion: must be 0 for a record the server does not have');
}

function writerOf(ctx: MutationContext): Writer {
  return { hlc: ctx.hlc, by: ctx.actor.name, userId: ctx.actor.userId, deviceId: ctx.actor.deviceId };
}

/**
 * T3: names of who acted are the session's, whatever the device wrote: on create every such
 * field that is set; on update those the change gives a new value (a name carried along
 * unchanged, such as a note's author when someone else marks it in error, stays).
 */
function withSessionNames(
  ctx: MutationContext,
  rules: KindRules,
  values: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> | null,
) {
  const named = { ...values };
  for (const field of rules.sessionNames ?? []) {
    if (!(field in named) || named[field] === null || named[field] === undefined) continue;
    if (stored && (rules.immutable.includes(field) || sameValue(named[field], stored[field]))) continue;
    named[field] = ctx.actor.name;
  }
  return named;
}

/** T3: an "entered in error" mark is made by the session's user, under their name. */
function withMarkFromSession(ctx: MutationContext, stored: StoredRecord, values: Readonly<Record<string, unknown>>) {
  const mark = values.enteredInError;
  if (typeof mark !== 'object' || mark === null || (stored.data.enteredInError ?? null) !== null) return values;
  const byId = (mark as { byId?: unknown }).byId;
  // A mark naming someone else is refused by checkNoteUpdate; only fill in what is missing or true.
  if (byId !== undefined && byId !== null && byId !== ctx.actor.userId) return values;
  return { ...values, enteredInError: { ...mark, by: ctx.actor.name, byId: ctx.actor.userId } };
}

async function referencesCheck(ctx: MutationContext, m: Mutation, orgId: string, data: Readonly<Record<string, unknown>>, fields: readonly string[]) {
  const problem = await referenceProblem(ctx.tx, { orgId, patientId: m.patientId as string }, referencesOf(m.kind, data, fields));
  return problem ? reject('invalid', problem) : null;
}

async function create(ctx: MutationContext, { m, rules, key, patient, stored }: Target): Promise<MutationOutcome> {
  if (stored) return existing(stored);
  const unknown = unknownField(rules, m.values);
  if (unknown) return reject('invalid', `${unknown}: unknown field`);
  const parsed = rules.schema.safeParse(withSessionNames(ctx, rules, m.values, null));
  if (!parsed.success) return reject('invalid', describeIssues(parsed.error.issues));
  const data = parsed.data as Record<string, unknown>;
  if (data.id !== m.entityId) return reject('invalid', 'id: must equal entityId');
  if (data.patientId !== m.patientId) return reject('invalid', 'patientId: must equal the change\'s patientId');
  if (m.kind === 'note') {
    const verdict = checkNoteCreate(data, ctx.actor.userId);
    if (!verdict.ok) return fromVerdict(verdict);
  }
  const reasonable = await withinReason(ctx, m, null, data);
  if (reasonable) return reasonable;
  if (rules.authorField && data[rules.authorField] !== ctx.actor.userId) {
    return reject('invalid', `${rules.authorField}: must be the signed-in person`);
  }
  const impostor = actorImpostor(ctx, rules, data);
  if (impostor) return impostor;
  const forged = officeFieldSet(rules, data);
  if (forged) return forged;
  const problem = rules.check?.(data, Object.keys(data));
  if (problem) return reject('invalid', problem);
  const outside = await referencesCheck(ctx, m, patient.orgId, data, Object.keys(data));
  if (outside) return outside;
  const version = await nextVersion(ctx.tx);
  const stamps = stampFields({}, Object.keys(data), writerOf(ctx), version);
  const owner = { patientId: m.patientId as string, orgId: patient.orgId };
  const inserted = await createRecord(ctx.tx, ctx.author, ctx.now, key, owner, { data, stamps, deleted: false, version });
  if (inserted) return { status: 'applied', conflicts: 0 };
  // Created by a concurrent push since we looked; it is locked and visible now.
  const raced = await lockRecord(ctx.tx, key);
  if (!raced) throw new Error(`insert of ${m.kind} ${m.entityId} conflicted, but the row is not there`);
  return existing(raced);
}

function existing(stored: StoredRecord): MutationOutcome {
  return stored.deleted
    ? reject('deleted', 'This record was deleted; it cannot be created again')
    : reject('invalid', 'id: a record with this id already exists');
}

/** T3: a field naming who acted (resolvedById, statusById) must name the signed-in user when set. */
function actorImpostor(ctx: MutationContext, rules: KindRules, values: Readonly<Record<string, unknown>>): MutationOutcome | null {
  const impostor = rules.actorFields?.find((field) => field in values && values[field] !== null && values[field] !== undefined && values[field] !== ctx.actor.userId);
  return impostor ? reject('invalid', `${impostor}: must name the signed-in user`) : null;
}

const officeOnly = (field: string) => reject('forbidden_kind', `${field}: only the office sets this, not a device`);

/** T7: a new record from a device carries the office's fields as a new record has them. */
function officeFieldSet(rules: KindRules, data: Readonly<Record<string, unknown>>): MutationOutcome | null {
  const fields = rules.officeFields ?? {};
  const set = Object.keys(fields).find((field) => !sameValue(data[field] ?? null, fields[field]));
  return set ? officeOnly(set) : null;
}

/** T7: a device's update leaves the office's fields as stored (sending them unchanged is fine). */
function officeFieldChanged(rules: KindRules, values: Readonly<Record<string, unknown>>, stored: Readonly<Record<string, unknown>>): MutationOutcome | null {
  const fields = rules.officeFields ?? {};
  const changed = Object.keys(fields).find((field) => field in values && !sameValue(values[field] ?? null, stored[field] ?? fields[field]));
  return changed ? officeOnly(changed) : null;
}

async function update(ctx: MutationContext, { m, rules, key, patient, stored }: Target): Promise<MutationOutcome> {
  if (!stored) return reject('not_found', `No ${m.kind} with id ${m.entityId}`);
  if (stored.deleted) return reject('deleted', 'This record was deleted; changes to it are not kept');
  const unknown = unknownField(rules, m.values);
  if (unknown) return reject('invalid', `${unknown}: unknown field`);
  const fixed = rules.immutable.find((field) => field in m.values && !sameValue(m.values[field], stored.data[field]));
  if (fixed) return reject('invalid', `${fixed}: cannot be changed`);
  const outside = rules.updatable && Object.keys(m.values).find((field) => !rules.updatable?.includes(field));
  if (outside) return reject('forbidden_kind', `${outside}: a ${m.kind} can only be resolved (${rules.updatable?.join(', ')})`);
  const impostor = actorImpostor(ctx, rules, m.values);
  if (impostor) return impostor;
  const forged = officeFieldChanged(rules, m.values, stored.data);
  if (forged) return forged;
  const sent = m.kind === 'note' ? withMarkFromSession(ctx, stored, m.values) : m.values;
  const parsed = rules.schema.safeParse({ ...stored.data, ...withSessionNames(ctx, rules, sent, stored.data) });
  if (!parsed.success) return reject('invalid', describeIssues(parsed.error.issues));
  // The parsed values: nested objects lose keys the schema does not know.
  const proposed = parsed.data as Record<string, unknown>;
  const values = Object.fromEntries(Object.keys(m.values).map((field) => [field, proposed[field]]));
  if (m.kind === 'note') {
    const verdict = checkNoteUpdate(stored.data, values, ctx.actor.userId);
    if (!verdict.ok) return fromVerdict(verdict);
  }
  const problem = rules.check?.(proposed, Object.keys(values));
  if (problem) return reject('invalid', problem);
  const changedFields = Object.keys(values).filter((field) => !sameValue(values[field], stored.data[field]));
  const outsideRef = await referencesCheck(ctx, m, patient.orgId, proposed, changedFields);
  if (outsideRef) return outsideRef;

  const writer = writerOf(ctx);
  // A signed note changes only by the one transition checkNoteUpdate just allowed against the
  // locked, current note; merging it field by field could keep half of it (status still
  // signed, reason set), so it applies whole.
  const sealedNote = m.kind === 'note' && stored.data.status !== 'draft';
  const baseVersion = sealedNote ? Number.POSITIVE_INFINITY : m.baseVersion;
  const merge = mergeFields({ stored: stored.data, stamps: stored.stamps, values, baseVersion, writer });
  if (m.kind === 'note') {
    const verdict = checkSigning(stored.data, merge.data);
    if (!verdict.ok) return fromVerdict(verdict);
  }
  const reasonable = await withinReason(ctx, m, stored.data, merge.data);
  if (reasonable) return reasonable;
  if (merge.written.length > 0) {
    const version = await nextVersion(ctx.tx);
    const stamps = stampFields(stored.stamps, merge.written, writer, version);
    await changeRecord(ctx.tx, ctx.author, ctx.now, key, stored, { data: merge.data, stamps, deleted: false, version });
  } else if (merge.lost.length > 0) {
    // Lost on every field it changed: nothing is written, yet the device shows its own value
    // (S15 laid it over its copy). Sending the record again makes it end with the winner (S9a).
    await resendRecord(ctx.tx, key);
  }
  for (const lost of merge.lost) await createDerived(ctx.tx, ctx.author, ctx.now, 'conflict', conflictRecord(ctx, m, stored.patientId, lost));
  return { status: 'applied', conflicts: merge.lost.length };
}

/** S12: a tombstone keeps its data (for audit) but pull sends it without. */
async function remove(ctx: MutationContext, { m, key, stored }: Target): Promise<MutationOutcome> {
  if (!stored) return reject('not_found', `No ${key.kind} with id ${key.id}`);
  if (stored.deleted) return reject('deleted', 'This record was already deleted');
  if (m.kind === 'note') {
    const verdict = checkNoteDelete(stored.data, ctx.actor.userId);
    if (!verdict.ok) return fromVerdict(verdict);
  }
  const version = await nextVersion(ctx.tx);
  await changeRecord(ctx.tx, ctx.author, ctx.now, key, stored, { data: stored.data, stamps: stored.stamps, deleted: true, version });
  return { status: 'applied', conflicts: 0 };
}

function conflictRecord(ctx: MutationContext, m: Mutation, patientId: string, lost: LostWrite): Conflict {
  // Parsed as a check on ourselves: a conflict that failed its schema would break every pull
  // page it is in, so a bug here must stop the push instead.
  return conflictSchema.parse({
    id: ctx.newId(),
    patientId,
    entityKind: m.kind,
    entityId: m.entityId,
    field: lost.field,
    winner: lost.winner,
    loser: lost.loser,
    detectedAt: ctx.now.toISOString(),
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
  }) as Conflict;
}

/** Dates and numbers within reason (reasonRules.ts); null when the change passes. */
async function withinReason(
  ctx: MutationContext,
  m: Mutation,
  stored: Readonly<Record<string, unknown>> | null,
  data: Readonly<Record<string, unknown>>,
): Promise<MutationOutcome | null> {
  const judged = judgedAs(m.kind, m.op === 'create' ? 'create' : 'update', stored, data);
  if (!judged) return null;
  const verdict = await checkWithinReason(ctx.tx, { judged, hlc: ctx.hlc, patientId: m.patientId as string, data });
  return verdict.ok ? null : reject('invalid', verdict.message);
}

function unknownField(rules: KindRules, values: Readonly<Record<string, unknown>>): string | undefined {
  return Object.keys(values).find((field) => !Object.hasOwn(rules.schema.shape, field));
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'values'}: ${issue.message}`).join('; ');
}

function fromVerdict(verdict: Exclude<NoteVerdict, { ok: true }>): MutationOutcome {
  return reject(verdict.reason, verdict.message);
}
