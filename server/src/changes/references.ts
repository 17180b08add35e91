/**
 * T5: the ids a change names must stay within its own scope. A record may point only at
 * records of its own patient (a task at the note it came from, a consent decision at the
 * contact point it is about, a note's activities at the appointment, barrier, goal, care gap
 * or questionnaire answer they concern), and a patient only at a facility of its own
 * organisation. Otherwise a device could tie one patient's record to another's, or probe
 * which ids exist elsewhere.
 *
 * An id that names no record yet is accepted where a device may legitimately send the
 * reference before its target (records are written one change at a time); where the target
 * must already exist (an addendum's note, a patient's facility) it is refused too.
 */
import type { Db } from '../db/db';
import type { RecordTable } from './writableKinds';

export interface Reference {
  /** The field as the refusal names it, e.g. `activities.2.appointmentId`. */
  readonly field: string;
  readonly table: RecordTable | 'facilities';
  /** The kind column of patient_records; ignored by the other tables. */
  readonly kind: string;
  readonly id: string;
  readonly mustExist: boolean;
}

type Data = Readonly<Record<string, unknown>>;

const ACTIVITY_REFERENCES: Readonly<Record<string, readonly [string, RecordTable, string]>> = {
  appointment: ['appointmentId', 'appointments', 'appointment'],
  barrier: ['barrierId', 'patient_records', 'barrier'],
  goal: ['goalId', 'patient_records', 'goal'],
  care_gap: ['gapId', 'care_gaps', 'careGap'],
  questionnaire: ['responseId', 'patient_records', 'questionnaireResponse'],
};

/** The references a record's fields carry (only among `fields`, the ones the change writes). */
export function referencesOf(kind: string, data: Data, fields: readonly string[]): Reference[] {
  const refs: Reference[] = [];
  const add = (field: string, table: Reference['table'], target: string, mustExist = false) => {
    const top = field.split('.')[0] ?? field;
    const id = field.includes('.') ? undefined : data[field];
    if (fields.includes(top) && typeof id === 'string') refs.push({ field, table, kind: target, id, mustExist });
  };
  switch (kind) {
    case 'patient':
      add('facilityId', 'facilities', 'facility', true);
      break;
    case 'addendum':
      add('noteId', 'patient_records', 'note', true);
      break;
    case 'task':
      add('sourceNoteId', 'patient_records', 'note');
      add('completedByNoteId', 'patient_records', 'note');
      add('sourceAppointmentId', 'appointments', 'appointment');
      break;
    case 'consentEvent':
      add('contactPointId', 'patient_records', 'contactPoint');
      break;
    case 'referral':
    case 'escalation':
    case 'questionnaireResponse':
      add('noteId', 'patient_records', 'note');
      break;
    case 'note':
      add('fromTaskId', 'patient_records', 'task');
      if (fields.includes('activities') && Array.isArray(data.activities)) {
        data.activities.forEach((activity: unknown, i) => {
          const a = activity as Data;
          const spec = ACTIVITY_REFERENCES[String(a.kind)];
          const id = spec ? a[spec[0]] : undefined;
          if (spec && typeof id === 'string') {
            refs.push({ field: `activities.${i}.${spec[0]}`, table: spec[1], kind: spec[2], id, mustExist: false });
          }
        });
      }
      break;
  }
  return refs;
}

/** The first reference out of scope, as a refusal message naming its field; null when all are in scope. */
export async function referenceProblem(tx: Db, owner: { orgId: string; patientId: string }, refs: readonly Reference[]): Promise<string | null> {
  for (const ref of refs) {
    if (ref.table === 'facilities') {
      const [found] = await tx.query<{ one: number }>('select 1 as one from facilities where id = $1 and org_id = $2', [ref.id, owner.orgId]);
      if (!found) return `${ref.field}: no facility ${ref.id} in your organisation`;
      continue;
    }
    const rows =
      ref.table === 'patient_records'
        ? await tx.query<{ patientId: string }>('select patient_id as "patientId" from patient_records where kind = $1 and id = $2', [ref.kind, ref.id])
        : await tx.query<{ patientId: string }>(`select patient_id as "patientId" from ${ref.table} where id = $1`, [ref.id]);
    const target = rows[0];
    if (!target && ref.mustExist) return `${ref.field}: no ${ref.kind} ${ref.id} of this patient`;
    if (target && target.patientId !== owner.patientId) return `${ref.field}: must name a ${ref.kind} of the same patient`;
  }
  return null;
}
