/**
 * The authorisation matrix against the real server (Fastify on PGlite, and on PostgreSQL when
 * DATABASE_URL is set): every route that touches patient records, for every kind of caller,
 * asserting the HTTP status, the outcome, and that a refused request changed nothing (a
 * digest of every record table, their row counts and versions, and the audit trail's length).
 * Then the requests that try to claim authority the session does not give: forged clocks,
 * forged cursors, forged authors, another user's device, a baseVersion from the future, and
 * references to another patient's records.
 *
 * The patient under test is S1 in South. The callers:
 *   own         Ben, the specialist who works South
 *   otherTerr   Ana, a specialist who works North only
 *   teamSup     Sol, who supervises Ben (and Ana) and works North himself
 *   otherSup    Sue, a supervisor of no one here, working no territory
 *   admin       Ada, the administrator, working no territory
 *   otherOrg    Cam, a supervisor of another organisation
 *   none        no session at all
 *
 * Adding a route (sign-in, admin console...): add a RouteCase to ROUTE_CASES with the
 * policy action it checks, a `send` that performs one request as the given caller (`token`
 * is null for `none`), and `expect`: for each caller, the status and whether the request is
 * allowed to change the database (`writes: true`; otherwise the digest must stay the same).
 * `check` may assert more on the response. A case that changes state can `restore` it, so
 * the next caller starts from the same place. The digest covers the record tables; extend
 * DIGEST_SQL when a route writes elsewhere (users, devices, settings).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientId } from '../../src/domain/ids';
import { PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema, type Mutation, type MutationResult } from '../../src/protocol/wire';
import type { Action } from '../../server/src/auth/policy';
import type { Db } from '../../server/src/db/db';
import { buildApp } from '../../server/src/http/buildApp';
import { loadDataset } from '../../server/src/seed/loadDataset';
import { fixtureDataset, NORTH, NORTH_PATIENTS, otherOrgDataset, SOUTH, SOUTH_PATIENTS } from '../../server/test/fixtures';
import { expectError, pull, pullAll, signIn } from '../../server/test/http';
import { change, hlcAt, pushRaw, row } from '../../server/test/push';
import { describeEachDb, settle } from '../../server/test/testDb';

const [S1, S2] = SOUTH_PATIENTS as [PatientId, PatientId];
const [N1] = NORTH_PATIENTS as [PatientId];

const CALLERS = ['own', 'otherTerr', 'teamSup', 'otherSup', 'admin', 'otherOrg', 'none'] as const;
type Caller = (typeof CALLERS)[number];
const USERNAME: Record<Exclude<Caller, 'none'>, string> = {
  own: 'ben',
  otherTerr: 'ana',
  teamSup: 'sol',
  otherSup: 'sue',
  admin: 'ada',
  otherOrg: 'cam',
};

interface Session {
  readonly token: string | null;
  readonly deviceId: string;
  /** The device's next mutation number. */
  next: number;
}

interface Expectation {
  readonly status: number;
  /** The request may change the database (and must, when it succeeds). */
  readonly writes?: boolean;
  readonly check?: (res: LightMyRequestResponse) => void | Promise<void>;
}

interface RouteCase {
  readonly name: string;
  readonly action: Action | 'none';
  send(app: FastifyInstance, caller: Session): Promise<LightMyRequestResponse>;
  readonly expect: Partial<Record<Caller, Expectation>>;
  restore?(db: Db): Promise<void>;
}

/**
 * Every record table and what the audit trail holds: any change shows. `$1` false leaves the
 * versions out: a refused change to a record in the caller's scope sends that record again
 * (S7a, a new version, nothing else), so the device drops the value it showed.
 */
const DIGEST_SQL = `
  select (select md5(coalesce(string_agg(t, '|' order by t), '')) from (
            select 'patients:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text || ':' || territory_id as t from patients
            union all select 'care_gaps:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from care_gaps
            union all select 'appointments:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from appointments
            union all select 'patient_records:' || kind || ':' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from patient_records
            union all select 'facilities:' || id || ':' || case when $1 then version::text else '' end || ':' || data::text from facilities
            union all select 'user_territories:' || user_id || ':' || territory_id from user_territories
            union all select 'scope_exits:' || patient_id || ':' || territory_id || ':' || version from scope_exits) rows) as records,
         (select count(*) from audit_events where action <> 'read') as "auditWrites"`;

async function digest(db: Db, versions = true): Promise<{ records: string; auditWrites: number }> {
  const [d] = await db.query<{ records: string; auditWrites: number }>(DIGEST_SQL, [versions]);
  if (!d) throw new Error('digest returned no row');
  return d;
}

