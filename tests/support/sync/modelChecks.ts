/**
 * What must hold once a sync model run is quiet (everyone synced in calm conditions): the
 * invariants of docs/SYNC.md, checked against the server (a full pull, and its rows where
 * pull says less) and every device's database.
 */
import { readSession } from '../../../src/storage/session';
import { expect } from 'vitest';
import { canonicalJson } from '../../../src/domain/contactNote';
import type { EntityKind } from '../../../src/domain/entities';
import { PROTOCOL_VERSION, PULL_PAGE_MAX, pullResponseSchema } from '../../../src/protocol/wire';
import { plainCodec } from '../../../src/storage/codec';
import { TABLE_OF_KIND } from '../../../src/storage/db';
import { hashNoteContent } from '../../../src/storage/hashNote';
import { getMeta } from '../../../src/storage/meta';
import type { ModelClient } from './modelClient';
import { describeConflict, describeEdit, latestStampNotFinal, unaccountedEdits, type Edit, type KeptConflict } from './modelOracle';
import type { Deletable, Run } from './modelProgram';
import type { ModelServer } from './modelServer';
import { shownDiffers } from './modelShown';

const CHECKED_KINDS: readonly EntityKind[] = ['patient', 'contactPoint', 'caregiver', 'note', 'careGap', 'conflict'];

