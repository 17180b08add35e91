/**
 * The contact record through the push: a draft is discarded (a tombstone) only by its author
 * and only while it is a draft (S10, S12); consent events are written once, in the name of the
 * signed-in person; an excluded care gap needs its reason; referrals are created by their
 * sender and then change status.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import type { Mutation, MutationResult } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { signIn } from '../../../test/http';
import { BASE_TIME, change, push, row, sealed } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const N1 = NORTH_PATIENTS[0] as PatientId;
const AT = BASE_TIME.toISOString() as IsoDateTime;
const GAP = `gap-${N1}-CBP`;
const POINT = `cp-${N1}-1`;

function draft(id: string, authorId = 'user-ana'): ContactNote {
  return {
    id: id as NoteId,
    patientId: N1,
    authorId: authorId as UserId,
    authorName: 'Ana Tester',
    status: 'draft',
    mode: 'phone_call',
    contactAt: AT,
    durationMinutes: 10,
    outcome: 'reached',
    activities: [],
    text: 'Talked about the new number.',
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

const consentEvent = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  patientId: N1,
  contactPointId: POINT,
  channel: 'phone',
  value: '+17815550101',
  decision: 'declined',
  method: 'verbal',
  at: AT,
  byId: 'user-ana',
  byName: 'Ana Tester',
  ...over,
});

const refused = (reason: string, message: RegExp) => ({ status: 'rejected', reason, message: expect.stringMatching(message) });

describeEachDb('push and the contact record', (current) => {
  let app: FastifyInstance;
  const ana = { id: 'device-ana-record', token: '', next: 1 };
  const sol = { id: 'device-sol-record', token: '', next: 1 };

  const send = async (d: typeof ana, kind: Mutation['kind'], entityId: string, op: Mutation['op'], values: Record<string, unknown>): Promise<MutationResult> => {
    const res = await push(app, d.token, d.id, [change(d.next++, { kind, entityId, patientId: N1, op, values })]);
    return res.results[0]!;
  };

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    ana.token = await signIn(app, 'ana', ana.id);
    sol.token = await signIn(app, 'sol', sol.id);
  });
  afterAll(() => app.close());

  describe('discarding a draft', () => {
    it('[S10][S12] the author discards their draft: a tombstone, and later writes to it are refused', async () => {
      expect(await send(ana, 'note', 'note-x1', 'create', { ...draft('note-x1') })).toMatchObject({ status: 'applied' });
      expect(await send(ana, 'note', 'note-x1', 'delete', {})).toMatchObject({ status: 'applied' });
      expect(await row(current().db, 'note', 'note-x1')).toMatchObject({ deleted: true });
      expect(await send(ana, 'note', 'note-x1', 'update', { text: 'A late autosave' })).toMatchObject(refused('deleted', /deleted/));
    });

    it('[S10] nobody else can discard a draft', async () => {
      await send(ana, 'note', 'note-x2', 'create', { ...draft('note-x2') });
      expect(await send(sol, 'note', 'note-x2', 'delete', {})).toMatchObject(refused('invalid', /only its author/));
      expect(await row(current().db, 'note', 'note-x2')).toMatchObject({ deleted: false });
    });

    it('[S10] a signed note is never deleted, not even by its author', async () => {
      const signed = sealed({ ...draft('note-x3'), status: 'signed', signedAt: AT });
      expect(await send(ana, 'note', 'note-x3', 'create', { ...signed })).toMatchObject({ status: 'applied' });
      expect(await send(ana, 'note', 'note-x3', 'delete', {})).toMatchObject(refused('note_signed', /never deleted/));
      expect(await row(current().db, 'note', 'note-x3')).toMatchObject({ deleted: false, data: { status: 'signed' } });
    });
  });

  describe('consent events', () => {
    it('a decision is recorded once, in the name of the signed-in person', async () => {
      expect(await send(ana, 'consentEvent', 'ce-1', 'create', consentEvent('ce-1'))).toMatchObject({ status: 'applied' });
      expect(await row(current().db, 'consentEvent', 'ce-1')).toMatchObject({ data: { decision: 'declined', byId: 'user-ana' } });
    });

    it.each<[string, Mutation['op'], Record<string, unknown>]>([
      ['changed', 'update', { decision: 'granted' }],
      ['deleted', 'delete', {}],
    ])('a recorded decision cannot be %s', async (_what, op, values) => {
      expect(await send(ana, 'consentEvent', 'ce-1', op, values)).toMatchObject(refused('forbidden_kind', /record the new decision/));
      expect(await row(current().db, 'consentEvent', 'ce-1')).toMatchObject({ deleted: false, data: { decision: 'declined' } });
    });

    it('a decision in someone else\'s name is refused', async () => {
      expect(await send(ana, 'consentEvent', 'ce-2', 'create', consentEvent('ce-2', { byId: 'user-sol' }))).toMatchObject(refused('invalid', /^byId: /));
      expect(await row(current().db, 'consentEvent', 'ce-2')).toBeUndefined();
    });
  });

  describe('care gap exclusions', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['without a reason', { status: 'excluded' }, 'rejected'],
      ['with a blank reason', { status: 'excluded', exclusionReason: '   ' }, 'rejected'],
      ['with its reason', { status: 'excluded', exclusionReason: 'Bilateral mastectomy (2019)' }, 'applied'],
    ])('excluding a gap %s is %s', async (_what, values, status) => {
      const result = await send(ana, 'careGap', GAP, 'update', values);
      expect(result.status).toBe(status);
      if (status === 'rejected') expect(result).toMatchObject(refused('invalid', /^exclusionReason: /));
    });

    it('clearing the reason of an excluded gap is refused; reopening it without one applies', async () => {
      expect(await send(ana, 'careGap', GAP, 'update', { exclusionReason: null })).toMatchObject(refused('invalid', /^exclusionReason: /));
      expect(await send(ana, 'careGap', GAP, 'update', { status: 'open', exclusionReason: null })).toMatchObject({ status: 'applied' });
    });
  });

  describe('referrals', () => {
    const referral = {
      id: 'ref-1',
      patientId: N1,
      noteId: 'note-x3',
      to: 'social_worker',
      reason: 'Housing',
      status: 'sent',
      sentAt: AT,
      sentById: 'user-ana',
      sentByName: 'Ana Tester',
      statusAt: AT,
      statusById: 'user-ana',
      statusByName: 'Ana Tester',
    };

    it('is created by its sender and then changes status; who sent it never changes', async () => {
      expect(await send(ana, 'referral', 'ref-1', 'create', referral)).toMatchObject({ status: 'applied' });
      expect(await send(ana, 'referral', 'ref-1', 'update', { status: 'accepted' })).toMatchObject({ status: 'applied' });
      expect(await send(ana, 'referral', 'ref-1', 'update', { sentByName: 'Someone else' })).toMatchObject(refused('invalid', /^sentByName: /));
      expect(await send(ana, 'referral', 'ref-1', 'delete', {})).toMatchObject(refused('forbidden_kind', /declined/));
      expect(await row(current().db, 'referral', 'ref-1')).toMatchObject({ data: { status: 'accepted', sentByName: 'Ana Tester' } });
    });
  });
});
