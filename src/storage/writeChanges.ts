/**
 * The one way the device writes a person's work: each change to a record and its outbox row
 * are written in the same IndexedDB transaction, so no change can exist without its record
 * of change (and none can be queued for a record that was not written).
 *
 * Coalescing (S3): a change with a `coalesceKey` replaces the unsent (unnumbered) outbox rows
 * with that key, and its row carries the union of their values and its own, newest last. A
 * replaced row's fields are never dropped: an autosave that changed only the escalation reason
 * still sends the text typed in the autosaves before it.
 */
import type { EntityChange } from '../domain/entities';
import { encodeHlc, HLC_ZERO, tickHlc, type HlcState } from '../domain/hlc';
import type { IsoDateTime } from '../domain/ids';
import type { RecordCodec } from './codec';
import { TABLE_OF_KIND, type OutboxRow, type RoundsDb, type StoredRecord } from './db';
import { serverSealerOf, type SealForServer } from './crypto/serverSeal';
import { getMeta, setMeta } from './meta';

export interface WriteContext {
  readonly now: () => Date;
  /** This device's id: the HLC tie-break. */
  readonly nodeId: string;
  readonly newId: () => string;
}

/** What the outbox row carries, sealed: enough for the server to apply the change. */
export interface OutboxChange {
  readonly op: EntityChange['op'];
  readonly patientId: string | null;
  /** The changed fields with their new values (all fields for a create). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly at: IsoDateTime;
}

function patientIdOf(change: EntityChange): string | null {
  if (change.kind === 'patient') return change.value.id;
  if (change.kind === 'facility') return null;
  return change.value.patientId;
}

/** The unsent rows one coalescing change replaces, opened, as they were before the transaction. */
interface Replaced {
  /** Their outbox sequence numbers, in order: the transaction checks nothing changed since. */
  readonly seqs: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly hasCreate: boolean;
  readonly seenCursor: string | null | undefined;
  readonly baseVersion: number | undefined;
}

const unsentWithKey = (db: RoundsDb, key: string) =>
  db.outbox
    .where('coalesceKey')
    .equals(key)
    .filter((r) => r.no === undefined)
    .sortBy('seq');

async function readReplaced(db: RoundsDb, codec: RecordCodec, key: string): Promise<Replaced> {
  const rows = await unsentWithKey(db, key);
  let values: Record<string, unknown> = {};
  for (const row of rows) values = { ...values, ...(await codec.open<OutboxChange>(row.body)).values };
  const versions = rows.map((r) => r.baseVersion);
  return {
    seqs: rows.map((r) => r.seq).join(','),
    values,
    hasCreate: rows.some((r) => r.op === 'create'),
    // The draft began when the device knew less; what it knew then is what counts (S16).
    seenCursor: rows.find((r) => r.seenCursor !== undefined)?.seenCursor,
    baseVersion: versions.length ? Math.min(...versions) : undefined,
  };
}

const MAX_ATTEMPTS = 5;

export async function writeChanges(
  db: RoundsDb,
  codec: RecordCodec,
  changes: readonly EntityChange[],
  ctx: WriteContext,
): Promise<void> {
  if (changes.length === 0) return;
  const keys = [...new Set(changes.flatMap((c) => (c.coalesceKey ? [c.coalesceKey] : [])))];
  for (let attempt = 1; ; attempt++) {
    // Opening and sealing may be real crypto, and awaiting anything but IndexedDB inside a
    // Dexie transaction would commit it early; so the rows to replace are read and the new
    // bodies sealed first, and the transaction checks that those rows are still the same.
    const replaced = new Map<string, Replaced>();
    for (const key of keys) replaced.set(key, await readReplaced(db, codec, key));
    const sealed = await sealChanges(codec, await serverSealerOf(db), changes, replaced, ctx);
    if (await writeSealed(db, sealed, replaced, ctx)) return;
    if (attempt >= MAX_ATTEMPTS) throw new Error('writeChanges: the draft kept changing underneath; try again');
  }
}

interface SealedChange {
  readonly change: EntityChange;
  readonly mutationId: string;
  readonly patientId: string | null;
  readonly body: unknown;
  readonly op: OutboxRow['op'];
  readonly outboxBody: unknown;
  /** The outbox content sealed to the server's key, when the device has one. */
  readonly sealedForServer: string | undefined;
}

async function sealChanges(
  codec: RecordCodec,
  sealForServer: SealForServer | null,
  changes: readonly EntityChange[],
  replaced: ReadonlyMap<string, Replaced>,
  ctx: WriteContext,
): Promise<SealedChange[]> {
  const at = ctx.now().toISOString() as IsoDateTime;
  // Two changes with one key in the same call: the second replaces the first, so it carries its values too.
  const carried = new Map<string, Record<string, unknown>>();
  const out: SealedChange[] = [];
  for (const c of changes) {
    const patientId = patientIdOf(c);
    const full = c.value as unknown as Record<string, unknown>;
    const own = Object.fromEntries(c.fields.map((f) => [f, full[f]]));
    const prior = c.coalesceKey ? replaced.get(c.coalesceKey) : undefined;
    // A change that replaces an unsent create must itself create the record, with every field.
    const op: OutboxRow['op'] = prior?.hasCreate && c.op === 'update' ? 'create' : c.op;
    const earlier = c.coalesceKey ? { ...prior?.values, ...carried.get(c.coalesceKey) } : {};
    const values = op === 'create' ? { ...full } : { ...earlier, ...own };
    if (c.coalesceKey) carried.set(c.coalesceKey, values);
    const mutationId = ctx.newId();
    const content = { op, patientId, values, at };
    out.push({
      change: c,
      mutationId,
      patientId,
      body: await codec.seal(c.value),
      op,
      outboxBody: await codec.seal<OutboxChange>(content),
      sealedForServer: await sealForServer?.({ mutationId, kind: c.kind, entityId: c.value.id, op }, { patientId, values, at }),
    });
  }
  return out;
}

/** False when the rows to replace changed since they were read; nothing is written then. */
function writeSealed(db: RoundsDb, sealed: readonly SealedChange[], replaced: ReadonlyMap<string, Replaced>, ctx: WriteContext) {
  const tables = [...new Set(sealed.map((s) => db[TABLE_OF_KIND[s.change.kind]])), db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    for (const [key, before] of replaced) {
      if ((await unsentWithKey(db, key)).map((r) => r.seq).join(',') !== before.seqs) return false;
    }
    let clock: HlcState = (await getMeta(db, 'hlc')) ?? HLC_ZERO;
    const cursorNow = (await getMeta(db, 'pullCursor')) ?? null;
    for (const s of sealed) {
      const { change } = s;
      const table = db[TABLE_OF_KIND[change.kind]];
      const current = await table.get(change.value.id);
      if (change.op === 'delete') {
        clock = await writeTombstone(db, change, current?.version ?? 0, { ...s, seenCursor: cursorNow, clock }, ctx);
        continue;
      }
      const record: StoredRecord = {
        id: change.value.id,
        version: current?.version ?? 0,
        body: s.body,
        ...(s.patientId && change.kind !== 'patient' ? { patientId: s.patientId } : {}),
      };
      await table.put(record);
      let seenCursor = cursorNow;
      // S15 lays pending changes over a pulled copy, so the person has not seen the server's
      // values under them: a change made while earlier ones to this record wait is based on
      // the oldest version they were based on, or it could overwrite, unseen and with no
      // conflict kept, a write that arrived in between (S9).
      const waiting = await db.outbox.where('entityKey').equals(`${change.kind}:${change.value.id}`).toArray();
      let baseVersion = Math.min(record.version, ...waiting.map((r) => r.baseVersion));
      if (change.coalesceKey) {
        const prior = replaced.get(change.coalesceKey);
        if (prior?.seenCursor !== undefined) seenCursor = prior.seenCursor;
        // The replaced values were based on what the device knew then: judging them against a
        // newer version could overwrite, unseen, a write that was concurrent with them (S9).
        if (prior?.baseVersion !== undefined) baseVersion = Math.min(baseVersion, prior.baseVersion);
        const rows = await unsentWithKey(db, change.coalesceKey);
        await db.outbox.bulkDelete(rows.map((r) => r.seq as number));
      }
      clock = tickHlc(clock, ctx.now().getTime());
      const row: OutboxRow = {
        mutationId: s.mutationId,
        kind: change.kind,
        entityId: change.value.id,
        entityKey: `${change.kind}:${change.value.id}`,
        coalesceKey: change.coalesceKey ?? null,
        patientId: s.patientId,
        hlc: encodeHlc(clock, ctx.nodeId),
        op: s.op,
        baseVersion,
        seenCursor,
        body: s.outboxBody,
        ...(s.sealedForServer !== undefined ? { sealedForServer: s.sealedForServer } : {}),
      };
      await db.outbox.add(row);
    }
    await setMeta(db, 'hlc', clock);
    return true;
  });
}

