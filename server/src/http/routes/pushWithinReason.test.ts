/**
 * Dates and numbers within reason on push: a note being signed, a new appointment and a new
 * task are judged at the change's own clock stamp (protocol/withinReason.ts), refused as
 * `invalid` with a message naming the field, and never refused for the time they took to
 * arrive.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../../src/domain/appointment';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { AppointmentId, IsoDate, IsoDateTime, NoteId, PatientId, TaskId, UserId } from '../../../../src/domain/ids';
import type { Task } from '../../../../src/domain/task';
import type { Mutation, MutationResult } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { signIn } from '../../../test/http';
import { BASE_TIME, change, hlcAt, push, row, sealed } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const N1 = NORTH_PATIENTS[0] as PatientId;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(BASE_TIME.getTime() + ms).toISOString() as IsoDateTime;
const date = (ms: number) => at(ms).slice(0, 10) as IsoDate;

function signedNote(id: string, over: Partial<ContactNote> = {}): ContactNote {
  return sealed({
    id: id as NoteId,
    patientId: N1,
    authorId: 'user-ana' as UserId,
    authorName: 'Ana Tester',
    status: 'signed',
    mode: 'home_visit',
    contactAt: at(-HOUR),
    durationMinutes: 30,
    outcome: 'reached',
    activities: [],
    text: 'Visited.',
    followUps: [],
    escalation: null,
    nextContactDue: date(30 * DAY),
    createdAt: at(-HOUR),
    updatedAt: at(0),
    signedAt: at(0),
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
    ...over,
  });
}

const appointment = (id: string, startsAt: IsoDateTime): Appointment => ({
  id: id as AppointmentId,
  patientId: N1,
  provider: 'Dr. Lee',
  reason: 'Eye exam',
  mode: 'in_person',
  startsAt,
  status: 'scheduled',
});

const task = (id: string, dueDate: IsoDate): Task => ({
  id: id as TaskId,
  patientId: N1,
  kind: 'follow_up',
  title: 'Call about results',
  dueDate,
  ownerName: 'Ana Tester',
  status: 'open',
  sourceNoteId: null,
  sourceAppointmentId: null,
  createdAt: at(0),
  completedAt: null,
  completedByNoteId: null,
});

const refused = (message: RegExp) => ({ status: 'rejected', reason: 'invalid', message: expect.stringMatching(message) });

describeEachDb('push: dates and numbers within reason', (current) => {
  let app: FastifyInstance;
  let serverNow = BASE_TIME;
  const ana = { id: 'device-ana-reason', token: '', next: 1, signedInAt: BASE_TIME };

  /** One change made at `madeAt` ms after BASE_TIME (its clock stamp), pushed now. */
  const send = async (kind: Mutation['kind'], entityId: string, op: Mutation['op'], values: object, madeAt = 0): Promise<MutationResult> => {
    // Access tokens last 15 minutes of the server's clock, which these tests move by hours.
    if (Math.abs(serverNow.getTime() - ana.signedInAt.getTime()) >= 10 * 60 * 1000) {
      ana.token = await signIn(app, 'ana', ana.id);
      ana.signedInAt = serverNow;
    }
    const m = change(ana.next++, { kind, entityId, patientId: N1, op, values: { ...values }, hlc: hlcAt(madeAt, 'node-reason'), at: at(madeAt) });
    return (await push(app, ana.token, ana.id, [m])).results[0]!;
  };

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => serverNow });
    ana.token = await signIn(app, 'ana', ana.id);
  });
  afterAll(() => app.close());

  describe('a signed note', () => {
    it.each([
      ['a contact an hour in the future', { contactAt: at(HOUR) }, /^contactAt: is in the future$/],
      ['a contact before the patient was born (1950-04-02)', { contactAt: '1949-12-31T10:00:00.000Z' as IsoDateTime }, /^contactAt: is before the patient's birth date$/],
      ['a duration of zero', { durationMinutes: 0 }, /^durationMinutes: must be whole minutes from 1 to 600$/],
      ['a duration of 15 hours', { durationMinutes: 900 }, /^durationMinutes: must be whole minutes/],
      ['a next contact last week', { nextContactDue: date(-7 * DAY) }, /^nextContactDue: is in the past$/],
      ['a next contact in four years', { nextContactDue: date(4 * 365 * DAY) }, /^nextContactDue: is more than 3 years ahead$/],
      [
        'a follow-up due four years ahead',
        { followUps: [{ id: 'task-far' as TaskId, title: 'Call', dueDate: date(4 * 365 * DAY), ownerName: '' }] },
        /^followUps\.0\.dueDate: is more than 3 years ahead$/,
      ],
      [
        'an appointment booked for last week',
        { activities: [{ kind: 'appointment', action: 'set', provider: 'Dr. Lee', reason: '', startsAt: at(-7 * DAY), mode: 'in_person', appointmentId: null }] },
        /^activities\.0\.startsAt: is in the past$/,
      ],
    ] as const)('is refused for %s, naming the field', async (_, over, message) => {
      const id = `note-${ana.next}`;
      expect(await send('note', id, 'create', signedNote(id, over as Partial<ContactNote>))).toMatchObject(refused(message));
      expect(await row(current().db, 'note', id)).toBeUndefined();
    });

    it('is refused when a draft is signed with a contact time in the future, and the draft stays', async () => {
      const draft = { ...signedNote('note-draft'), status: 'draft' as const, signedAt: null, contentHash: null, contactAt: at(2 * HOUR) };
      // A draft is work in progress: never refused for its dates.
      expect(await send('note', 'note-draft', 'create', draft)).toMatchObject({ status: 'applied' });
      const signed = signedNote('note-draft', { contactAt: at(2 * HOUR) });
      expect(await send('note', 'note-draft', 'update', { status: 'signed', signedAt: signed.signedAt, contentHash: signed.contentHash })).toMatchObject(
        refused(/^contactAt: is in the future$/),
      );
      expect((await row(current().db, 'note', 'note-draft'))?.data.status).toBe('draft');
    });

    it('allows a few minutes of clock skew: a tablet three minutes fast signs "now"', async () => {
      expect(await send('note', 'note-skew', 'create', signedNote('note-skew', { contactAt: at(3 * MIN) }))).toMatchObject({ status: 'applied' });
    });

    it('is judged when it was signed, not when it arrives: signed offline yesterday, pushed today', async () => {
      serverNow = new Date(BASE_TIME.getTime() + DAY);
      try {
        const late = signedNote('note-late', { contactAt: at(-2 * HOUR), nextContactDue: date(0) });
        expect(await send('note', 'note-late', 'create', late, 0)).toMatchObject({ status: 'applied' });
      } finally {
        serverNow = BASE_TIME;
      }
    });
  });

  describe('a new appointment', () => {
    it('is refused in the past or more than three years ahead', async () => {
      expect(await send('appointment', 'appt-past', 'create', appointment('appt-past', at(-DAY)))).toMatchObject(refused(/^startsAt: is in the past$/));
      expect(await send('appointment', 'appt-far', 'create', appointment('appt-far', at(4 * 365 * DAY)))).toMatchObject(
        refused(/^startsAt: is more than 3 years ahead$/),
      );
    });

    it('booked offline at 10:00 for 14:00 and pushed at 18:00 is kept', async () => {
      serverNow = new Date(BASE_TIME.getTime() + 8 * HOUR);
      try {
        expect(await send('appointment', 'appt-offline', 'create', appointment('appt-offline', at(4 * HOUR)), 0)).toMatchObject({ status: 'applied' });
        // Changing it later is not a booking: its time is in the past by now, and that is fine.
        expect(await send('appointment', 'appt-offline', 'update', { status: 'confirmed' }, 8 * HOUR)).toMatchObject({ status: 'applied' });
      } finally {
        serverNow = BASE_TIME;
      }
    });
  });

  describe('a new task', () => {
    it('is refused due in the past or more than three years ahead, with a day of slack for time zones', async () => {
      expect(await send('task', 'task-past', 'create', task('task-past', date(-3 * DAY)))).toMatchObject(refused(/^dueDate: is in the past$/));
      expect(await send('task', 'task-far', 'create', task('task-far', date(4 * 365 * DAY)))).toMatchObject(refused(/^dueDate: is more than 3 years ahead$/));
      // "Today" in Honolulu can be yesterday in UTC.
      expect(await send('task', 'task-today', 'create', task('task-today', date(-DAY)))).toMatchObject({ status: 'applied' });
    });
  });
});
