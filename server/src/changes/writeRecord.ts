/**
 * The audited writes of patient-owned records: every create, change and delete that reaches
 * the record tables goes through here, and writes its audit event (audit/recordAudit.ts) with
 * the caller's transaction, so a change and its trail commit together or not at all.
 *
 * Shared by every writer: a device's push (author = the session's user and device, and the
 * request's address), and later the EHR import and patient messaging, which pass an author
 * of their own (`userId: null`, `source` naming where the change came from). A write that
 * changes nothing (a resend, a lost merge) records nothing; a refused change never gets here.
 * Every write also brings the record's metric facts (office/facts.ts) in line, in the same
 * transaction, so the office's numbers never disagree with the records they count.
 */
import { recordAudit, type AuditActor, type AuditEvent, type FieldChange } from '../audit/recordAudit';
import type { Db } from '../db/db';
import { refreshFacts } from '../office/facts';
import { sameValue } from './fieldMerge';
import { insertConflict, insertRecord, updateRecord, type RecordKey, type RecordWrite, type StoredRecord } from './recordRows';

/** Who writes: the audit's actor, and the name stamped on the fields they write. */
export interface ChangeAuthor extends AuditActor {
  readonly name: string;
  /**
   * Where the change came from when not the app itself: 'ehr_import', 'messaging' (no person's
   * device), 'background_sync' (a person's device, sealed and sent without the app); null for a push.
   */
  readonly source: string | null;
}

/** A device's session as a change author. */
export function authorFromSession(
  session: { readonly orgId: string; readonly userId: string; readonly deviceId: string; readonly name: string },
  address: string | null,
): ChangeAuthor {
  return { orgId: session.orgId, userId: session.userId, deviceId: session.deviceId, name: session.name, address, source: null };
}

/** Field by field, what differs between two versions of a record's data. */
export function fieldChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !sameValue(before[field] ?? null, after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

function event(author: ChangeAuthor, e: AuditEvent): AuditEvent {
  return author.source === null ? e : { ...e, detail: { ...e.detail, source: author.source } };
}

/** Inserts a new record and records its creation; false (nothing recorded) when its key exists. */
export async function createRecord(
  tx: Db,
  author: ChangeAuthor,
  at: Date,
  key: RecordKey,
  owner: { patientId: string; orgId: string },
  write: RecordWrite,
): Promise<boolean> {
  const inserted = await insertRecord(tx, key, owner, write);
  if (inserted) {
    await refreshFacts(tx, key);
    const changes = fieldChanges({}, write.data);
    await recordAudit(tx, author, at, [event(author, { action: 'create', entityKind: key.kind, entityId: key.id, patientId: owner.patientId, changes })]);
  }
  return inserted;
}

/** Writes over a stored record (or makes it a tombstone) and records what changed. */
export async function changeRecord(tx: Db, author: ChangeAuthor, at: Date, key: RecordKey, stored: StoredRecord, write: RecordWrite): Promise<void> {
  await updateRecord(tx, key, write);
  await refreshFacts(tx, key);
  const deleting = write.deleted && !stored.deleted;
  const changes = deleting ? [{ field: 'deleted', before: false, after: true }] : fieldChanges(stored.data, write.data);
  if (!deleting && changes.length === 0) return;
  await recordAudit(tx, author, at, [
    event(author, { action: deleting ? 'delete' : 'update', entityKind: key.kind, entityId: key.id, patientId: stored.patientId, changes }),
  ]);
}

/** A record the server derives from a change (a conflict, S9): created and recorded like any other. */
export async function createDerived(tx: Db, author: ChangeAuthor, at: Date, kind: string, record: { id: string; patientId: string }): Promise<void> {
  await insertConflict(tx, record);
  await recordAudit(tx, author, at, [
    event(author, { action: 'create', entityKind: kind, entityId: record.id, patientId: record.patientId, changes: fieldChanges({}, record) }),
  ]);
}
