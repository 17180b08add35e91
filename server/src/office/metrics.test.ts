/**
 * The office metrics (docs/METRICS.md) on a small hand-built data set written through the
 * audited write path (writeRecord), with every expected number worked out by hand below.
 *
 * Range: Monday 2026-11-02 to Sunday 2026-11-15 (UTC), territories North and South in scope;
 * West is the same organisation's, out of scope.
 *
 * Patients: p1 North, es, born 1950-06-01 (76: 75+); p2 North, en-US, born 1980-01-01 (46:
 * 45-64); p3 South, es-MX, born 2010-01-01 (16: 0-17); p5 South, vi, born 1961-11-09 (65 on the
 * day of their contact: 65-74); p4 West.
 *
 * Signed notes in scope and range: n1 p1 Ana call no_answer; n2 p1 Ana home visit reached
 * (appointment set, teach-back yes, portal activated); n3 p2 Ana call reached (RPM setup, HRA);
 * n4 p3 Ben visit not_home; n5 p3 Ben video reached (satisfaction survey, referral); n11 p5
 * Ben call no_answer. Not counted: n6 (draft), n7 (entered in error), n8 (West), n9 (the day
 * after the range), n10 (the minute before it).
 *
 * Appointments: a1 p1 completed 11-10 (kept); a2 p2 no-show 11-12 14:00; a5 p3 no-show 11-05
 * 12:00; not counted: a3 (West), a4 (before the range), a6 (West no-show), a7 (no-show the day
 * after the range). Follow-up of a2: n9 (p2, 11-16 00:30, 3 days 10.5 h later; n3 was before);
 * of a5: n4 (p3, exactly 6 days later) and n5 (exactly 7).
 *
 * Satisfaction (scored on the server from the answers; the device's stored score, 1, is
 * ignored): r3 on n3 rates 2, 3, 4 (would_recommend 7 is out of range, easy_to_reach 'yes' not
 * a number): 3 of 5 answered, mean 3; r2 on n5: 5, 4, 5, 4, 3, mean 4.2; r4 also on n5 has two
 * ratings (fewer than three: no score, not a response); r5 (n8, West) and r6 (n9, after the
 * range) are out. Two responses, average (3 + 4.2) / 2 = 3.6.
 *
 * Care gaps closed in range and scope: g3 p1 BCS 11-03, g4 p3 BCS 11-14, g5 p2 CBP 11-15 23:59;
 * not: g1 (11-20), g6 (West), g7 (11-16 00:00), g2 and g8 (open).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { changeRecord, createRecord, type ChangeAuthor } from '../changes/writeRecord';
import { lockRecord, nextVersion, type RecordKey } from '../changes/recordRows';
import type { RecordTable } from '../changes/writableKinds';
import { describeEachDb } from '../../test/testDb';
import { refreshOrgFacts } from './facts';
import { funnel, overview as overviewOf, type MetricsScope, type OverviewOptions } from './metrics';

const ORG = 'org-m';
const AT = new Date('2026-11-20T12:00:00Z');
const AUTHOR: ChangeAuthor = { orgId: ORG, userId: null, deviceId: null, address: null, name: 'Import', source: 'ehr_import' };
const SCOPE: MetricsScope = { orgId: ORG, territoryIds: ['ter-n', 'ter-s'], from: '2026-11-02', to: '2026-11-15' };
const OPTIONS: OverviewOptions = { followUpDays: 7, now: AT };
const overview = (db: Db, scope: MetricsScope, options: Partial<OverviewOptions> = {}) => overviewOf(db, scope, { ...OPTIONS, ...options });

const PATIENTS: [id: string, territory: string, language: string, birthDate: string][] = [
  ['p1', 'ter-n', 'es', '1950-06-01'],
  ['p2', 'ter-n', 'en-US', '1980-01-01'],
  ['p3', 'ter-s', 'es-MX', '2010-01-01'],
  ['p4', 'ter-w', 'en', '1970-01-01'],
  ['p5', 'ter-s', 'vi', '1961-11-09'],
];

interface NoteSpec {
  id: string;
  patientId: string;
  authorId: string;
  mode: string;
  contactAt: string;
  outcome: string;
  activities?: unknown[];
  status?: string;
}

function note(s: NoteSpec): Record<string, unknown> {
  return {
    id: s.id,
    patientId: s.patientId,
    authorId: s.authorId,
    authorName: s.authorId,
    status: s.status ?? 'signed',
    mode: s.mode,
    contactAt: s.contactAt,
    durationMinutes: 20,
    outcome: s.outcome,
    activities: s.activities ?? [],
    text: '',
    followUps: [],
    escalation: null,
    createdAt: s.contactAt,
    updatedAt: s.contactAt,
    signedAt: s.status === 'draft' ? null : s.contactAt,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  };
}

const APPOINTMENT_SET = { kind: 'appointment', action: 'set', provider: 'Dr Ruiz', reason: 'AWV', startsAt: '2026-11-10T14:00:00Z', mode: 'in_person', appointmentId: 'a1' };

const NOTES: NoteSpec[] = [
  { id: 'n1', patientId: 'p1', authorId: 'u-ana', mode: 'phone_call', contactAt: '2026-11-02T15:00:00Z', outcome: 'no_answer' },
  {
    id: 'n2',
    patientId: 'p1',
    authorId: 'u-ana',
    mode: 'home_visit',
    contactAt: '2026-11-04T16:00:00Z',
    outcome: 'reached',
    activities: [
      APPOINTMENT_SET,
      { kind: 'education', topic: 'Falls', materialGiven: true, teachBack: 'yes' },
      { kind: 'portal_help', steps: ['email_created', 'account_activated'] },
    ],
  },
  {
    id: 'n3',
    patientId: 'p2',
    authorId: 'u-ana',
    mode: 'phone_call',
    contactAt: '2026-11-10T10:00:00Z',
    outcome: 'reached',
    activities: [
      { kind: 'rpm', device: 'bp_cuff', action: 'setup' },
      { kind: 'questionnaire', questionnaireId: 'hra', responseId: 'r1' },
      { kind: 'education', topic: 'Salt', materialGiven: false, teachBack: 'partly' },
      { kind: 'questionnaire', questionnaireId: 'satisfaction', responseId: 'r3' },
    ],
  },
  { id: 'n4', patientId: 'p3', authorId: 'u-ben', mode: 'home_visit', contactAt: '2026-11-11T12:00:00Z', outcome: 'not_home' },
  {
    id: 'n5',
    patientId: 'p3',
    authorId: 'u-ben',
    mode: 'video_call',
    contactAt: '2026-11-12T12:00:00Z',
    outcome: 'reached',
    activities: [
      { kind: 'questionnaire', questionnaireId: 'satisfaction', responseId: 'r2' },
      { kind: 'referral', to: 'social_worker', reason: 'housing' },
      { kind: 'questionnaire', questionnaireId: 'satisfaction', responseId: 'r4' },
    ],
  },
  { id: 'n11', patientId: 'p5', authorId: 'u-ben', mode: 'phone_call', contactAt: '2026-11-09T09:00:00Z', outcome: 'no_answer' },
  // Not counted:
  { id: 'n6', patientId: 'p2', authorId: 'u-ana', mode: 'phone_call', contactAt: '2026-11-13T10:00:00Z', outcome: 'reached', activities: [APPOINTMENT_SET], status: 'draft' },
  { id: 'n7', patientId: 'p1', authorId: 'u-ana', mode: 'home_visit', contactAt: '2026-11-05T10:00:00Z', outcome: 'reached', status: 'entered_in_error' },
  {
    id: 'n8',
    patientId: 'p4',
    authorId: 'u-ben',
    mode: 'home_visit',
    contactAt: '2026-11-05T10:00:00Z',
    outcome: 'reached',
    activities: [{ kind: 'questionnaire', questionnaireId: 'satisfaction', responseId: 'r5' }],
  },
  {
    id: 'n9',
    patientId: 'p2',
    authorId: 'u-ana',
    mode: 'phone_call',
    contactAt: '2026-11-16T00:30:00Z',
    outcome: 'reached',
    activities: [{ kind: 'questionnaire', questionnaireId: 'satisfaction', responseId: 'r6' }],
  },
  { id: 'n10', patientId: 'p1', authorId: 'u-ana', mode: 'phone_call', contactAt: '2026-11-01T23:59:00Z', outcome: 'reached' },
];

function response(id: string, patientId: string, noteId: string, answers: Record<string, unknown>): Record<string, unknown> {
  // The device's own score is deliberately wrong: the server scores from the answers.
  return { id, questionnaireId: 'satisfaction', questionnaireVersion: '1', patientId, noteId, answers, score: 1, language: 'en', status: 'completed', updatedAt: AT.toISOString() };
}

async function create(db: Db, table: RecordTable, kind: string, data: Record<string, unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await nextVersion(tx);
    const key: RecordKey = { table, kind, id: String(data.id) };
    const owner = { patientId: String(data.patientId), orgId: ORG };
    expect(await createRecord(tx, AUTHOR, AT, key, owner, { data, stamps: {}, deleted: false, version })).toBe(true);
  });
}

async function change(db: Db, table: RecordTable, kind: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    const key: RecordKey = { table, kind, id };
    const stored = await lockRecord(tx, key);
    if (!stored) throw new Error(`no ${kind} ${id}`);
    const version = await nextVersion(tx);
    await changeRecord(tx, AUTHOR, AT, key, stored, { data: { ...stored.data, ...patch }, stamps: stored.stamps, deleted: false, version });
  });
}

async function factIds(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select note_id as id from contact_facts order by note_id');
  return rows.map((r) => r.id);
}

describeEachDb('office metrics', (current) => {
  beforeAll(async () => {
    const { db } = current();
    await current().reset();
    await db.exec(`insert into orgs (id, name) values ('${ORG}', 'Metrics');
      insert into territories (id, org_id, name) values ('ter-n', '${ORG}', 'North'), ('ter-s', '${ORG}', 'South'), ('ter-w', '${ORG}', 'West');
      insert into users (id, org_id, username, name, role, password_hash) values ('u-ana', '${ORG}', 'ana-m', 'Ana Tester', 'specialist', 'x');`);
    for (const [id, territoryId, language, birthDate] of PATIENTS) {
      await db.query('insert into patients (id, org_id, territory_id, data) values ($1, $2, $3, $4::jsonb)', [
        id,
        ORG,
        territoryId,
        JSON.stringify({ id, language, birthDate }),
      ]);
    }
    // r3 is written before its note (n3) and r2, r4 after theirs (n5): both orders reach the facts.
    await create(db, 'patient_records', 'questionnaireResponse', response('r3', 'p2', 'n3', { visit_helpful: 2, explained_clearly: 3, felt_respected: 4, would_recommend: 7, easy_to_reach: 'yes' }));
    for (const n of NOTES) await create(db, 'patient_records', 'note', note(n));
    await create(db, 'patient_records', 'questionnaireResponse', response('r2', 'p3', 'n5', { visit_helpful: 5, explained_clearly: 4, felt_respected: 5, would_recommend: 4, easy_to_reach: 3, comments: 'Kind' }));
    await create(db, 'patient_records', 'questionnaireResponse', response('r4', 'p3', 'n5', { visit_helpful: 1, explained_clearly: 1, comments: 'Too short' }));
    await create(db, 'patient_records', 'questionnaireResponse', response('r5', 'p4', 'n8', { visit_helpful: 1, explained_clearly: 1, felt_respected: 1 }));
    await create(db, 'patient_records', 'questionnaireResponse', response('r6', 'p2', 'n9', { visit_helpful: 1, explained_clearly: 1, felt_respected: 1 }));
    const appointment = (id: string, patientId: string, startsAt: string, status: string) => ({ id, patientId, provider: 'Dr Ruiz', reason: 'AWV', mode: 'in_person', startsAt, status });
    await create(db, 'appointments', 'appointment', appointment('a1', 'p1', '2026-11-10T14:00:00Z', 'scheduled'));
    await change(db, 'appointments', 'appointment', 'a1', { status: 'completed' });
    await create(db, 'appointments', 'appointment', appointment('a2', 'p2', '2026-11-12T14:00:00Z', 'no_show'));
    await create(db, 'appointments', 'appointment', appointment('a3', 'p4', '2026-11-12T14:00:00Z', 'completed'));
    await create(db, 'appointments', 'appointment', appointment('a4', 'p1', '2026-10-01T14:00:00Z', 'completed'));
    await create(db, 'appointments', 'appointment', appointment('a5', 'p3', '2026-11-05T12:00:00Z', 'scheduled'));
    await change(db, 'appointments', 'appointment', 'a5', { status: 'no_show' });
    await create(db, 'appointments', 'appointment', appointment('a6', 'p4', '2026-11-06T12:00:00Z', 'no_show'));
    await create(db, 'appointments', 'appointment', appointment('a7', 'p5', '2026-11-16T09:00:00Z', 'no_show'));
    const gap = (id: string, patientId: string, measure = 'AWV') => ({ id, patientId, measure, status: 'open', dueDate: null, closedAt: null, evidence: null, exclusionReason: null });
    await create(db, 'care_gaps', 'careGap', gap('g1', 'p1'));
    await change(db, 'care_gaps', 'careGap', 'g1', { status: 'closed', closedAt: '2026-11-20T00:00:00Z' });
    await create(db, 'care_gaps', 'careGap', gap('g2', 'p2'));
    const closed = async (id: string, patientId: string, measure: string, closedAt: string) => {
      await create(db, 'care_gaps', 'careGap', gap(id, patientId, measure));
      await change(db, 'care_gaps', 'careGap', id, { status: 'closed', closedAt });
    };
    await closed('g3', 'p1', 'BCS', '2026-11-03T09:00:00Z');
    await closed('g4', 'p3', 'BCS', '2026-11-14T09:00:00Z');
    await closed('g5', 'p2', 'CBP', '2026-11-15T23:59:00Z');
    await closed('g6', 'p4', 'BCS', '2026-11-05T09:00:00Z');
    await closed('g7', 'p2', 'AWV', '2026-11-16T00:00:00Z');
    await create(db, 'care_gaps', 'careGap', gap('g8', 'p3', 'COL'));
  });

  it('counts only signed notes, and nothing else, as contacts', async () => {
    expect(await factIds(current().db)).toEqual(['n1', 'n10', 'n11', 'n2', 'n3', 'n4', 'n5', 'n8', 'n9']);
  });

  it('derives channel, reach, language and age band as they were at the contact', async () => {
    const rows = await current().db.query<Record<string, unknown>>(
      `select note_id, channel, reached, language, age_band, territory_id from contact_facts where note_id in ('n2', 'n5', 'n11') order by note_id`,
    );
    expect(rows).toEqual([
      { note_id: 'n11', channel: 'call', reached: false, language: 'vi', age_band: '65-74', territory_id: 'ter-s' },
      { note_id: 'n2', channel: 'visit', reached: true, language: 'es', age_band: '75+', territory_id: 'ter-n' },
      { note_id: 'n5', channel: 'call', reached: true, language: 'es', age_band: '0-17', territory_id: 'ter-s' },
    ]);
  });

  it('overview totals', async () => {
    const o = await overview(current().db, SCOPE);
    expect(o.totals).toEqual({
      contactsAttempted: 6,
      contactsReached: 3,
      patientsAttempted: 4,
      patientsReached: 3,
      reachRate: 0.75,
      visitsCompleted: 1,
      appointmentsSet: 1,
      appointmentsKept: 1,
      portalEnrollments: 1,
      rpmSetups: 1,
      hrasCompleted: 1,
      surveysCompleted: 2,
      referrals: 1,
      teachBackConfirmed: 1,
      gapsClosedInContact: 0,
      noShows: 2,
      noShowsFollowedUp: 2,
      satisfactionResponses: 2,
      satisfactionAverage: 3.6,
    });
    expect([o.dataAsOf, o.followUpDays]).toEqual([AT.toISOString(), 7]);
    expect(o.outcomes).toEqual([
      { outcome: 'reached', contacts: 3 },
      { outcome: 'no_answer', contacts: 2 },
      { outcome: 'not_home', contacts: 1 },
    ]);
  });

  it('overview per specialist, per territory and per week', async () => {
    const o = await overview(current().db, SCOPE);
    const pick = (t: { contactsAttempted: number; contactsReached: number; patientsAttempted: number; patientsReached: number; visitsCompleted: number }) =>
      [t.contactsAttempted, t.contactsReached, t.patientsAttempted, t.patientsReached, t.visitsCompleted];
    expect(o.bySpecialist.map((s) => [s.authorId, ...pick(s)])).toEqual([
      ['u-ana', 3, 2, 2, 2, 1],
      ['u-ben', 3, 1, 2, 1, 0],
    ]);
    expect(o.byTerritory.map((t) => [t.territoryId, ...pick(t)])).toEqual([
      ['ter-n', 3, 2, 2, 2, 1],
      ['ter-s', 3, 1, 2, 1, 0],
    ]);
    expect(o.weekly.map((w) => [w.weekStart, ...pick(w)])).toEqual([
      ['2026-11-02', 2, 1, 1, 1, 1],
      ['2026-11-09', 4, 2, 3, 2, 0],
    ]);
  });

  it('no-shows followed up within N days: a contact after the start, up to exactly N days later', async () => {
    const { db } = current();
    const followed = async (followUpDays: number) => {
      const o = await overview(db, SCOPE, { followUpDays });
      return [o.followUpDays, o.totals.noShows, o.totals.noShowsFollowedUp];
    };
    expect(await followed(7)).toEqual([7, 2, 2]);
    // a5's first contact after it is n4, exactly 6 days later: in at 6, out at 5.
    expect(await followed(6)).toEqual([6, 2, 2]);
    expect(await followed(5)).toEqual([5, 2, 1]);
    // a2's is n9, 3 days 10.5 hours later; n3, before the no-show, never counts.
    expect(await followed(4)).toEqual([4, 2, 1]);
    expect(await followed(3)).toEqual([3, 2, 0]);
  });

  it('names specialists and territories, and counts care gaps closed by measure', async () => {
    const o = await overview(current().db, SCOPE);
    expect(o.bySpecialist.map((s) => [s.authorId, s.name])).toEqual([
      ['u-ana', 'Ana Tester'],
      ['u-ben', ''],
    ]);
    expect(o.byTerritory.map((t) => [t.territoryId, t.name])).toEqual([
      ['ter-n', 'North'],
      ['ter-s', 'South'],
    ]);
    expect(o.gapsClosedByMeasure).toEqual([
      { measure: 'BCS', closed: 2 },
      { measure: 'CBP', closed: 1 },
    ]);
  });

  it('scores satisfaction from the answers as they are now', async () => {
    const { db } = current();
    // Another rating on r4 makes three: it now has a score, (1 + 1 + 4) / 3 = 2.
    const [r4] = await db.query<{ data: { answers: Record<string, unknown> } }>(`select data from patient_records where kind = 'questionnaireResponse' and id = 'r4'`);
    await change(db, 'patient_records', 'questionnaireResponse', 'r4', { answers: { ...r4?.data.answers, felt_respected: 4 } });
    const o = await overview(db, SCOPE);
    expect(o.totals.satisfactionResponses).toBe(3);
    expect(o.totals.satisfactionAverage).toBeCloseTo(9.2 / 3, 12);
    await change(db, 'patient_records', 'questionnaireResponse', 'r4', { answers: r4?.data.answers });
    const back = await overview(db, SCOPE);
    expect([back.totals.satisfactionResponses, back.totals.satisfactionAverage]).toEqual([2, 3.6]);
    const none = await overview(db, { ...SCOPE, from: '2026-11-02', to: '2026-11-03' });
    expect([none.totals.satisfactionResponses, none.totals.satisfactionAverage]).toEqual([0, null]);
  });

  it('scopes to the territories given', async () => {
    const south = await overview(current().db, { ...SCOPE, territoryIds: ['ter-s'] });
    expect([south.totals.contactsAttempted, south.totals.patientsReached, south.totals.appointmentsKept]).toEqual([3, 1, 0]);
    expect([south.totals.noShows, south.totals.noShowsFollowedUp, south.totals.satisfactionResponses, south.totals.satisfactionAverage]).toEqual([1, 1, 1, 4.2]);
    expect(south.gapsClosedByMeasure).toEqual([{ measure: 'BCS', closed: 1 }]);
    const none = await overview(current().db, { ...SCOPE, territoryIds: [] });
    expect(none.totals.contactsAttempted).toBe(0);
    expect(none.totals.reachRate).toBeNull();
    expect([none.totals.noShows, none.totals.satisfactionAverage, none.gapsClosedByMeasure]).toEqual([0, null, []]);
  });

  it('the engagement funnel, with drop-off by language, age band, channel and territory', async () => {
    const f = await funnel(current().db, SCOPE);
    expect(f.totals).toEqual({ attempted: 4, reached: 3, appointmentSet: 1, appointmentKept: 1, gapClosed: 1 });
    const rows = (list: readonly { value: string; attempted: number; reached: number; appointmentSet: number; appointmentKept: number; gapClosed: number }[]) =>
      list.map((r) => [r.value, r.attempted, r.reached, r.appointmentSet, r.appointmentKept, r.gapClosed]);
    expect(rows(f.by.language)).toEqual([
      ['en', 1, 1, 0, 0, 0],
      ['es', 2, 2, 1, 1, 1],
      ['vi', 1, 0, 0, 0, 0],
    ]);
    expect(rows(f.by.ageBand)).toEqual([
      ['0-17', 1, 1, 0, 0, 0],
      ['45-64', 1, 1, 0, 0, 0],
      ['65-74', 1, 0, 0, 0, 0],
      ['75+', 1, 1, 1, 1, 1],
    ]);
    expect(rows(f.by.channel)).toEqual([
      ['call', 3, 2, 1, 1, 1],
      ['visit', 1, 1, 0, 0, 0],
    ]);
    expect(rows(f.by.territory)).toEqual([
      ['ter-n', 2, 2, 1, 1, 1],
      ['ter-s', 2, 1, 0, 0, 0],
    ]);
  });

  describe('the projection stays true', () => {
    it('keeps the territory of the contact when the patient moves', async () => {
      const { db } = current();
      await db.query("update patients set territory_id = 'ter-s' where id = 'p2'");
      const [row] = await db.query<{ territory_id: string }>("select territory_id from contact_facts where note_id = 'n3'");
      expect(row?.territory_id).toBe('ter-n');
      await db.query("update patients set territory_id = 'ter-n' where id = 'p2'");
    });

    it('when a draft is signed, it counts', async () => {
      const { db } = current();
      await change(db, 'patient_records', 'note', 'n6', { status: 'signed', signedAt: '2026-11-13T10:05:00Z' });
      expect(await factIds(db)).toContain('n6');
      const o = await overview(db, SCOPE);
      expect([o.totals.contactsAttempted, o.totals.appointmentsSet]).toEqual([7, 2]);
    });

    it('when a signed note is entered in error, it no longer counts', async () => {
      const { db } = current();
      await change(db, 'patient_records', 'note', 'n2', {
        status: 'entered_in_error',
        enteredInError: { at: '2026-11-20T10:00:00Z', by: 'Ana', byId: 'u-ana', reason: 'wrong patient' },
      });
      expect(await factIds(db)).not.toContain('n2');
      const o = await overview(db, SCOPE);
      expect([o.totals.contactsAttempted, o.totals.visitsCompleted, o.totals.portalEnrollments]).toEqual([6, 0, 0]);
    });

    it('matches a derivation from scratch', async () => {
      const { db } = current();
      const all = 'select * from contact_facts order by note_id';
      const before = await db.query(all);
      await db.transaction((tx) => refreshOrgFacts(tx, ORG));
      expect(await db.query(all)).toEqual(before);
    });
  });
});
