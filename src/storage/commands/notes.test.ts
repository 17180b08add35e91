import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate, IsoDateTime } from '../../domain/ids';
import { asRecord, buildPatient } from '../../../tests/support/builders';
import { applyPullPage } from '../applyPullPage';
import { plainCodec } from '../codec';
import { openRoundsDb, type RoundsDb } from '../db';
import { setMeta } from '../meta';
import { nextBatch, numberOutbox, settleOutbox } from '../outbox';
import { readRecord } from '../readRecords';
import type { CommandDeps } from './commandDeps';
import { addAddendum, discardDraft, enterNoteInError, saveDraft, signNoteCommand, startNote } from './notes';

let db: RoundsDb;
let deps: CommandDeps;
let n = 0;

beforeEach(async () => {
  db = openRoundsDb(`notes-${n++}`);
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
  await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function draft() {
  const res = await startNote(deps, { patientId: 'pat_1', mode: 'home_visit' });
  if (!res.ok) throw new Error(res.code);
  return res.note;
}

describe('contact note commands', () => {
  it('a note for a patient not on this device is refused and writes nothing', async () => {
    expect(await startNote(deps, { patientId: 'pat_gone', mode: 'home_visit' })).toEqual({ ok: false, code: 'not_found' });
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('every autosave writes the note and replaces the pending draft change in the outbox', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, text: 'a' });
    await saveDraft(deps, { ...note, text: 'ab', outcome: 'reached' });
    expect((await readRecord(db, plainCodec, 'note', note.id))?.text).toBe('ab');
    const rows = await db.outbox.where('entityKey').equals(`note:${note.id}`).toArray();
    expect(rows).toHaveLength(1);
  });

  it('[S3] an autosave that replaces an unsent update keeps every field of the rows it replaces', async () => {
    const note = await draft();
    // The create is on its way (numbered); what follows is typed while it travels.
    await numberOutbox(db);
    await saveDraft(deps, { ...note, outcome: 'reached', text: 'Talked about the new inhaler' });
    await saveDraft(deps, { ...note, outcome: 'reached', text: 'Talked about the new inhaler', durationMinutes: 20 });
    await numberOutbox(db);
    const [, update] = await nextBatch(db, plainCodec, 10);
    expect(update?.change.op).toBe('update');
    expect(update?.change.values).toMatchObject({ outcome: 'reached', text: 'Talked about the new inhaler', durationMinutes: 20 });
  });

  it('a signed note never changes: a late autosave is refused and the hash stays', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, outcome: 'reached', text: 'Visited.' });
    const signed = await signNoteCommand(deps, note.id);
    if (!signed.ok) throw new Error(signed.code);
    expect(signed.note.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await saveDraft(deps, { ...signed.note, text: 'changed' })).toEqual({ ok: false, code: 'not_a_draft' });
    expect(await signNoteCommand(deps, note.id)).toEqual({ ok: false, code: 'not_a_draft' });
    const stored = await readRecord(db, plainCodec, 'note', note.id);
    expect(stored?.text).toBe('Visited.');
    expect(stored?.contentHash).toBe(signed.note.contentHash);
  });

  it('an incomplete draft is not signed and the problems are named', async () => {
    const note = await draft();
    expect(await signNoteCommand(deps, note.id)).toEqual({ ok: false, code: 'incomplete', problems: ['outcome_missing'] });
    expect((await readRecord(db, plainCodec, 'note', note.id))?.status).toBe('draft');
  });

  it('signing writes the derived records and their outbox rows together with the note', async () => {
    const note = await draft();
    await saveDraft(deps, {
      ...note,
      outcome: 'reached',
      escalation: { reason: 'Short of breath', severity: 'urgent' },
      followUps: [{ id: 'task-1' as never, title: 'Call back', dueDate: '2026-11-25' as IsoDate, ownerName: '' }],
    });
    const before = await db.outbox.count();
    const res = await signNoteCommand(deps, note.id);
    expect(res.ok).toBe(true);
    expect(await db.escalations.count()).toBe(1);
    expect(await db.tasks.count()).toBe(1);
    // note + task + escalation + patient (last contact)
    expect(await db.outbox.count()).toBe(before + 4);
  });

  it('addenda and "entered in error" keep the note and need text', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, outcome: 'reached' });
    expect(await addAddendum(deps, note.id, 'too early')).toEqual({ ok: false, code: 'not_signed' });
    await signNoteCommand(deps, note.id);
    expect(await addAddendum(deps, note.id, '  ')).toEqual({ ok: false, code: 'text_missing' });
    expect((await addAddendum(deps, note.id, 'Daughter, not son, was present.')).ok).toBe(true);
    expect(await enterNoteInError(deps, note.id, '')).toEqual({ ok: false, code: 'reason_missing' });
    expect(await enterNoteInError(deps, note.id, 'Wrong patient')).toEqual({ ok: true });
    const stored = await readRecord(db, plainCodec, 'note', note.id);
    expect(stored?.status).toBe('entered_in_error');
    expect(stored?.enteredInError?.reason).toBe('Wrong patient');
    expect(await db.addenda.count()).toBe(1);
  });

  it('the outbox carries strictly increasing clock stamps from this device', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, outcome: 'reached' });
    await signNoteCommand(deps, note.id);
    const stamps = (await db.outbox.orderBy('seq').toArray()).map((r) => r.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps.every((s) => s.endsWith(':device-1'))).toBe(true);
  });
});

describe('discarding a draft', () => {
  it('[S12] a draft the server never had leaves the device and sends nothing', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, text: 'Wrong patient, started by mistake' });
    expect(await discardDraft(deps, note.id)).toEqual({ ok: true });
    expect(await readRecord(db, plainCodec, 'note', note.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('[S12] a draft already sent is deleted here and its tombstone is queued; a pull of the old copy does not bring it back', async () => {
    const note = await draft();
    await numberOutbox(db);
    await settleOutbox(db, 1, [], '2026-11-22T15:00:30.000Z');
    expect(await discardDraft(deps, note.id)).toEqual({ ok: true });
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.entityKey, r.op])).toEqual([[`note:${note.id}`, 'delete']]);
    await applyPullPage(db, plainCodec, [asRecord('note', note as never)], 'c2');
    expect(await readRecord(db, plainCodec, 'note', note.id)).toBeUndefined();
  });

  it('a signed note is not discarded and stays', async () => {
    const note = await draft();
    await saveDraft(deps, { ...note, outcome: 'reached' });
    await signNoteCommand(deps, note.id);
    const outbox = await db.outbox.count();
    expect(await discardDraft(deps, note.id)).toEqual({ ok: false, code: 'not_a_draft' });
    expect((await readRecord(db, plainCodec, 'note', note.id))?.status).toBe('signed');
    expect(await db.outbox.count()).toBe(outbox);
  });

  it("someone else's draft is not discarded and stays", async () => {
    const note = await draft();
    await numberOutbox(db);
    await settleOutbox(db, 1, [], '2026-11-22T15:00:30.000Z');
    await applyPullPage(db, plainCodec, [asRecord('note', { ...note, authorId: 'usr_2', authorName: 'Ana Ruiz' } as never)], 'c3');
    expect(await discardDraft(deps, note.id)).toEqual({ ok: false, code: 'not_author' });
    expect((await readRecord(db, plainCodec, 'note', note.id))?.authorName).toBe('Ana Ruiz');
    expect(await db.outbox.count()).toBe(0);
  });
});
