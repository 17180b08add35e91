/**
 * Reads the whole local territory for the UI. Split in two steps on purpose: `readRawTerritory`
 * touches only IndexedDB, so it can run inside a Dexie live query; `openTerritory` decodes the
 * sealed bodies afterwards (decoding may be real crypto, which a live query cannot await).
 */
import type { Appointment } from '../domain/appointment';
import type { CareGap } from '../domain/careGap';
import type { Facility } from '../domain/facility';
import type { Patient } from '../domain/patient';
import type { RecordCodec } from './codec';
import type { RoundsDb, StoredRecord } from './db';

export interface RawTerritory {
  readonly patients: readonly StoredRecord[];
  readonly facilities: readonly StoredRecord[];
  readonly careGaps: readonly StoredRecord[];
  readonly appointments: readonly StoredRecord[];
}

export interface Territory {
  readonly patients: readonly Patient[];
  readonly facilities: readonly Facility[];
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
}

export async function readRawTerritory(db: RoundsDb): Promise<RawTerritory> {
  const [patients, facilities, careGaps, appointments] = await Promise.all([
    db.patients.toArray(),
    db.facilities.toArray(),
    db.careGaps.toArray(),
    db.appointments.toArray(),
  ]);
  return { patients, facilities, careGaps, appointments };
}

export async function openTerritory(raw: RawTerritory, codec: RecordCodec): Promise<Territory> {
  const open = <T>(rows: readonly StoredRecord[]) => Promise.all(rows.map((r) => codec.open<T>(r.body)));
  const [patients, facilities, careGaps, appointments] = await Promise.all([
    open<Patient>(raw.patients),
    open<Facility>(raw.facilities),
    open<CareGap>(raw.careGaps),
    open<Appointment>(raw.appointments),
  ]);
  return { patients, facilities, careGaps, appointments };
}
