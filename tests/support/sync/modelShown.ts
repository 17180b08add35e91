/**
 * What a device shows, checked against the server once a sync model run is quiet. Records are
 * read and decoded the way the screens read them (storage/readRecords.ts: the patient, and
 * everything the patient has), for every patient the server holds in the device's scope, and
 * compared field by field with what a full pull from the server delivers. No exception for
 * conflicts the person has not resolved: the device shows the server's value then too, and
 * offers the other one on the Conflicts screen (S9, S9a). A refused change leaves nothing shown
 * (S7a): the refusal lives in the rejections list.
 */
import { readSession } from '../../../src/storage/session';
import { canonicalJson } from '../../../src/domain/contactNote';
import { PROTOCOL_VERSION, PULL_PAGE_MAX, pullResponseSchema } from '../../../src/protocol/wire';
import { plainCodec } from '../../../src/storage/codec';
import { openPatientRecords, PATIENT_CHILD_KINDS, readRawPatientRecords, readRecord } from '../../../src/storage/readRecords';
import type { ModelClient } from './modelClient';

type Rec = Readonly<Record<string, unknown>>;

/** Everything a full pull with the device's session delivers, live records only, by `kind:id`. */
async function serverRecords(url: string, token: string): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${url}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, cursor, limit: PULL_PAGE_MAX }),
    });
    const body = pullResponseSchema.parse(await res.json());
    for (const rec of body.records) {
      if (rec.deleted || rec.data === null) out.delete(`${rec.kind}:${rec.id}`);
      else out.set(`${rec.kind}:${rec.id}`, rec.data as Rec);
    }
    cursor = body.cursor;
    if (!body.hasMore) return out;
  }
  throw new Error('pull did not finish');
}

/** What the device shows of each patient the server or the device holds, by `kind:id`. */
async function shownRecords(client: ModelClient, patientIds: Iterable<string>): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  for (const patientId of patientIds) {
    const patient = await readRecord(client.db, plainCodec, 'patient', patientId);
    if (!patient) continue;
    out.set(`patient:${patientId}`, patient as unknown as Rec);
    const records = await openPatientRecords(await readRawPatientRecords(client.db, patientId), plainCodec);
    for (const kind of PATIENT_CHILD_KINDS) {
      for (const rec of records[kind] as readonly { id: string }[]) out.set(`${kind}:${rec.id}`, rec as unknown as Rec);
    }
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? '(absent)' : canonicalJson(v));

/** Differences between what the device shows and the server holds, one line per field. */
export async function shownDiffers(client: ModelClient, url: string): Promise<string[]> {
  const session = await readSession({ db: client.db, codec: plainCodec });
  if (!session) return [`${client.name} is signed out`];
  const server = await serverRecords(url, session.accessToken);
  const patients = new Set<string>();
  for (const [key, rec] of server) {
    if (key.startsWith('patient:')) patients.add(rec.id as string);
  }
  for (const row of await client.db.patients.toArray()) patients.add(row.id);
  const shown = await shownRecords(client, patients);
  const lines: string[] = [];
  const inScope = (key: string, rec: Rec) => patients.has(key.startsWith('patient:') ? (rec.id as string) : (rec.patientId as string));
  const keys = new Set([...[...server].filter(([k, v]) => inScope(k, v)).map(([k]) => k), ...shown.keys()]);
  for (const key of [...keys].sort()) {
    const want = server.get(key);
    const got = shown.get(key);
    if (!want || !got) {
      lines.push(`${key}: server ${want ? 'has it' : 'has none'}, the device ${got ? `shows ${canonicalJson(got)}` : 'shows none'}`);
      continue;
    }
    for (const field of [...new Set([...Object.keys(want), ...Object.keys(got)])].sort()) {
      if (show(want[field]) !== show(got[field])) lines.push(`${key}.${field}: server ${show(want[field])}, shown ${show(got[field])}`);
    }
  }
  return lines;
}
