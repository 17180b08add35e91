/**
 * The push of a context without the data key (the service worker's background sync, or the
 * app's worker waiting for the password): sends the outbox rows' copies sealed to the server's
 * key (storage/crypto/serverSeal.ts) with the session's push token, at /api/sync/push-sealed.
 * It opens nothing and lays down nothing in clear: numbering, settling and refusals touch
 * only clear fields and bodies already sealed (storage/outbox.ts), exactly as a push does.
 *
 * It sends from the oldest unsettled change while the rows carry a sealed copy, and stops at
 * the first that does not (written before the device had the server's key): numbers go in
 * order (S4), so the rest waits for the app. Call with the sync lock held.
 */
import { PROTOCOL_VERSION, PUSH_BATCH_MAX, pushResponseSchema, type SealedMutation } from '../protocol/wire';
import type { OutboxRow } from '../storage/db';
import { getMeta } from '../storage/meta';
import { numberOutbox } from '../storage/outbox';
import type { SyncDeps } from './deps';
import { deviceReport } from './deviceReport';
import { PUSH_BATCH_BYTES, settleAnswer, type PushResult } from './pushOutbox';
import { requestJson } from './requestJson';

type Sendable = OutboxRow & { readonly no: number; readonly sealedForServer: string };

async function nextSealedBatch(deps: SyncDeps, limit: number): Promise<Sendable[]> {
  const rows = (await deps.db.outbox.toArray()).filter((r): r is OutboxRow & { no: number } => r.no !== undefined);
  rows.sort((a, b) => a.no - b.no);
  const batch: Sendable[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    if (row.sealedForServer === undefined) break;
    bytes += row.sealedForServer.length;
    // Always at least one, or the outbox could never drain.
    if (batch.length > 0 && bytes > PUSH_BATCH_BYTES) break;
    batch.push(row as Sendable);
  }
  return batch;
}

function toSealedMutation(row: Sendable): SealedMutation {
  return {
    no: row.no,
    mutationId: row.mutationId,
    kind: row.kind,
    entityId: row.entityId,
    op: row.op,
    baseVersion: row.baseVersion,
    hlc: row.hlc,
    seenCursor: row.seenCursor ?? null,
    sealed: row.sealedForServer,
  };
}

export async function pushSealedOutbox(deps: SyncDeps, batchSize = PUSH_BATCH_MAX): Promise<PushResult> {
  const { db } = deps;
  const [push, deviceId] = await Promise.all([getMeta(db, 'backgroundPush'), getMeta(db, 'deviceId')]);
  if (!push || !deviceId) return { ok: false, code: 'signed_out' };
  let sent = 0;
  let rejected = 0;
  await numberOutbox(db);
  for (;;) {
    const batch = await nextSealedBatch(deps, batchSize);
    if (batch.length === 0) return { ok: true, sent, rejected };
    const body = { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: batch.map(toSealedMutation), ...(await deviceReport(deps)) };
    const res = await requestJson(deps, '/api/sync/push-sealed', body, pushResponseSchema, push.token);
    if (!res.ok) {
      switch (res.code) {
        case 'offline':
        case 'server_error':
        case 'bad_response':
        case 'device_revoked':
          return { ok: false, code: res.code };
        // The token no longer works, or a change did not open: nothing more can be done
        // without the person, and nothing is lost; the app sends the rest once unlocked.
        case 'unauthorized':
        case 'rejected':
          return { ok: false, code: 'signed_out' };
      }
    }
    const settled = await settleAnswer(deps, batch.map((r) => r.no), res.value);
    if (!settled.progressed) return { ok: false, code: 'bad_response' };
    sent += settled.sent;
    rejected += settled.rejected;
  }
}