const pushBody = (caller: Session, mutations: Mutation[], deviceId = caller.deviceId) => ({
  protocolVersion: PROTOCOL_VERSION,
  deviceId,
  mutations,
});

/** One change, numbered for this caller's device. */
function numbered(caller: Session, spec: Omit<Parameters<typeof change>[1], never>): Mutation {
  return change(caller.next++, spec);
}

function sendPush(app: FastifyInstance, caller: Session, mutations: Mutation[], deviceId?: string) {
  if (caller.token === null) {
    return app.inject({ method: 'POST', url: '/api/sync/push', payload: pushBody(caller, mutations, deviceId) });
  }
  return pushRaw(app, caller.token, pushBody(caller, mutations, deviceId));
}

function resultOf(res: LightMyRequestResponse): MutationResult {
  const body = pushResponseSchema.parse(res.json());
  const [result] = body.results;
  if (!result) throw new Error('push answered no result');
  return result;
}

const applied = (res: LightMyRequestResponse) => expect(resultOf(res)).toMatchObject({ status: 'applied' });
const refused = (reason: string, message?: RegExp) => (res: LightMyRequestResponse) => {
  const result = resultOf(res);
  expect(result).toMatchObject({ status: 'rejected', reason });
  if (message && result.status === 'rejected') expect(result.message).toMatch(message);
};
const OK_WRITE: Expectation = { status: 200, writes: true, check: applied };
const OUT_OF_SCOPE: Expectation = { status: 200, check: refused('out_of_scope') };
const NO_SESSION: Expectation = { status: 401 };

function note(id: string, patientId: string, authorId: string, authorName: string) {
  return {
    id, patientId, authorId, authorName, status: 'draft', mode: 'phone_call', contactAt: '2026-11-20T09:00:00.000Z',
    durationMinutes: 10, outcome: null, activities: [], text: 'Discussed the ride to the clinic', followUps: [],
    escalation: null, nextContactDue: null, createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z',
    signedAt: null, fromTaskId: null, contentHash: null, enteredInError: null,
  };
}

let noteNo = 0;

const ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /api/sync/pull from the start',
    action: 'records.sync',
    send: (app, c) => pull(app, c.token, {}),
    expect: {
      ...Object.fromEntries(
        (['otherTerr', 'teamSup', 'otherSup', 'admin', 'otherOrg'] as const).map((c) => [c, { status: 200, check: receives(false) }]),
      ),
      own: { status: 200, check: receives(true) },
      none: NO_SESSION,
    },
  },
  {
    name: 'POST /api/sync/push: a field of the patient',
    action: 'patient.write',
    send: (app, c) => sendPush(app, c, [numbered(c, { kind: 'patient', entityId: S1, patientId: S1, values: { accessNotes: `Gate code ${c.next}` } })]),
    expect: { own: OK_WRITE, otherTerr: OUT_OF_SCOPE, teamSup: OUT_OF_SCOPE, otherSup: OUT_OF_SCOPE, admin: OUT_OF_SCOPE, otherOrg: OUT_OF_SCOPE, none: NO_SESSION },
  },
  {
    name: "POST /api/sync/push: a new note by the caller on the patient's record",
    action: 'patient.write',
    send: (app, c) => {
      const id = `note-matrix-${++noteNo}`;
      const values = note(id, S1, userIdOf(c) ?? 'nobody', 'Name');
      return sendPush(app, c, [numbered(c, { kind: 'note', entityId: id, patientId: S1, op: 'create', values })]);
    },
    expect: { own: OK_WRITE, otherTerr: OUT_OF_SCOPE, teamSup: OUT_OF_SCOPE, otherSup: OUT_OF_SCOPE, admin: OUT_OF_SCOPE, otherOrg: OUT_OF_SCOPE, none: NO_SESSION },
  },
  {
    name: 'POST /api/office/patients/:id/territory (South to North)',
    action: 'patient.move',
    send: (app, c) =>
      app.inject({
        method: 'POST',
        url: `/api/office/patients/${S1}/territory`,
        headers: c.token === null ? {} : { authorization: `Bearer ${c.token}` },
        payload: { territoryId: NORTH },
      }),
    expect: {
      own: { status: 403 },
      otherTerr: { status: 403 },
      teamSup: { status: 200, writes: true },
      otherSup: { status: 403 },
      admin: { status: 200, writes: true },
      otherOrg: { status: 404 },
      none: NO_SESSION,
    },
    restore: async (db) => {
      await db.query(`update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`, [S1, SOUTH]);
    },
  },
];

