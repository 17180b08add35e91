/**
 * Sends the outbox to the server in numbered batches until it is empty (S4-S7). Each batch
 * is settled locally only from the server's answer, which it sends after committing; a lost
 * answer just means the same numbers are sent again and answered `duplicate`.
 */
import type { SyncErrorCode } from '../domain/syncStatus';
import { PROTOCOL_VERSION, PUSH_BATCH_MAX, pushResponseSchema, type Mutation, type PushResponse } from '../protocol/wire';
import { getMeta, observeServerTime } from '../storage/meta';
import { readSession } from '../storage/session';
import { nextBatch, numberOutbox, settleOutbox, type OutgoingChange } from '../storage/outbox';
import type { SyncDeps } from './deps';
import { deviceReport } from './deviceReport';
import { syncFailureCode } from './failureCode';
import { authedRequest } from './authedRequest';

export type PushResult =
  | { readonly ok: true; readonly sent: number; readonly rejected: number }
  | { readonly ok: false; readonly code: SyncErrorCode | 'signed_out' };

function toMutation({ row, change }: OutgoingChange): Mutation {
  return {
    no: row.no,
    mutationId: row.mutationId,
    kind: row.kind,
    entityId: row.entityId,
    op: change.op,
    patientId: change.patientId,
    baseVersion: row.baseVersion,
    hlc: row.hlc,
    seenCursor: row.seenCursor ?? null,
    values: { ...change.values },
    at: change.at,
  };
}

/** Keeps a batch well under the server's 1 MiB body limit, however long the notes are. */
export const PUSH_BATCH_BYTES = 512 * 1024;

function fitBatch(batch: readonly OutgoingChange[]): Mutation[] {
  const out: Mutation[] = [];
  let bytes = 0;
  for (const item of batch) {
    const m = toMutation(item);
    bytes += JSON.stringify(m).length;
    // Always send at least one change, or the outbox could never drain.
    if (out.length > 0 && bytes > PUSH_BATCH_BYTES) break;
    out.push(m);
  }
  return out;
}

/** Call with the sync lock held. */
export async function pushOutbox(deps: SyncDeps, batchSize = PUSH_BATCH_MAX): Promise<PushResult> {
  const { db } = deps;
  const session = await readSession(deps);
  const deviceId = await getMeta(db, 'deviceId');
  if (!session || !deviceId) return { ok: false, code: 'signed_out' };
  let sent = 0;
  let rejected = 0;
  await numberOutbox(db);
  for (;;) {
    const batch = await nextBatch(db, deps.codec, batchSize);
    if (batch.length === 0) return { ok: true, sent, rejected };
    const mutations = fitBatch(batch);
    const sentNos = mutations.map((m) => m.no);
    const body = { protocolVersion: PROTOCOL_VERSION, deviceId, mutations, ...(await deviceReport(deps)) };
    const res = await authedRequest(deps, '/api/sync/push', body, pushResponseSchema);
    if (!res.ok) return { ok: false, code: res.code === 'signed_out' ? 'signed_out' : syncFailureCode(res) };
    const settled = await settleAnswer(deps, sentNos, res.value);
    if (!settled.progressed) return { ok: false, code: 'bad_response' };
    sent += settled.sent;
    rejected += settled.rejected;
  }
}

/**
 * Settles one batch from the server's answer (any push: this one or the sealed one). `sentNos`
 * are the batch's numbers in order. `progressed` false means the server settled none of them:
 * it and this device disagree about numbering, and the caller stops rather than loop (the
 * changes stay in the outbox).
 */
export async function settleAnswer(
  deps: SyncDeps,
  sentNos: readonly number[],
  { settledThrough, results, serverTime }: PushResponse,
): Promise<{ readonly sent: number; readonly rejected: number; readonly progressed: boolean }> {
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [{ no: r.no, reason: r.reason, message: r.message }] : []));
  // Settle only what this batch carried: the answers to later numbers are not in this reply (S7).
  const lastSent = sentNos.at(-1) ?? 0;
  await settleOutbox(deps.db, Math.min(settledThrough, lastSent), refused, deps.now().toISOString());
  // S19: later local stamps sort after everything the server has seen.
  const serverMs = Date.parse(serverTime);
  if (Number.isFinite(serverMs)) await observeServerTime(deps.db, serverMs, deps.now().getTime());
  return {
    sent: results.filter((r) => r.status !== 'duplicate').length,
    rejected: refused.length,
    progressed: settledThrough >= (sentNos[0] ?? 0),
  };
}
