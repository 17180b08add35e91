/**
 * Reads the whole local territory for the UI. Split in two steps on purpose: `readRawTerritory`
 * touches only IndexedDB, so it can run inside a Dexie live query; `openTerritory` decodes the
 * sealed bodies afterwards (decoding may be real crypto, which a live query cannot await).
 *
 * What waits to be sent is a read of its own (`readPendingMarks`): a live query runs again
 * whenever a table it read changes, and every autosave writes the outbox; the territory (tens
 * of thousands of rows) is read again only when its records change.
 */
import type { ConsentEvent } from '../domain/consent';
import type { Appointment } from '../domain/appointment';
import type { CareGap } from '../domain/careGap';
import type { Facility } from '../domain/facility';
import type { ContactPoint, Patient } from '../domain/patient';
import type { Escalation } from '../domain/escalation';
import type { Task } from '../domain/task';
import type { RecordCodec } from './codec';
import type { RoundsDb, StoredRecord } from './db';

export interface RawTerritory {
  readonly patients: readonly StoredRecord[];
  readonly facilities: readonly StoredRecord[];
  readonly careGaps: readonly StoredRecord[];
  readonly appointments: readonly StoredRecord[];
  readonly contactPoints: readonly StoredRecord[];
  readonly tasks: readonly StoredRecord[];
  /** Urgent escalations raised from the field, with the office's answer once synced. */
  readonly escalations: readonly StoredRecord[];
  /** Consent decisions: which numbers may be offered for a call (domain/consent.ts). */
  readonly consentEvents: readonly StoredRecord[];
}

/** What the outbox holds, by record and by patient: the "not yet synced" marks. */
export interface PendingMarks {
  /** `${kind}:${id}` of records with changes the server has not confirmed yet. */
  readonly pendingKeys: ReadonlySet<string>;
  /** Patients with any change the server has not confirmed yet. */
  readonly pendingPatients: ReadonlySet<string>;
}

export interface Territory {
  readonly patients: readonly Patient[];
  readonly facilities: readonly Facility[];
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
  readonly contactPoints: readonly ContactPoint[];
  readonly tasks: readonly Task[];
  readonly escalations: readonly Escalation[];
  readonly consentEvents: readonly ConsentEvent[];
}

export async function readRawTerritory(db: RoundsDb): Promise<RawTerritory> {
  const [patients, facilities, careGaps, appointments, contactPoints, tasks, escalations, consentEvents] = await Promise.all([
    db.patients.toArray(),
    db.facilities.toArray(),
    db.careGaps.toArray(),
    db.appointments.toArray(),
    db.contactPoints.toArray(),
    db.tasks.toArray(),
    db.escalations.toArray(),
    db.consentEvents.toArray(),
  ]);
  return {
    patients,
    facilities,
    careGaps,
    appointments,
    contactPoints,
    tasks,
    escalations,
    consentEvents,
  };
}

/** The outbox's marks; its rows' bodies are never opened. */
export async function readPendingMarks(db: RoundsDb): Promise<PendingMarks> {
  const pending = await db.outbox.toArray();
  return {
    pendingKeys: new Set(pending.map((r) => r.entityKey)),
    pendingPatients: new Set(pending.flatMap((r) => (r.patientId ? [r.patientId] : []))),
  };
}

export async function openTerritory(raw: RawTerritory, codec: RecordCodec): Promise<Territory> {
  const open = <T>(rows: readonly StoredRecord[]) => Promise.all(rows.map((r) => codec.open<T>(r.body)));
  const [patients, facilities, careGaps, appointments, contactPoints, tasks, escalations, consentEvents] = await Promise.all([
    open<Patient>(raw.patients),
    open<Facility>(raw.facilities),
    open<CareGap>(raw.careGaps),
    open<Appointment>(raw.appointments),
    open<ContactPoint>(raw.contactPoints),
    open<Task>(raw.tasks),
    open<Escalation>(raw.escalations),
    open<ConsentEvent>(raw.consentEvents),
  ]);
  return {
    patients,
    facilities,
    careGaps,
    appointments,
    contactPoints,
    tasks,
    escalations,
    consentEvents,
  };
}
