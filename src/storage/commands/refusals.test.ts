import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate, IsoDateTime } from '../../domain/ids';
import { asRecord, buildPatient } from '../../../tests/support/builders';
import { applyPullPage } from '../applyPullPage';
import { plainCodec } from '../codec';
import { openRoundsDb, type RoundsDb } from '../db';
import { setMeta } from '../meta';
import { numberOutbox, settleOutbox } from '../outbox';
import { readRecord } from '../readRecords';
import type { CommandDeps } from './commandDeps';
import { saveDraft, startNote } from './notes';
import { updateRecord } from './records';
import { dismissRefusal, redoRefusal } from './refusals';

let db: RoundsDb;
let deps: CommandDeps;
let n = 0;

beforeEach(async () => {
  db = openRoundsDb(`refusals-${n++}`);
  let id = 0;
  let clock = Date.parse('2026-11-22T15:00:00Z');
  deps = { db, codec: plainCodec, now: () => new Date((clock += 1000)), newId: () => `id-${++id}`, nodeId: 'device-1', today: () => '2026-11-22' as IsoDate };
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
  await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1', { bestTimeToCall: null }))], 'c1');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** The server refuses every change now in the outbox with `reason`. */
async function refuseAll(reason: string) {
  await numberOutbox(db);
  const rows = await db.outbox.toArray();
  await settleOutbox(db, rows.length, rows.map((r) => ({ no: r.no as number, reason, message: 'text: not accepted' })), '2026-11-22T16:00:00.000Z');
}

async function typedNote() {
  const started = await startNote(deps, { patientId: 'pat_1', mode: 'home_visit' });
  if (!started.ok) throw new Error(started.code);
  await saveDraft(deps, { ...started.note, outcome: 'reached', text: 'Talked through the inhaler plan' });
  return started.note.id;
}

describe('redoing a refused change (S7a)', () => {
  it('a refused new note leaves the device, and redo brings its text back as a new draft to open', async () => {
    const noteId = await typedNote();
    await refuseAll('invalid');
    expect(await db.notes.get(noteId)).toBeUndefined();
    const [refusal] = await db.rejections.toArray();
    const res = await redoRefusal(deps, refusal!.seq as number);
    expect(res).toMatchObject({ ok: true, opened: { kind: 'note', patientId: 'pat_1' } });
    const opened = res.ok && res.opened ? await readRecord(db, plainCodec, 'note', res.opened.noteId) : undefined;
    expect(opened).toMatchObject({ status: 'draft', outcome: 'reached', text: 'Talked through the inhaler plan', mode: 'home_visit' });
    expect(await db.rejections.count()).toBe(0);
  });

  it('a refused change to a field is written again onto the record as it is now', async () => {
    await updateRecord(deps, 'patient', 'pat_1', { bestTimeToCall: 'Mornings' });
    await refuseAll('invalid');
    // The server sends its copy again (S7a): the device shows the server's value.
    await applyPullPage(db, plainCodec, [{ ...asRecord('patient', buildPatient('pat_1', { bestTimeToCall: null })), version: 50 }], 'c2');
    expect((await readRecord(db, plainCodec, 'patient', 'pat_1'))?.bestTimeToCall).toBeNull();
    const [refusal] = await db.rejections.toArray();
    expect(await redoRefusal(deps, refusal!.seq as number)).toEqual({ ok: true, opened: null });
    expect((await readRecord(db, plainCodec, 'patient', 'pat_1'))?.bestTimeToCall).toBe('Mornings');
    expect(await db.outbox.count()).toBe(1);
  });

  it('a change refused because the patient left the territory cannot be redone here, and is kept until set aside', async () => {
    await updateRecord(deps, 'patient', 'pat_1', { bestTimeToCall: 'Mornings' });
    await refuseAll('out_of_scope');
    const [refusal] = await db.rejections.toArray();
    expect(await redoRefusal(deps, refusal!.seq as number)).toEqual({ ok: false, code: 'patient_gone' });
    expect(await db.rejections.count()).toBe(1);
    expect(await dismissRefusal(deps, refusal!.seq as number)).toEqual({ ok: true });
    expect(await db.rejections.count()).toBe(0);
  });
});
