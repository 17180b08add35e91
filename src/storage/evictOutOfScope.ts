/**
 * Removes patients that left the device's scope (their territory taken from the user, the
 * patient moved to another territory, the patient deleted) together with everything of theirs,
 * but only once none of their changes is waiting in the outbox: pending work is pushed first,
 * then the patient goes (S16).
 */
import type { Patient } from '../domain/patient';
import type { RecordCodec } from './codec';
import { TABLE_OF_KIND, type RoundsDb } from './db';
import { getMeta, setMeta } from './meta';
import { PATIENT_CHILD_KINDS } from './readRecords';

export async function evictOutOfScope(db: RoundsDb, codec: RecordCodec, territoryIds: readonly string[]): Promise<number> {
  const inScope = new Set(territoryIds);
  const rows = await db.patients.toArray();
  const patients = await Promise.all(rows.map((r) => codec.open<Patient>(r.body)));
  const outOfTerritory = patients.filter((p) => !inScope.has(p.territoryId)).map((p) => p.id as string);
  const noted = (await getMeta(db, 'leavingPatients')) ?? [];
  const leaving = [...new Set([...outOfTerritory, ...noted])];
  if (leaving.length === 0) return 0;
  const children = PATIENT_CHILD_KINDS.map((k) => db[TABLE_OF_KIND[k]]);
  return db.transaction('rw', [db.patients, db.outbox, db.meta, ...children], async () => {
    const pending = new Set((await db.outbox.toArray()).flatMap((r) => (r.patientId ? [r.patientId] : [])));
    const evict = leaving.filter((id) => !pending.has(id));
    for (const table of children) await table.where('patientId').anyOf(evict).delete();
    await db.patients.bulkDelete(evict);
    // Re-read: a pull in another context may have noted more since.
    const stillNoted = (await getMeta(db, 'leavingPatients')) ?? [];
    const gone = new Set(evict);
    if (stillNoted.some((id) => gone.has(id))) await setMeta(db, 'leavingPatients', stillNoted.filter((id) => !gone.has(id)));
    return evict.length;
  });
}
