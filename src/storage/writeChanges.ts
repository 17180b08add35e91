/**
 * The one way the device writes a person's work: each change to a record and its outbox row
 * are written in the same IndexedDB transaction, so no change can exist without its record
 * of change (and none can be queued for a record that was not written).
 */
import type { EntityChange } from '../domain/entities';
import { encodeHlc, HLC_ZERO, tickHlc, type HlcState } from '../domain/hlc';
import type { IsoDateTime } from '../domain/ids';
import type { RecordCodec } from './codec';
import { TABLE_OF_KIND, type OutboxRow, type RoundsDb, type StoredRecord } from './db';
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

export async function writeChanges(
  db: RoundsDb,
  codec: RecordCodec,
  changes: readonly EntityChange[],
  ctx: WriteContext,
): Promise<void> {
  if (changes.length === 0) return;
  const at = ctx.now().toISOString() as IsoDateTime;
  // Seal first: awaiting anything but IndexedDB inside the transaction would end it early.
  const sealed = await Promise.all(
    changes.map(async (c) => {
      const patientId = patientIdOf(c);
      const values = Object.fromEntries(c.fields.map((f) => [f, (c.value as unknown as Record<string, unknown>)[f]]));
      return {
        change: c,
        patientId,
        body: await codec.seal(c.value),
        outboxBody: await codec.seal<OutboxChange>({ op: c.op, patientId, values, at }),
        // If this change replaces an unsent create (S3), it must itself create the record,
        // with every field: sealed now, because the transaction cannot await the codec.
        asCreate:
          c.coalesceKey && c.op === 'update'
            ? await codec.seal<OutboxChange>({ op: 'create', patientId, values: { ...(c.value as object) }, at })
            : null,
      };
    }),
  );

  const tables = [...new Set(changes.map((c) => db[TABLE_OF_KIND[c.kind]])), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
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
      let op: OutboxRow['op'] = change.op;
      let body = s.outboxBody;
      let seenCursor = cursorNow;
      if (change.coalesceKey) {
        // Only unsent autosaves are replaced; a numbered row may already be on its way (S3).
        const replaced = await db.outbox
          .where('coalesceKey')
          .equals(change.coalesceKey)
          .filter((r) => r.no === undefined)
          .toArray();
        if (replaced.some((r) => r.op === 'create') && s.asCreate) {
          op = 'create';
          body = s.asCreate;
        }
        // The draft began when the device knew less; what it knew then is what counts.
        const first = replaced.find((r) => r.seenCursor !== undefined);
        if (first) seenCursor = first.seenCursor ?? null;
        await db.outbox.bulkDelete(replaced.map((r) => r.seq as number));
      }
      clock = tickHlc(clock, ctx.now().getTime());
      const row: OutboxRow = {
        mutationId: ctx.newId(),
        kind: change.kind,
        entityId: change.value.id,
        entityKey: `${change.kind}:${change.value.id}`,
        coalesceKey: change.coalesceKey ?? null,
        patientId: s.patientId,
        hlc: encodeHlc(clock, ctx.nodeId),
        op,
        baseVersion: record.version,
        seenCursor,
        body,
      };
      await db.outbox.add(row);
    }
    await setMeta(db, 'hlc', clock);
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
  s: { patientId: string | null; outboxBody: unknown; seenCursor: string | null; clock: HlcState },
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
    mutationId: ctx.newId(),
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
  });
  return clock;
}