/**
 * Inside writeChanges' transaction: a delete removes the record here at once and queues its
 * tombstone (S12). Unsent autosaves of the same draft go with it; when one of them was the
 * record's unsent create, the server never knew the record and nothing is queued at all.
 */
async function writeTombstone(
  db: RoundsDb,
  change: EntityChange,
  baseVersion: number,
  s: Pick<SealedChange, 'mutationId' | 'patientId' | 'outboxBody' | 'sealedForServer'> & { seenCursor: string | null; clock: HlcState },
  ctx: WriteContext,
): Promise<HlcState> {
  await db[TABLE_OF_KIND[change.kind]].delete(change.value.id);
  const key = `${change.kind}:${change.value.id}`;
  const unsent = await db.outbox
    .where('entityKey')
    .equals(key)
    .filter((r) => r.no === undefined)
    .toArray();
  await db.outbox.bulkDelete(unsent.map((r) => r.seq as number));
  if (unsent.some((r) => r.op === 'create')) return s.clock;
  const clock = tickHlc(s.clock, ctx.now().getTime());
  await db.outbox.add({
    mutationId: s.mutationId,
    kind: change.kind,
    entityId: change.value.id,
    entityKey: key,
    coalesceKey: null,
    patientId: s.patientId,
    hlc: encodeHlc(clock, ctx.nodeId),
    op: 'delete',
    baseVersion,
    seenCursor: s.seenCursor,
    body: s.outboxBody,
    ...(s.sealedForServer !== undefined ? { sealedForServer: s.sealedForServer } : {}),
  });
  return clock;
}