export async function checkQuiet(r: Run): Promise<void> {
  const { server, office } = r.world;
  // What the devices' scope holds, and what the whole organisation holds (patients the office
  // moved away included), for the checks that follow every edit wherever it went.
  const truth = await serverState(server, await tokenOf(r.clients[0]!));
  const orgTruth = await serverState(server, office.token);
  /** Changes the devices were told the server refused, and the records they would have created. */
  const told = new Set<string>();
  const refused = new Set<string>();
  for (const [c, client] of r.clients.entries()) {
    // Nothing waits; the server settled exactly the numbers this device gave out (S4, S5);
    // the only refusals are changes to records the office deleted, changes made on a patient
    // the device had been told had left, and the later of two "entered in error" marks of one
    // note; each kept for the person (S7, S10, S12, S16).
    expect(await client.db.outbox.count(), `client ${c} outbox`).toBe(0);
    const rejections = await client.db.rejections.toArray();
    for (const rejection of rejections) {
      told.add(rejection.mutationId);
      if ((await plainCodec.open<{ op: string }>(rejection.body)).op === 'create') refused.add(rejection.entityKey);
    }
    expect(
      rejections
        .filter(
          (x) =>
            !(x.reason === 'deleted' && r.deleted.has(x.entityKey)) &&
            !(x.reason === 'out_of_scope' && r.madeAfterExit.has(x.mutationId)) &&
            !(x.reason === 'note_signed' && r.errorMarks.has(x.mutationId)),
        )
        .map((x) => `${x.entityKey} ${x.reason} ${JSON.stringify(x.body)}`),
      `client ${c} rejections other than of deleted records, of changes made knowing the patient had left, or of a second "entered in error"`,
    ).toEqual([]);
    // [S7a] A refusal keeps the whole record as the person saw it, their change included (a
    // refused note keeps its full text), though the device itself shows the server's value.
    expect(await refusalsWithoutRecord(rejections), `client ${c} refusals that do not keep the record as it was shown`).toEqual([]);
    // What the person sees is what the server holds, field by field, every record in scope.
    expect(await shownDiffers(client, server.urls[c % server.urls.length]!), `client ${c} shows other values than the server holds`).toEqual([]);
    expect(await settledMark(server, client.deviceId), `client ${c} settled`).toBe((await getMeta(client.db, 'lastMutationNo')) ?? 0);
    // Convergence: the device holds exactly what the server holds in its scope.
    const local = await localState(client);
    const diff = [...new Set([...truth.keys(), ...local.keys()])].filter(
      (k) => canonicalJson(truth.get(k) ?? null) !== canonicalJson(local.get(k) ?? null),
    );
    expect(
      diff.map((k) => `${k}\n server ${canonicalJson(truth.get(k) ?? null)}\n local  ${canonicalJson(local.get(k) ?? null)}`),
      `client ${c} differs from the server`,
    ).toEqual([]);
  }
  expect(await settledMark(server, office.deviceId), 'office settled').toBe(office.lastMutationNo);

  // Scope (S16): nothing of a patient moved away is left on any device, nothing waits to leave.
  for (const [c, client] of r.clients.entries()) {
    const held: string[] = [];
    for (const patientId of r.away) {
      if (await client.db.patients.get(patientId)) held.push(`patient:${patientId}`);
      for (const kind of CHECKED_KINDS.filter((k) => k !== 'patient')) {
        const n = await client.db[TABLE_OF_KIND[kind]].where('patientId').equals(patientId).count();
        if (n > 0) held.push(`${n} ${kind} of ${patientId}`);
      }
    }
    expect(held, `client ${c} holds patients that left its scope`).toEqual([]);
    expect((await getMeta(client.db, 'leavingPatients')) ?? [], `client ${c} leaving`).toEqual([]);
  }

  // Tombstones (S12): a deleted record stays deleted on the server, and no pull, by anyone,
  // at any point, served it as live again (convergence above covers the devices' copies).
  expect(r.resurrected, 'deleted records served again').toEqual([]);
  const tombstones = new Map<string, Record<string, unknown>>();
  for (const key of r.deleted) {
    const [kind, id] = key.split(':') as [Deletable, string];
    const row = await storedRow(server, kind, id);
    expect(row?.deleted, `${key} on the server`).toBe(true);
    expect(truth.has(key), `${key} pulled`).toBe(false);
    tombstones.set(key, row?.data ?? {});
  }

  // Per-field last writer wins, and every loser kept (S8, S9). A deleted record's last values
  // are its tombstone's.
  const record = (e: Edit) => tombstones.get(`${e.kind}:${e.id}`) ?? (orgTruth.get(`${e.kind}:${e.id}`) as Record<string, unknown> | undefined);
  const finalValue = (e: Edit) => record(e)?.[e.field] ?? null;
  const conflicts = [...orgTruth.entries()].filter(([key]) => key.startsWith('conflict:')).map(([, value]) => value as KeptConflict);
  for (const conflict of conflicts) expect(conflict.winner.hlc > conflict.loser.hlc, describeConflict(conflict)).toBe(true);
  const live = r.edits.filter((e) => !r.deleted.has(`${e.kind}:${e.id}`));
  expect(latestStampNotFinal(live, finalValue, told).map(describeEdit), 'latest stamp is not the final value').toEqual([]);
  const lost = unaccountedEdits(r.edits, finalValue, conflicts, told);
  if (lost.length > 0) {
    const touched = new Set(r.edits.map((e) => `${e.kind}:${e.id}`));
    const related = conflicts.filter((c) => touched.has(`${c.entityKind}:${c.entityId}`));
    expect(
      { unaccounted: lost.map(describeEdit), edits: r.edits.map(describeEdit), conflicts: related.map(describeConflict) },
      'edits neither on the record, nor kept as a conflict, nor knowingly replaced, nor refused',
    ).toEqual({ unaccounted: [] });
  }

  // Signed notes never change (S10); one refused (made knowing its patient had left) is not there.
  for (const [id, hash] of r.signed) {
    if (refused.has(`note:${id}`)) {
      expect(orgTruth.has(`note:${id}`), `refused note ${id}`).toBe(false);
      continue;
    }
    const note = orgTruth.get(`note:${id}`) as Parameters<typeof hashNoteContent>[0] & { status: string; contentHash: string };
    // Signed, or marked "entered in error" since: the content stays as it was signed.
    expect(['signed', 'entered_in_error'], `status of signed note ${id}`).toContain(note.status);
    expect(note.contentHash).toBe(hash);
    expect(await hashNoteContent(note)).toBe(hash);
  }
  // [S3] Nothing typed in a note is lost: every field as the person last left it in a draft
  // is on the server's note, whether they signed it or not (unless the server refused it).
  const toldKeys = new Set<string>();
  for (const client of r.clients) for (const x of await client.db.rejections.toArray()) toldKeys.add(x.entityKey);
  for (const [id, draft] of r.drafts) {
    if (toldKeys.has(`note:${id}`)) continue;
    const note = orgTruth.get(`note:${id}`) as Record<string, unknown> | undefined;
    const lost = Object.entries(draft.typed)
      .filter(([field, value]) => canonicalJson(note?.[field] ?? null) !== canonicalJson(value ?? null))
      .map(([field, value]) => `${field}: typed ${canonicalJson(value ?? null)}, server ${note ? canonicalJson(note[field] ?? null) : '(no note)'}`);
    expect(lost, `[S3] note ${id} from client ${draft.c}: fields typed but not on the server`).toEqual([]);
  }
  // Concurrent adds all survive, each exactly once, unless the office deleted them or the
  // server refused them (S11, S5).
  const names = [...orgTruth.values()].flatMap((v) => ((v as { name?: string }).name ? [(v as { name: string }).name] : []));
  for (const [id, name] of r.caregivers) {
    const gone = r.deleted.has(`caregiver:${id}`) || refused.has(`caregiver:${id}`);
    expect(names.filter((n) => n === name), name).toHaveLength(gone ? 0 : 1);
  }
}

