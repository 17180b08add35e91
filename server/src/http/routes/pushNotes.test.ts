/**
 * S10 through the push: drafts belong to their author, signing is sealed with a hash the
 * server checks, a signed note's content never changes, "entered in error" is the one change
 * a signed note accepts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import type { Mutation, MutationResult } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { signIn } from '../../../test/http';
import { BASE_TIME, change, contentOf, push, row, sealed } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const N1 = NORTH_PATIENTS[0] as PatientId;
const AT = BASE_TIME.toISOString() as IsoDateTime;

function draft(id: string): ContactNote {
  return {
    id: id as NoteId,
    patientId: N1,
    authorId: 'user-ana' as UserId,
    authorName: 'Ana Tester',
    status: 'draft',
    mode: 'home_visit',
    contactAt: AT,
    durationMinutes: 30,
    outcome: 'reached',
    activities: [{ kind: 'education', topic: 'Blood pressure diary', materialGiven: true, teachBack: 'yes' }],
    text: 'Reviewed the diary together.',
    followUps: [],
    escalation: null,
    createdAt: AT,
    updatedAt: AT,
    signedAt: null,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  };
}

const refused = (reason: string, message: RegExp) => ({ status: 'rejected', reason, message: expect.stringMatching(message) });

const signing = (note: ContactNote) => {
  const signed = sealed({ ...note, status: 'signed', signedAt: AT });
  return { status: signed.status, signedAt: signed.signedAt, contentHash: signed.contentHash };
};

describeEachDb('push and contact notes (S10)', (current) => {
  let app: FastifyInstance;
  const ana = { id: 'device-ana-notes', token: '', next: 1 };
  const sol = { id: 'device-sol-notes', token: '', next: 1 };

  const send = async (d: typeof ana, noteId: string, op: Mutation['op'], values: Record<string, unknown>): Promise<MutationResult> => {
    const res = await push(app, d.token, d.id, [change(d.next++, { kind: 'note', entityId: noteId, patientId: N1, op, values })]);
    return res.results[0]!;
  };
  const stored = async (id: string) => (await row(current().db, 'note', id))?.data;

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    ana.token = await signIn(app, 'ana', ana.id);
    sol.token = await signIn(app, 'sol', sol.id);
  });
  afterAll(() => app.close());

  describe('drafts', () => {
    it('[S10] the author writes and changes a draft', async () => {
      expect(await send(ana, 'note-d1', 'create', { ...draft('note-d1') })).toMatchObject({ status: 'applied' });
      expect(await send(ana, 'note-d1', 'update', { text: 'Reviewed the diary; readings improving.' })).toMatchObject({ status: 'applied' });
      expect((await stored('note-d1'))?.text).toBe('Reviewed the diary; readings improving.');
    });

    it("[S10] nobody else can change someone's draft, or write a note in their name", async () => {
      expect(await send(sol, 'note-d1', 'update', { text: 'Edited by someone else' })).toMatchObject(refused('invalid', /only its author/));
      expect(await send(sol, 'note-d2', 'create', { ...draft('note-d2') })).toMatchObject(refused('invalid', /^authorId: /));
      expect((await stored('note-d1'))?.text).toBe('Reviewed the diary; readings improving.');
    });
  });

  describe('signing', () => {
    it('[S10] signing with the hash of the content applies', async () => {
      const note = (await stored('note-d1')) as unknown as ContactNote;
      expect(await send(ana, 'note-d1', 'update', signing(note))).toMatchObject({ status: 'applied' });
      expect(await stored('note-d1')).toMatchObject({ status: 'signed', contentHash: sealed(note).contentHash });
    });

    it('[S10] signing with a hash that does not match the content is rejected', async () => {
      await send(ana, 'note-s2', 'create', { ...draft('note-s2') });
      const wrong = { ...signing(draft('note-s2')), contentHash: 'f'.repeat(64) };
      expect(await send(ana, 'note-s2', 'update', wrong)).toMatchObject(refused('invalid', /^contentHash: /));
      // A hash of other content (the text changed after hashing) is just as wrong.
      const stale = { ...signing(draft('note-s2')), text: 'Changed after hashing' };
      expect(await send(ana, 'note-s2', 'update', stale)).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect((await stored('note-s2'))?.status).toBe('draft');
    });

    it('[S10] a note created and signed offline arrives signed, with its seal checked', async () => {
      const signed = sealed({ ...draft('note-s3'), status: 'signed', signedAt: AT });
      expect(await send(ana, 'note-s3', 'create', { ...signed })).toMatchObject({ status: 'applied' });
      const forged = { ...signed, id: 'note-s4' as NoteId, text: 'Not what was sealed' };
      expect(await send(ana, 'note-s4', 'create', { ...forged })).toMatchObject({ status: 'rejected', reason: 'invalid' });
    });
  });

  describe('signed notes', () => {
    it.each([
      ['its text', { text: 'Rewritten later' }],
      ['its activities', { activities: [] }],
      ['its hash', { contentHash: 'a'.repeat(64) }],
      ['its status back to draft', { status: 'draft' }],
      ['its signing time', { signedAt: '2026-11-21T00:00:00.000Z' }],
    ])('[S10] a change to %s is rejected note_signed', async (_what, values) => {
      const before = await row(current().db, 'note', 'note-d1');
      expect(await send(ana, 'note-d1', 'update', values)).toMatchObject({ status: 'rejected', reason: 'note_signed' });
      expect(contentOf(await row(current().db, 'note', 'note-d1'))).toEqual(contentOf(before));
    });

    it('[S10] marking it entered in error (with the reason) is accepted, from anyone in scope', async () => {
      const mark = { status: 'entered_in_error', enteredInError: { at: AT, by: 'Sol Tester', reason: 'Wrong patient' } };
      expect(await send(sol, 'note-d1', 'update', { status: 'entered_in_error' })).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(await send(sol, 'note-d1', 'update', mark)).toMatchObject({ status: 'applied' });
      expect(await stored('note-d1')).toMatchObject(mark);
    });

    it('[S10] a note entered in error never changes again', async () => {
      expect(await send(ana, 'note-d1', 'update', { enteredInError: { at: AT, by: 'Ana Tester', reason: 'Other' } })).toMatchObject({
        status: 'rejected',
        reason: 'note_signed',
      });
    });

    it('[S10] corrections are addenda, which cannot be changed once written', async () => {
      const addendum = { id: 'add-1', noteId: 'note-s3', patientId: N1, authorId: 'user-ana', authorName: 'Ana Tester', at: AT, text: 'BP 128/80' };
      const ref = { kind: 'addendum', entityId: 'add-1', patientId: N1 } as const;
      const created = await push(app, ana.token, ana.id, [change(ana.next++, { ...ref, op: 'create', values: addendum })]);
      expect(created.results[0]).toMatchObject({ status: 'applied' });
      const changed = await push(app, ana.token, ana.id, [change(ana.next++, { ...ref, values: { text: 'x' } })]);
      expect(changed.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_kind' });
    });
  });
});
