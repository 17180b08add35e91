import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FacilityId, IsoDate, IsoDateTime } from '../../domain/ids';
import { asRecord, buildPatient } from '../../../tests/support/builders';
import { applyPullPage } from '../applyPullPage';
import { plainCodec } from '../codec';
import { openRoundsDb, type RoundsDb } from '../db';
import { setMeta } from '../meta';
import { readRecord } from '../readRecords';
import { recordAttempt } from './attempts';
import type { CommandDeps } from './commandDeps';
import { openVisitNote, saveDraft, signNoteCommand } from './notes';

let db: RoundsDb;
let deps: CommandDeps;
let n = 0;

beforeEach(async () => {
  db = openRoundsDb(`attempts-${n++}`);
  let id = 0;
  let clock = Date.parse('2026-11-22T15:00:00Z');
  deps = {
    db,
    codec: plainCodec,
    now: () => new Date((clock += 1000)),
    newId: () => `id-${++id}`,
    nodeId: 'device-1',
    today: () => '2026-11-22' as IsoDate,
  };
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
  const overdue = { nextDueDate: '2026-11-01' as IsoDate, lastContactAt: '2026-10-01T14:00:00.000Z' as IsoDateTime };
  await applyPullPage(
    db,
    plainCodec,
    [
      asRecord('patient', buildPatient('pat_1', overdue)),
      asRecord('patient', buildPatient('pat_2', { ...overdue, facilityId: 'fac_1' as FacilityId })),
    ],
    'c1',
  );
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('attempts are contacts', () => {
  it.each([
    ['nobody home', 'pat_1', 'not_home', 'home_visit'],
    ['nobody home at the care home', 'pat_2', 'not_home', 'facility_visit'],
    ['a call nobody answered', 'pat_1', 'no_answer', 'phone_call'],
  ] as const)('%s is a signed note, and the patient is due again in two days', async (_, patientId, outcome, mode) => {
    const res = await recordAttempt(deps, { patientId, outcome });
    if (!res.ok) throw new Error(res.code);
    const note = await readRecord(db, plainCodec, 'note', res.note.id);
    expect(note).toMatchObject({ status: 'signed', mode, outcome, nextContactDue: '2026-11-24', authorId: 'usr_1' });
    expect(note?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await readRecord(db, plainCodec, 'patient', patientId)).toMatchObject({ nextDueDate: '2026-11-24', lastContactAt: note?.contactAt });
    // One create of the signed note and the patient's update, written together.
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => `${r.entityKey}:${r.op}`)).toEqual([`note:${res.note.id}:create`, `patient:${patientId}:update`]);
  });

  it('every attempt is counted: two doors unanswered are two records', async () => {
    await recordAttempt(deps, { patientId: 'pat_1', outcome: 'not_home' });
    await recordAttempt(deps, { patientId: 'pat_1', outcome: 'not_home' });
    expect(await db.notes.count()).toBe(2);
  });

  it('refuses a patient no longer on the device and writes nothing', async () => {
    expect(await recordAttempt(deps, { patientId: 'pat_gone', outcome: 'not_home' })).toEqual({ ok: false, code: 'not_found' });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('the visit note and the next contact due', () => {
  it('"Done" opens a new visit note, and the same one again on a second tap', async () => {
    const first = await openVisitNote(deps, { patientId: 'pat_1' });
    const again = await openVisitNote(deps, { patientId: 'pat_1' });
    if (!first.ok || !again.ok) throw new Error('expected notes');
    expect(first.note).toMatchObject({ status: 'draft', mode: 'home_visit' });
    expect(again.note.id).toBe(first.note.id);
    expect(await db.notes.count()).toBe(1);
  });

  it('a signed "reached" visit writes its next contact due onto the patient: no longer overdue', async () => {
    const res = await openVisitNote(deps, { patientId: 'pat_1' });
    if (!res.ok) throw new Error(res.code);
    await saveDraft(deps, { ...res.note, outcome: 'reached', nextContactDue: '2026-12-22' as IsoDate });
    expect((await signNoteCommand(deps, res.note.id)).ok).toBe(true);
    expect(await readRecord(db, plainCodec, 'patient', 'pat_1')).toMatchObject({ nextDueDate: '2026-12-22' });
  });

  it('a contact time in the future is not signed, the field is named, and nothing changes', async () => {
    const res = await openVisitNote(deps, { patientId: 'pat_1' });
    if (!res.ok) throw new Error(res.code);
    await saveDraft(deps, { ...res.note, outcome: 'reached', contactAt: '2026-11-23T15:00:00.000Z' as IsoDateTime, durationMinutes: 0 });
    const outbox = await db.outbox.count();
    expect(await signNoteCommand(deps, res.note.id)).toEqual({ ok: false, code: 'incomplete', problems: ['contact_in_future', 'duration_out_of_range'] });
    expect((await readRecord(db, plainCodec, 'note', res.note.id))?.status).toBe('draft');
    expect(await readRecord(db, plainCodec, 'patient', 'pat_1')).toMatchObject({ nextDueDate: '2026-11-01' });
    expect(await db.outbox.count()).toBe(outbox);
  });
});
