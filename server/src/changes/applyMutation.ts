/**
 * One device change, checked and applied inside the push transaction: kind and operation
 * allowed (writableKinds), patient in the caller's scope (S16), record present and not deleted
 * (S12), data valid (text the database can store, unsafeText.ts, then the kind's schema), note
 * rules (S10), then merged field by field (S8, S9). Every check runs before the first write, so
 * a refused change leaves nothing behind.
 */
import type { Conflict } from '../../../src/domain/conflict';
import { decodeHlc, type Hlc } from '../../../src/domain/hlc';
import { conflictSchema } from '../../../src/protocol/entities';
import type { Mutation, RejectionReason } from '../../../src/protocol/wire';
import type { Session } from '../auth/sessions';
import type { Db } from '../db/db';
import { mergeFields, sameValue, stampFields, type LostWrite, type Writer } from './fieldMerge';
import { checkNoteCreate, checkNoteUpdate, checkSigning, type NoteVerdict } from './noteRules';
import {
  insertConflict,
  insertRecord,
  lockRecord,
  nextVersion,
  readPatientScope,
  resendRecord,
  updateRecord,
  type PatientScopeRow,
  type RecordKey,
  type StoredRecord,
} from './recordRows';
import { wasInScopeAt } from './scopeAtChange';
import { unsafeTextMessage } from './unsafeText';
import { WRITABLE_KINDS, type KindRules } from './writableKinds';

export interface MutationContext {
  readonly tx: Db;
  readonly session: Session;
  readonly territoryIds: ReadonlySet<string>;
  readonly now: Date;
  /** The mutation's clock stamp after the S19 clamp. */
  readonly hlc: string;
  readonly newId: () => string;
}

export type MutationOutcome =
  | { readonly status: 'applied'; readonly conflicts: number }
  | { readonly status: 'rejected'; readonly reason: RejectionReason; readonly message: string };

const reject = (reason: RejectionReason, message: string): MutationOutcome => ({ status: 'rejected', reason, message });

export async function applyMutation(ctx: MutationContext, m: Mutation): Promise<MutationOutcome> {
  const rules = WRITABLE_KINDS[m.kind];
  if (!rules) return reject('forbidden_kind', `${m.kind} records cannot be changed from a device`);
  if (!rules.ops.includes(m.op)) return reject('forbidden_kind', rules.opsMessage);
  if (m.patientId === null) return reject('invalid', `patientId: required for ${m.kind} records`);
  if (m.kind === 'patient' && m.patientId !== m.entityId) return reject('invalid', 'patientId: must equal entityId for a patient');
  const unsafe = unsafeTextMessage(m.values);
  if (unsafe) return reject('invalid', unsafe);

  const patient = await readPatientScope(ctx.tx, m.patientId);
  if (patient === null || !(await inScopeForChange(ctx, m, patient))) return reject('out_of_scope', 'This patient is not in your territories');

  const key: RecordKey = { table: rules.table, kind: m.kind, id: m.entityId };
  const stored = await lockRecord(ctx.tx, key);
  if (stored && stored.patientId !== m.patientId) {
    // The record is someone else's: do not say more about it than scope allows.
    const owner = await readPatientScope(ctx.tx, stored.patientId);
    if (!inScope(ctx, owner)) return reject('out_of_scope', 'This record belongs to a patient outside your territories');
    return reject('invalid', `patientId: the record belongs to patient ${stored.patientId}`);
  }
  if (patient.deleted && m.kind !== 'patient') return reject('deleted', "This patient's record has been deleted");

  const outcome = await applyOp(ctx, m, rules, key, patient, stored);
  // The device shows the refused value until it hears otherwise: send the record again, so
  // its next pull lays the server's value over it (the refusal itself stays in its list).
  if (outcome.status === 'rejected' && stored) await resendRecord(ctx.tx, key);
  return outcome;
}

function applyOp(ctx: MutationContext, m: Mutation, rules: KindRules, key: RecordKey, patient: PatientScopeRow, stored: StoredRecord | null) {
  switch (m.op) {
    case 'create':
      return create(ctx, m, rules, key, patient, stored);
    case 'update':
      return update(ctx, m, rules, key, stored);
    case 'delete':
      return remove(ctx, key, stored);
  }
}

function inScope(ctx: MutationContext, patient: PatientScopeRow | null): patient is PatientScopeRow {
  return patient !== null && patient.orgId === ctx.session.orgId && ctx.territoryIds.has(patient.territoryId);
}

/** In scope now, or when the change was made (scopeAtChange.ts). */
async function inScopeForChange(ctx: MutationContext, m: Mutation, patient: PatientScopeRow): Promise<boolean> {
  const { patientId, seenCursor } = m as Mutation & { patientId: string };
  if (patient.orgId !== ctx.session.orgId) return false;
  if (ctx.territoryIds.has(patient.territoryId)) return true;
  const atMs = decodeHlc(ctx.hlc as Hlc).wallMs;
  return wasInScopeAt(ctx.tx, { ...ctx, patientId, patientTerritoryId: patient.territoryId, atMs, seenCursor });
}

