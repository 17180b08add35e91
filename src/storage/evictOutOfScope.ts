/**
 * Removes patients that left the device's scope (territory reassigned, colleague's coverage
 * ended) together with everything of theirs, but only once none of their changes is waiting
 * in the outbox: pending work is pushed first, then the patient goes (S16).
 */
import type { Patient } from '../domain/patient';
import type { RecordCodec } from './codec';
import { TABLE_OF_KIND, type RoundsDb } from './db';
import { PATIENT_CHILD_KINDS } from './readRecords';

export async function evictOutOfScope(db: RoundsDb, codec: RecordCodec, territoryIds: readonly string[]): Promise<number> {
  const inScope = new Set(territoryIds);
  const rows = await db.patients.toArray();
  const patients = await Promise.all(rows.map((r) => codec.open<Patient>(r.body)));
  const leaving = patients.filter((p) => !inScope.has(p.territoryId)).map((p) => p.id as string);
  if (leaving.length === 0) return 0;
  const children = PATIENT_CHILD_KINDS.map((k) => db[TABLE_OF_KIND[k]]);
  return db.transaction('rw', [db.patients, db.outbox, ...children], async () => {
    const pending = new Set((await db.outbox.toArray()).flatMap((r) => (r.patientId ? [r.patientId] : [])));
    const evict = leaving.filter((id) => !pending.has(id));
    for (const table of children) await table.where('patientId').anyOf(evict).delete();
    await db.patients.bulkDelete(evict);
    return evict.length;
  });
}