/** The caller's user id, for fields that must name the session's user. */
const SESSIONS: Partial<Record<Caller, Session>> = {};
function userIdOf(session: Session): string | null {
  const caller = (Object.entries(SESSIONS) as [Caller, Session][]).find(([, s]) => s === session)?.[0];
  if (!caller || caller === 'none') return null;
  return caller === 'otherOrg' ? 'user-cam' : `user-${USERNAME[caller]}`;
}

function receives(s1: boolean) {
  return async (res: LightMyRequestResponse) => {
    const page = pullResponseSchema.parse(res.json());
    expect(page.records.some((r) => r.id === S1)).toBe(s1);
  };
}

describeEachDb('authorisation matrix', (current) => {
  let app: FastifyInstance;
  const session = (caller: Caller): Session => {
    const s = SESSIONS[caller];
    if (!s) throw new Error(`no session for ${caller}`);
    return s;
  };

  beforeAll(async () => {
    const { db } = current();
    await current().reset();
    await loadDataset(db, fixtureDataset());
    await loadDataset(db, otherOrgDataset());
    await settle(db);
    app = await buildApp({ db, version: 'test' });
    for (const caller of CALLERS) {
      const deviceId = `device-matrix-${caller}`;
      SESSIONS[caller] = { token: caller === 'none' ? null : await signIn(app, USERNAME[caller], deviceId), deviceId, next: 1 };
    }
  }, 120_000);
  afterAll(() => app.close());

  for (const routeCase of ROUTE_CASES) {
    describe(`${routeCase.name} [${routeCase.action}]`, () => {
      it.each(CALLERS.filter((c) => routeCase.expect[c]))('%s', async (caller) => {
        const expectation = routeCase.expect[caller]!;
        const { db } = current();
        await settle(db);
        const before = await digest(db);
        const res = await routeCase.send(app, session(caller));
        expect(res.statusCode, res.body).toBe(expectation.status);
        await expectation.check?.(res);
        const after = await digest(db);
        if (expectation.writes) {
          expect(after.records).not.toBe(before.records);
          expect(after.auditWrites).toBeGreaterThan(before.auditWrites);
          await routeCase.restore?.(db);
        } else {
          expect(after).toEqual(before);
        }
      });
    });
  }

  describe('authority the session does not give is not taken from the request', () => {
    /** Runs one request and asserts it changed nothing (`versions` false: nothing but a resend, S7a). */
    const unchanged = async (send: () => Promise<LightMyRequestResponse>, versions = true) => {
      const { db } = current();
      await settle(db);
      const before = await digest(db, versions);
      const res = await send();
      expect(await digest(db, versions)).toEqual(before);
      return res;
    };
    const ben = () => session('own');

    it('[T1] a forged or unsigned pull cursor is refused', async () => {
      for (const cursor of [Buffer.from('{"t":"0","v":0}').toString('base64url'), `${Buffer.from('{"t":"0","v":0}').toString('base64url')}.${'A'.repeat(43)}`]) {
        const res = await unchanged(() => pull(app, ben().token, { cursor }));
        expect(expectError(res, 400, 'bad_request')).toBe('cursor: not a cursor this server issued');
      }
    });

    it('[T1][T2] a backdated clock or a forged seen cursor does not reopen a patient that left the territory', async () => {
      const { db } = current();
      const first = await pullAll(app, ben().token!, null);
      const base = (await row(db, 'patient', S2))!.version;
      await db.query(`update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`, [S2, NORTH]);
      await settle(db);
      const told = await pullAll(app, ben().token!, first.at(-1)!.cursor);
      expect(told.flatMap((p) => p.leftScope)).toContain(S2);
      const edit = (seenCursor: string | null, ms: number) =>
        numbered(ben(), { kind: 'patient', entityId: S2, patientId: S2, baseVersion: base, hlc: hlcAt(ms, 'node-ben'), values: { room: 'B7' }, seenCursor });
      const forged = Buffer.from('{"t":"0","v":0}').toString('base64url');
      for (const m of [edit(told.at(-1)!.cursor, -86_400_000), edit(forged, -86_400_000), edit(`${forged}.${'A'.repeat(43)}`, 0), edit(null, -86_400_000)]) {
        refused('out_of_scope')(await unchanged(() => sendPush(app, ben(), [m])));
      }
      // An honest device that had not pulled the exit keeps its work.
      applied(await sendPush(app, ben(), [edit(first.at(-1)!.cursor, 0)]));
      await db.query(`update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`, [S2, SOUTH]);
    });

    it("[T3] a note's author is the session's user; the name is the session's", async () => {
      const { db } = current();
      const forged = note('note-forged-author', S1, 'user-ana', 'Ana Tester');
      refused('invalid', /^authorId: /)(await unchanged(() => sendPush(app, ben(), [numbered(ben(), { kind: 'note', entityId: forged.id, patientId: S1, op: 'create', values: forged })])));
      const named = note('note-forged-name', S1, 'user-ben', 'Dr. Somebody Else');
      applied(await sendPush(app, ben(), [numbered(ben(), { kind: 'note', entityId: named.id, patientId: S1, op: 'create', values: named })]));
      expect((await row(db, 'note', named.id))?.data).toMatchObject({ authorId: 'user-ben', authorName: 'Ben Tester' });
    });

    it("[T3] an addendum's author is the session's user", async () => {
      const addendum = { id: 'add-forged', noteId: 'note-forged-name', patientId: S1, authorId: 'user-sol', authorName: 'Sol Tester', text: 'Correction', at: '2026-11-20T10:00:00.000Z' };
      refused('invalid', /^authorId: /)(await unchanged(() => sendPush(app, ben(), [numbered(ben(), { kind: 'addendum', entityId: addendum.id, patientId: S1, op: 'create', values: addendum })])));
    });

    it("another user's device id is refused whole", async () => {
      const m = numbered(ben(), { kind: 'patient', entityId: S1, patientId: S1, values: { room: 'X' } });
      ben().next--;
      const res = await unchanged(() => sendPush(app, ben(), [m], session('otherTerr').deviceId));
      expect(expectError(res, 400, 'bad_request')).toMatch(/^deviceId: /);
    });

    it('[T4] a baseVersion from the future is refused naming baseVersion', async () => {
      const { db } = current();
      const version = (await row(db, 'patient', S1))!.version;
      const future = numbered(ben(), { kind: 'patient', entityId: S1, patientId: S1, baseVersion: version + 1000, values: { room: 'Future' } });
      refused('invalid', /^baseVersion: /)(await unchanged(() => sendPush(app, ben(), [future])));
      const fresh = note('note-future-base', S1, 'user-ben', 'Ben Tester');
      const create = numbered(ben(), { kind: 'note', entityId: fresh.id, patientId: S1, op: 'create', baseVersion: 3, values: fresh });
      refused('invalid', /^baseVersion: /)(await unchanged(() => sendPush(app, ben(), [create])));
    });

    it("[T5] references must name records of the same patient, and a facility of the organisation", async () => {
      const { db } = current();
      // Ana's note on a North patient, written directly: a record of another patient.
      await db.query(
        "insert into patient_records (kind, id, patient_id, data) values ('note', 'note-of-n1', $1, $2::jsonb)",
        [N1, JSON.stringify(note('note-of-n1', N1, 'user-ana', 'Ana Tester'))],
      );
      const addendum = { id: 'add-elsewhere', noteId: 'note-of-n1', patientId: S1, authorId: 'user-ben', authorName: 'Ben Tester', text: 'See above', at: '2026-11-20T10:00:00.000Z' };
      refused('invalid', /^noteId: /)(await unchanged(() => sendPush(app, ben(), [numbered(ben(), { kind: 'addendum', entityId: addendum.id, patientId: S1, op: 'create', values: addendum })])));
      const task = {
        id: 'task-elsewhere', patientId: S1, kind: 'follow_up', title: 'Call back', dueDate: '2026-11-24', ownerName: 'Ben', status: 'open',
        sourceNoteId: 'note-of-n1', sourceAppointmentId: null, createdAt: '2026-11-20T10:00:00.000Z', completedAt: null, completedByNoteId: null,
      };
      refused('invalid', /^sourceNoteId: /)(await unchanged(() => sendPush(app, ben(), [numbered(ben(), { kind: 'task', entityId: task.id, patientId: S1, op: 'create', values: task })])));
      const facility = numbered(ben(), { kind: 'patient', entityId: S1, patientId: S1, values: { facilityId: 'fac-e1' } });
      refused('invalid', /^facilityId: /)(await unchanged(() => sendPush(app, ben(), [facility]), false));
      applied(await sendPush(app, ben(), [numbered(ben(), { kind: 'patient', entityId: S1, patientId: S1, values: { facilityId: 'fac-1' } })]));
    });
  });
});
