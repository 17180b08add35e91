/**
 * Applies one push batch from one device: exactly once (S5), all in one transaction (S6).
 *
 * The device's settled mark lives in `device_mutations` and is locked (`for update`) first
 * thing, so two servers receiving the same batch at once (a resend racing a slow answer) take
 * turns: the second sees the first one's mark and answers `duplicate`. Numbers at or below
 * the mark are duplicates; the next number is applied or refused, and either way settled;
 * a number further on means the batch skipped some, and the walk stops there (`gap`). A
 * refusal is kept with the mark (`refused_mutations`), so a resend of a refused change is
 * answered `rejected` again rather than `duplicate`: its first answer may have been lost, and
 * the device must still learn of the refusal (S7).
 *
 * The batch's sync event (S21) is written in the same transaction: a batch that rolls back
 * (and runs again after a deadlock) leaves no event of its own, and one that commits always
 * has one.
 *
 * The caller answers only after this resolves, i.e. after commit. If anything throws, the
 * whole batch rolls back, mark included, and the device sends it again later. Owns no HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceReport, Mutation, MutationResult, RejectionReason } from '../../../src/protocol/wire';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/db';
import { applyMutation, type SeenCursor } from './applyMutation';
import { clockClamp } from './clampClock';
import { decodeCursor, type CursorKey } from './cursor';
import { authorFromSession } from './writeRecord';
import { recordSyncEvent } from '../syncEvents/recordSyncEvent';

export interface PushParams {
  /** The signed-in person and their device (sessionGate); every change is checked against it. */
  readonly actor: Actor;
  /** The client's address as the server saw it, for the audit trail. */
  readonly address: string | null;
  /** Verifies the changes' seenCursors: only a cursor this server issued counts (T1). */
  readonly cursorKey: CursorKey;
  readonly mutations: readonly Mutation[];
  readonly now: Date;
  /** Ids for conflict records; random UUIDs unless a test needs them predictable. */
  readonly newId?: () => string;
  /** How the changes came when not from the app itself ('background_sync': a sealed push), for the audit trail. */
  readonly via?: string | null;
  /** The sync event this batch records (docs/SYNC.md S21): how it came and what the device reported. */
  readonly syncEvent: { readonly kind: 'push' | 'sealed_push'; readonly report: DeviceReport };
}

export interface PushOutcome {
  readonly settledThrough: number;
  readonly results: MutationResult[];
  readonly gap: boolean;
}

/** SQLSTATEs after which the transaction rolled back entirely and can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export async function applyPush(db: Db, params: PushParams): Promise<PushOutcome> {
  // Two batches locking the same records in opposite order deadlock on PostgreSQL; it aborts
  // one of them, which then runs again from the start rather than failing the device's sync.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => applyBatch(tx, params));
    } catch (error) {
      const sqlState = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof sqlState !== 'string' || !RETRYABLE.has(sqlState)) throw error;
    }
  }
}

async function applyBatch(
  tx: Db,
  { actor, address, cursorKey, mutations, now, newId = randomUUID, via = null, syncEvent }: PushParams,
): Promise<PushOutcome> {
  const session = actor;
  const settled = await lockSettledMark(tx, session.deviceId);
  const author = { ...authorFromSession(actor, address), source: via };
  const clamp = clockClamp(now.getTime());
  const seenOf = (m: { seenCursor?: string | null }): SeenCursor => {
    if (!m.seenCursor) return null;
    const decoded = decodeCursor(cursorKey, m.seenCursor);
    return decoded.ok ? decoded.cursor : null;
  };

  const sorted = [...mutations].sort((a, b) => a.no - b.no);
  const first = sorted[0]?.no ?? 0;
  const refused = await readRefusals(tx, session.deviceId, first, settled);
  // A batch that starts right after the mark comes from a device holding the answers to
  // everything before it (it sends from its oldest unsettled change): those refusals have
  // reached it, and need not be kept any longer.
  if (settled > 0 && first === settled + 1) {
    await tx.query('delete from refused_mutations where device_id = $1 and no <= $2', [session.deviceId, settled]);
  }
  const results: MutationResult[] = [];
  let mark = settled;
  let gap = false;
  for (const m of sorted) {
    if (m.no <= mark) {
      results.push(refused.get(m.no) ?? { no: m.no, status: 'duplicate' });
      continue;
    }
    if (m.no > mark + 1) {
      gap = true;
      break;
    }
    const outcome = await applyMutation({ tx, actor, author, now, hlc: clamp(m.hlc), newId }, m, seenOf(m));
    results.push({ no: m.no, ...outcome });
    if (outcome.status === 'rejected') {
      await tx.query('insert into refused_mutations (device_id, no, reason, message) values ($1, $2, $3, $4)', [
        session.deviceId,
        m.no,
        outcome.reason,
        outcome.message,
      ]);
    }
    mark = m.no;
  }
  if (mark !== settled) {
    await tx.query('update device_mutations set settled_through = $2 where device_id = $1', [session.deviceId, mark]);
  }
  // Never answer past the last change this batch carried: a device that resent a shorter batch
  // would settle the changes after it without ever hearing how they ended (a refusal lost, S7).
  const last = sorted.at(-1)?.no ?? mark;
  await recordSyncEvent(tx, now, {
    kind: syncEvent.kind,
    orgId: actor.orgId,
    userId: actor.userId,
    deviceId: actor.deviceId,
    changes: results.filter((r) => r.status === 'applied').length,
    report: syncEvent.report,
  });
  return { settledThrough: Math.min(mark, last), results, gap };
}

/** The refusals among numbers `from` to `through` already settled, answered again as they were. */
async function readRefusals(tx: Db, deviceId: string, from: number, through: number): Promise<Map<number, MutationResult>> {
  if (from > through) return new Map();
  const rows = await tx.query<{ no: number; reason: RejectionReason; message: string }>(
    'select no, reason, message from refused_mutations where device_id = $1 and no between $2 and $3',
    [deviceId, from, through],
  );
  return new Map(rows.map((r): [number, MutationResult] => [r.no, { no: r.no, status: 'rejected', reason: r.reason, message: r.message }]));
}

/** The device's mark, its row created at 0 on the first push and locked until commit. */
async function lockSettledMark(tx: Db, deviceId: string): Promise<number> {
  // A concurrent first push for the same device waits here for the other insert to finish.
  await tx.query('insert into device_mutations (device_id, settled_through) values ($1, 0) on conflict (device_id) do nothing', [deviceId]);
  const [row] = await tx.query<{ settled: number }>(
    'select settled_through as settled from device_mutations where device_id = $1 for update',
    [deviceId],
  );
  if (!row) throw new Error(`device_mutations row for ${deviceId} vanished`);
  return row.settled;
}