function writerOf(ctx: MutationContext): Writer {
  return { hlc: ctx.hlc, by: ctx.session.name, userId: ctx.session.userId, deviceId: ctx.session.deviceId };
}

async function create(
  ctx: MutationContext,
  m: Mutation,
  rules: KindRules,
  key: RecordKey,
  patient: PatientScopeRow,
  stored: StoredRecord | null,
): Promise<MutationOutcome> {
  if (stored) return existing(stored);
  const unknown = unknownField(rules, m.values);
  if (unknown) return reject('invalid', `${unknown}: unknown field`);
  const parsed = rules.schema.safeParse(m.values);
  if (!parsed.success) return reject('invalid', describeIssues(parsed.error.issues));
  const data = parsed.data as Record<string, unknown>;
  if (data.id !== m.entityId) return reject('invalid', 'id: must equal entityId');
  if (data.patientId !== m.patientId) return reject('invalid', 'patientId: must equal the change\'s patientId');
  if (m.kind === 'note') {
    const verdict = checkNoteCreate(data, ctx.session.userId);
    if (!verdict.ok) return fromVerdict(verdict);
  }
  const version = await nextVersion(ctx.tx);
  const stamps = stampFields({}, Object.keys(data), writerOf(ctx), version);
  const owner = { patientId: m.patientId as string, orgId: patient.orgId };
  const inserted = await insertRecord(ctx.tx, key, owner, { data, stamps, deleted: false, version });
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

async function update(ctx: MutationContext, m: Mutation, rules: KindRules, key: RecordKey, stored: StoredRecord | null): Promise<MutationOutcome> {
  if (!stored) return reject('not_found', `No ${m.kind} with id ${m.entityId}`);
  if (stored.deleted) return reject('deleted', 'This record was deleted; changes to it are not kept');
  const unknown = unknownField(rules, m.values);
  if (unknown) return reject('invalid', `${unknown}: unknown field`);
  const fixed = rules.immutable.find((field) => field in m.values && !sameValue(m.values[field], stored.data[field]));
  if (fixed) return reject('invalid', `${fixed}: cannot be changed`);
  const outside = rules.updatable && Object.keys(m.values).find((field) => !rules.updatable?.includes(field));
  if (outside) return reject('forbidden_kind', `${outside}: a ${m.kind} can only be resolved (${rules.updatable?.join(', ')})`);
  const impostor = rules.actorFields?.find((field) => field in m.values && m.values[field] !== null && m.values[field] !== ctx.session.userId);
  if (impostor) return reject('invalid', `${impostor}: must name the signed-in user`);
  const parsed = rules.schema.safeParse({ ...stored.data, ...m.values });
  if (!parsed.success) return reject('invalid', describeIssues(parsed.error.issues));
  // The parsed values: nested objects lose keys the schema does not know.
  const proposed = parsed.data as Record<string, unknown>;
  const values = Object.fromEntries(Object.keys(m.values).map((field) => [field, proposed[field]]));
  if (m.kind === 'note') {
    const verdict = checkNoteUpdate(stored.data, values, ctx.session.userId);
    if (!verdict.ok) return fromVerdict(verdict);
  }

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
  if (merge.written.length > 0) {
    const version = await nextVersion(ctx.tx);
    const stamps = stampFields(stored.stamps, merge.written, writer, version);
    await updateRecord(ctx.tx, key, { data: merge.data, stamps, deleted: false, version });
  } else if (merge.lost.length > 0) {
    // Lost on every field it changed: nothing is written, yet the device shows its own value
    // (S15 laid it over its copy). Sending the record again makes it end with the winner (S9a).
    await resendRecord(ctx.tx, key);
  }
  for (const lost of merge.lost) await insertConflict(ctx.tx, conflictRecord(ctx, m, stored.patientId, lost));
  return { status: 'applied', conflicts: merge.lost.length };
}

/** S12: a tombstone keeps its data (for audit) but pull sends it without. */
async function remove(ctx: MutationContext, key: RecordKey, stored: StoredRecord | null): Promise<MutationOutcome> {
  if (!stored) return reject('not_found', `No ${key.kind} with id ${key.id}`);
  if (stored.deleted) return reject('deleted', 'This record was already deleted');
  const version = await nextVersion(ctx.tx);
  await updateRecord(ctx.tx, key, { data: stored.data, stamps: stored.stamps, deleted: true, version });
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

function unknownField(rules: KindRules, values: Readonly<Record<string, unknown>>): string | undefined {
  return Object.keys(values).find((field) => !Object.hasOwn(rules.schema.shape, field));
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'values'}: ${issue.message}`).join('; ');
}

function fromVerdict(verdict: Exclude<NoteVerdict, { ok: true }>): MutationOutcome {
  return reject(verdict.reason, verdict.message);
}