/**
 * Refusals that do not keep the record as the device showed it, the refused change included.
 * A refused note's record is always kept (its text must stay recoverable); a change to a
 * record the device had already let go (a tombstone pulled first) may have none to keep.
 * When several refused changes of one record set the same field, the record shows the last of
 * them (seed 1357854086: consent declined twice on a contact point the office deleted), so a
 * field is checked against the latest refusal that set it.
 */
async function refusalsWithoutRecord(rejections: readonly { entityKey: string; kind: string; body: unknown }[]): Promise<string[]> {
  const out: string[] = [];
  const changes = await Promise.all(rejections.map((x) => plainCodec.open<{ op: string; values: Record<string, unknown> }>(x.body)));
  // The index of the last refusal that set each field of each record.
  const lastSetter = new Map<string, number>();
  changes.forEach((c, i) => {
    for (const field of Object.keys(c.values)) lastSetter.set(`${rejections[i]?.entityKey}|${field}`, i);
  });
  for (const [i, x] of rejections.entries()) {
    const change = changes[i] as { op: string; values: Record<string, unknown> };
    const sealed = (x as { record?: unknown }).record;
    if (sealed === undefined) {
      if (x.kind === 'note') out.push(`${x.entityKey}: no record kept`);
      continue;
    }
    const record = await plainCodec.open<Record<string, unknown>>(sealed);
    const missing = Object.entries(change.values).filter(
      ([field, value]) => lastSetter.get(`${x.entityKey}|${field}`) === i && canonicalJson(record[field] ?? null) !== canonicalJson(value ?? null),
    );
    if (missing.length > 0) out.push(`${x.entityKey}: the kept record lacks ${missing.map(([f]) => f).join(', ')}`);
  }
  return out;
}

/** Everything in the caller's scope, as a full pull from the beginning delivers it. */
async function serverState(server: ModelServer, token: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${server.url}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, cursor, limit: PULL_PAGE_MAX }),
    });
    const body = pullResponseSchema.parse(await res.json());
    for (const rec of body.records) {
      if (!CHECKED_KINDS.includes(rec.kind)) continue;
      if (rec.deleted) out.delete(`${rec.kind}:${rec.id}`);
      else out.set(`${rec.kind}:${rec.id}`, rec.data);
    }
    cursor = body.cursor;
    if (!body.hasMore) return out;
  }
  throw new Error('pull did not finish');
}

async function localState(client: ModelClient): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const kind of CHECKED_KINDS) {
    for (const row of await client.db[TABLE_OF_KIND[kind]].toArray()) out.set(`${kind}:${row.id}`, await plainCodec.open(row.body));
  }
  return out;
}

/** The server's stored row, tombstones included (pull sends a tombstone without its data). */
async function storedRow(server: ModelServer, kind: Deletable, id: string) {
  const [row] = await server.db.query<{ deleted: boolean; data: Record<string, unknown> }>(
    'select deleted, data from patient_records where kind = $1 and id = $2',
    [kind, id],
  );
  return row;
}

async function settledMark(server: ModelServer, deviceId: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>('select settled_through as n from device_mutations where device_id = $1', [deviceId]);
  return Number(row?.n ?? 0);
}

async function tokenOf(client: ModelClient): Promise<string> {
  const session = await readSession({ db: client.db, codec: plainCodec });
  if (!session) throw new Error(`${client.name} is signed out`);
  return session.accessToken;
}
