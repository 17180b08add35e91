/**
 * The named reads the UI may watch (worker/watch.ts). Each is split in two steps: `query`
 * touches only IndexedDB, so it runs inside a Dexie live query and re-runs when the tables it
 * read change; `open` decodes the sealed bodies afterwards with the worker's codec (decoding may
 * be real crypto, which a live query cannot await). Only decoded results leave the worker;
 * nothing here hands out a sealed body, a key or the session token.
 */
import type { Conflict } from '../domain/conflict';
import type { IsoDate } from '../domain/ids';
import { INITIAL_SYNC_STATUS } from '../domain/syncStatus';
import type { RecordCodec } from '../storage/codec';
import { openRefusal, type OpenedRefusal } from '../storage/commands/refusals';
import type { RoundsDb } from '../storage/db';
import { getMeta, getSyncStatus, type Session } from '../storage/meta';
import { openPlan } from '../storage/plans';
import { readRawPlan } from '../storage/plans';
import { openPatientRecords, readRawPatientRecords } from '../storage/readRecords';
import { openTerritory, readPendingMarks, readRawTerritory } from '../storage/readTerritory';
import type { DayPlan, SavedDayPlan } from './planning';

/** What the UI knows of the signed-in person: never the token (it stays in the worker). */
export type SessionView = Pick<Session, 'user' | 'territories' | 'signedInAt' | 'careTeamPhone'>;

interface ReadDef<A extends readonly unknown[], Raw, T> {
  /** Only IndexedDB work: runs inside a live query. */
  query(db: RoundsDb, ...args: A): Promise<Raw>;
  /** Decodes what `query` returned; may await the codec. */
  open(raw: Raw, codec: RecordCodec): Promise<T>;
}

const read = <A extends readonly unknown[], Raw, T>(def: ReadDef<A, Raw, T>) => def;
const plain = async <T>(raw: T): Promise<T> => raw;

export const READS = {
  /** The whole local territory, for the roster, today and the patient screen. */
  territory: read({ query: (db) => readRawTerritory(db), open: openTerritory }),
  /** The "not yet synced" marks (storage/readTerritory.ts): apart, so an autosave does not re-read the territory. */
  pendingMarks: read({ query: (db) => readPendingMarks(db), open: plain }),
  /** Every record of one patient (read by patient id, never all notes of the territory). */
  patientRecords: read({
    query: (db, patientId: string) => readRawPatientRecords(db, patientId),
    open: openPatientRecords,
  }),
  /** The latest saved plan of the day, or `null` when the day has none. */
  dayPlan: read({
    query: (db, day: IsoDate) => readRawPlan(db, day),
    open: async (row, codec): Promise<SavedDayPlan | null> => (row ? openPlan<DayPlan>(row, codec) : null),
  }),
  /** Open conflicts, newest first. */
  conflicts: read({
    query: (db) => db.conflicts.toArray(),
    open: async (rows, codec): Promise<readonly Conflict[]> => {
      const all = await Promise.all(rows.map((r) => codec.open<Conflict>(r.body)));
      return all.filter((c) => c.status === 'open').sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
    },
  }),
  /** Refused changes, newest first, with what was typed opened. */
  refusals: read({
    query: (db) => db.rejections.orderBy('seq').reverse().toArray(),
    open: async (rows, codec): Promise<readonly OpenedRefusal[]> =>
      Promise.all(
        rows.map(async (row) => {
          const opened = await openRefusal({ codec }, row);
          // The UI needs the row's clear index fields only; the sealed copies stay here.
          return { ...opened, row: { ...row, body: null, record: undefined } };
        }),
      ),
  }),
  /** Changes not yet confirmed by the server. */
  pendingCount: read({ query: (db) => db.outbox.count(), open: plain }),
  /** `null` when nobody is signed in on this device. */
  session: read({
    // The stored value is sealed (storage/session.ts): read raw here, opened with the codec.
    query: async (db) => (await db.meta.get('session'))?.value,
    open: async (sealed, codec): Promise<SessionView | null> => {
      if (sealed === undefined) return null;
      const s = await codec.open<Session>(sealed);
      return { user: s.user, territories: s.territories, signedInAt: s.signedInAt, careTeamPhone: s.careTeamPhone ?? null };
    },
  }),
  syncStatus: read({ query: (db) => getSyncStatus(db), open: async (s) => s ?? INITIAL_SYNC_STATUS }),
  /** Whether the patient left the device's scope and stays only until its changes are sent (S16). */
  leaving: read({
    query: async (db, patientId: string) => ((await getMeta(db, 'leavingPatients')) ?? []).includes(patientId),
    open: plain,
  }),
  /** This browser's device id, once created. */
  deviceId: read({ query: async (db) => (await getMeta(db, 'deviceId')) ?? null, open: plain }),
};

type Reads = typeof READS;
export type ReadName = keyof Reads;
export type ReadArgs<N extends ReadName> = Parameters<Reads[N]['query']> extends [RoundsDb, ...infer A] ? A : never;
export type ReadValue<N extends ReadName> = Awaited<ReturnType<Reads[N]['open']>>;

/** Runs one named read once, outside any live query (the same code path the watch uses). */
export async function runRead<N extends ReadName>(db: RoundsDb, codec: RecordCodec, name: N, args: ReadArgs<N>): Promise<ReadValue<N>> {
  const def = READS[name] as unknown as ReadDef<readonly unknown[], unknown, ReadValue<N>>;
  return def.open(await def.query(db, ...(args as readonly unknown[])), codec);
}
