/**
 * The authorisation matrix against the real server (Fastify on PGlite, and on PostgreSQL when
 * DATABASE_URL is set): every route that touches patient records, for every kind of caller,
 * asserting the HTTP status, the outcome, and that a refused request changed nothing (a
 * digest of every record table, their row counts and versions, and the audit trail's length).
 * Then the requests that try to claim authority the session does not give: forged clocks,
 * forged cursors, forged authors, another user's device, a baseVersion from the future, and
 * references to another patient's records.
 *
 * The account routes (sign-out, password change) and every admin console route are in the
 * same matrix, with the accounts, devices, sessions, sign-in counters, settings and
 * territories in the digest. Last, a property: on every route, a forged, expired or spent
 * bearer token is 401 and changes nothing.
 *
 * The patient under test is S1 in South. The callers:
 *   own         Ben, the specialist who works South
 *   otherTerr   Ana, a specialist who works North only
 *   teamSup     Sol, who supervises Ben (and Ana) and works North himself
 *   otherSup    Sue, a supervisor of no one here, working no territory
 *   admin       Ada, the administrator, working no territory
 *   otherOrg    Cam, a supervisor of another organisation
 *   otherAdmin  Eve, the administrator of that other organisation
 *   none        no session at all
 * The admin routes act on Tia, a North specialist who is none of the callers (her password,
 * her device, her sign-in lock), so no caller's session ends mid-matrix.
 *
 * Adding a route: add a RouteCase (a test fails while a gated route of the app has none) to ROUTE_CASES with the
 * policy action it checks, a `send` that performs one request as the given caller (`token`
 * is null for `none`), and `expect`: for each caller, the status and whether the request is
 * allowed to change the database (`writes`: the digest parts it must change; every other part
 * must stay the same, and all of them on a refusal). `check` may assert more on the response.
 * `prepare` sets up what every request needs (run before each); a case that changes state
 * can `restore` it, so the next caller starts from the same place. The digest covers the
 * record tables, the people, devices, sessions, sign-in counters, settings, territories and
 * the audit trail's length; extend DIGEST_SQL when a route writes elsewhere.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientId } from '../../src/domain/ids';
import type { OrgId, TerritoryId, UserId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/user';
import { adminDevicesResponseSchema, adminTerritoriesResponseSchema, adminUsersResponseSchema, auditPageSchema, settingsResponseSchema } from '../../src/protocol/admin';
import { assigneesResponseSchema, escalationListResponseSchema, teamResponseSchema } from '../../src/protocol/office';
import { alertsResponseSchema } from '../../src/protocol/officeAlerts';
import { reviewListResponseSchema, reviewNoteResponseSchema } from '../../src/protocol/officeReview';
import { assignmentsResponseSchema } from '../../src/protocol/officeAssignments';
import { errorBodySchema, PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema, type Mutation, type MutationResult } from '../../src/protocol/wire';
import type { SeedUser } from '../../server/src/seed/dataset';
import type { Action } from '../../server/src/auth/policy';
import type { Db } from '../../server/src/db/db';
import { buildApp } from '../../server/src/http/buildApp';
import { loadDataset } from '../../server/src/seed/loadDataset';
import { fixtureDataset, NORTH, NORTH_PATIENTS, ORG, OTHER_ORG, otherOrgDataset, PASSWORD, SOUTH, SOUTH_PATIENTS } from '../../server/test/fixtures';
import { expectError, pull, pullAll, signIn } from '../../server/test/http';
import { change, hlcAt, pushRaw, row, sealed } from '../../server/test/push';
import type { ContactNote } from '../../src/domain/contactNote';
import { refreshFacts } from '../../server/src/office/facts';
import { pushSealed, signInForPush } from '../../server/test/sealedPush';
import { describeEachDb, settle } from '../../server/test/testDb';

const [S1, S2] = SOUTH_PATIENTS as [PatientId, PatientId];
const [N1] = NORTH_PATIENTS as [PatientId];

const CALLERS = ['own', 'otherTerr', 'teamSup', 'otherSup', 'admin', 'otherOrg', 'otherAdmin', 'none'] as const;
type Caller = (typeof CALLERS)[number];
const USERNAME: Record<Exclude<Caller, 'none'>, string> = {
  own: 'ben',
  otherTerr: 'ana',
  teamSup: 'sol',
  otherSup: 'sue',
  admin: 'ada',
  otherOrg: 'cam',
  otherAdmin: 'eve',
};
const USER_ID: Record<Exclude<Caller, 'none'>, string> = {
  own: 'user-ben',
  otherTerr: 'user-ana',
  teamSup: 'user-sol',
  otherSup: 'user-sue',
  admin: 'user-ada',
  otherOrg: 'user-cam',
  otherAdmin: 'user-eve',
};
const ORG_1_USERS = ['user-ana', 'user-ben', 'user-sol', 'user-sue', 'user-ada', 'user-tia'];
/** Every matrix device id starts so; sessions of other devices (the property's) are never restored. */
const MATRIX_DEVICE = 'device-matrix-';
const TIA = 'user-tia';
const TIA_DEVICE = `${MATRIX_DEVICE}tia`;

interface Session {
  readonly token: string | null;
  /** The session's push token and the server's seal key (sealed push); null without a session. */
  readonly push: { readonly pushToken: string; readonly pushSealKey: string } | null;
  readonly deviceId: string;
  /** The device's next mutation number. */
  next: number;
}

interface Context {
  readonly db: Db;
  readonly caller: Caller;
}

interface Expectation {
  readonly status: number;
  /** The digest parts the request must change; every other part must stay the same. */
  readonly writes?: readonly Part[];
  readonly check?: (res: LightMyRequestResponse, ctx: Context) => void | Promise<void>;
}

interface RouteCase {
  readonly name: string;
  /** The method and the route as registered (`/:id` placeholders): every gated route needs a case. */
  readonly route: string;
  readonly action: Action | 'none';
  send(app: FastifyInstance, caller: Session): Promise<LightMyRequestResponse>;
  readonly expect: Partial<Record<Caller, Expectation>>;
  prepare?(db: Db): Promise<void>;
  restore?(db: Db, caller: Caller): Promise<void>;
}

/** An md5 of every row of a query, in a stable order. */
const rowsDigest = (query: string) => `(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from (${query}) r)`;

/**
 * Every record table, every table of accounts and settings, and what the audit trail holds:
 * any change shows. `$1` false leaves the record versions out: a refused change to a record
 * in the caller's scope sends that record again (S7a, a new version, nothing else), so the
 * device drops the value it showed. A device's `last_seen` is left out: any request with a
 * valid session notes it, allowed or not.
 */
const DIGEST_SQL = `
  select (select md5(coalesce(string_agg(t, '|' order by t), '')) from (
            select 'patients:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text || ':' || territory_id as t from patients
            union all select 'care_gaps:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from care_gaps
            union all select 'appointments:' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from appointments
            union all select 'patient_records:' || kind || ':' || id || ':' || case when $1 then version::text else '' end || ':' || deleted || ':' || data::text from patient_records
            union all select 'facilities:' || id || ':' || case when $1 then version::text else '' end || ':' || data::text from facilities
            union all select 'scope_exits:' || patient_id || ':' || territory_id || ':' || version from scope_exits) rows) as records,
         ${rowsDigest(`select 'u', id, org_id, username, name, role, supervisor_id, disabled_at::text, password_hash from users
                      union all select 't', user_id, territory_id, null, null, null, null, null, null from user_territories
                      union all select 'r', user_id, territory_id, version::text, null, null, null, null, null from territory_releases`)} as people,
         ${rowsDigest('select id, user_id, revoked_at::text, revoked_by, app_version, device_key from devices')} as devices,
         ${rowsDigest('select id, user_id, device_id, access_hash, refresh_hash, ended_at::text, ended_reason from sessions')} as sessions,
         ${rowsDigest('select key, failures, last_failure_at::text, blocked_until::text, locked_at::text from sign_in_attempts')} as attempts,
         ${rowsDigest('select s::text as t from org_settings s union all select a::text from office_alert_states a')} as settings,
         ${rowsDigest('select id, org_id, name from territories')} as territories,
         ${rowsDigest("select id, user_id, territory_id, from_date::text || '..' || to_date::text, cancelled_at::text from coverages")} as coverages,
         (select count(*)::int from audit_events where action <> 'read') as "auditWrites"`;

const PARTS = ['records', 'people', 'devices', 'sessions', 'attempts', 'settings', 'territories', 'coverages', 'auditWrites'] as const;
type Part = (typeof PARTS)[number];
type Digest = Record<Part, string | number>;

async function digest(db: Db, versions = true): Promise<Digest> {
  const [d] = await db.query<Digest>(DIGEST_SQL, [versions]);
  if (!d) throw new Error('digest returned no row');
  return { ...d, auditWrites: Number(d.auditWrites) };
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
const RECORD_WRITE: readonly Part[] = ['records', 'auditWrites'];
const OK_WRITE: Expectation = { status: 200, writes: RECORD_WRITE, check: applied };
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

function gated(app: FastifyInstance, c: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: c.token === null ? {} : { authorization: `Bearer ${c.token}` },
    ...(payload === undefined ? {} : { payload }),
  });
}

const errorIs = (code: string) => (res: LightMyRequestResponse) => {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(errorBodySchema.parse(res.json()).error.code).toBe(code);
};
const FORBIDDEN: Expectation = { status: 403, check: errorIs('forbidden') };
const NOT_FOUND: Expectation = { status: 404, check: errorIs('not_found') };
const UNAUTHORIZED: Expectation = { status: 401, check: errorIs('unauthorized') };
const ADMIN_WRITE = (part: Part, status = 200): Expectation => ({ status, writes: [part, 'auditWrites'] });

/** An admin route: only an administrator, and only of this organisation's things. */
function adminOnly(admin: Expectation, otherAdmin: Expectation): Record<Caller, Expectation> {
  return { own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: FORBIDDEN, otherSup: FORBIDDEN, admin, otherOrg: FORBIDDEN, otherAdmin, none: UNAUTHORIZED };
}

/** A list another organisation's administrator reads: theirs only, never this organisation's. */
const nothingOfOrg1 = (res: LightMyRequestResponse) => {
  for (const id of [...ORG_1_USERS, NORTH, SOUTH, `${MATRIX_DEVICE}own`]) expect(res.body).not.toContain(`"${id}"`);
};

/** Password hashes as seeded, to put back after a change. */
const SEEDED_HASHES = new Map<string, string>();
const restoreHash = (db: Db, userId: string) => db.query('update users set password_hash = $2 where id = $1', [userId, SEEDED_HASHES.get(userId)]);
/** Reopens Tia's session after an admin action ended it. */
const reopenTia = (db: Db) => db.query('update sessions set ended_at = null, ended_reason = null where user_id = $1', [TIA]);

const NEW_PASSWORD = 'a matrix passphrase 42';
const TIA_LOCK = `insert into sign_in_attempts (key, failures, locked_at) values ('user:tia', 12, '2026-12-01T09:00:00Z')
  on conflict (key) do update set failures = 12, last_failure_at = null, blocked_until = null, locked_at = '2026-12-01T09:00:00Z'`;

/** The office's Assignments: a supervisor acts within their team, an administrator within the organisation. */
function assignmentCases(): RouteCase[] {
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const specialistsAre = (ids: readonly string[]) => (res: LightMyRequestResponse) => {
    const got = assignmentsResponseSchema.parse(res.json()).specialists.map((s) => s.id);
    expect(got.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    if (ids.length === 0) nothingOfOrg1(res);
  };
  const acts = (writes: readonly Part[]) => ({
    own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, writes }, otherSup: FORBIDDEN,
    admin: { status: 200, writes }, otherOrg: NOT_FOUND, otherAdmin: NOT_FOUND, none: UNAUTHORIZED,
  });
  const MATRIX_COVERAGE = 'cov-matrix';
  return [
    {
      name: 'GET /api/office/assignments',
      route: 'GET /api/office/assignments',
      action: 'team.read',
      send: (app, c) => gated(app, c, 'GET', '/api/office/assignments'),
      expect: {
        own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, check: specialistsAre(['user-ana', 'user-ben']) },
        otherSup: { status: 200, check: specialistsAre([]) }, admin: { status: 200, check: specialistsAre(['user-ana', 'user-ben', TIA]) },
        otherOrg: { status: 200, check: specialistsAre([]) }, otherAdmin: { status: 200, check: specialistsAre([]) }, none: UNAUTHORIZED,
      },
    },
    {
      name: 'POST /api/office/territories/:territoryId/assign (South to Ana)',
      route: 'POST /api/office/territories/:territoryId/assign',
      action: 'patient.move',
      send: (app, c) => gated(app, c, 'POST', `/api/office/territories/${SOUTH}/assign`, { userId: 'user-ana' }),
      // Ben's release of South is recorded with the assignment (migration 5's trigger), under people.
      expect: acts(['people', 'auditWrites']),
      restore: async (db) => {
        await db.query("delete from user_territories where user_id = 'user-ana' and territory_id = $1", [SOUTH]);
        await db.query("insert into user_territories (user_id, territory_id) values ('user-ben', $1) on conflict do nothing", [SOUTH]);
      },
    },
    {
      name: 'POST /api/office/coverages (Ana covers South)',
      route: 'POST /api/office/coverages',
      action: 'patient.move',
      send: (app, c) => gated(app, c, 'POST', '/api/office/coverages', { userId: 'user-ana', territoryId: SOUTH, from: day(0), to: day(3) }),
      expect: acts(['coverages', 'auditWrites']),
      restore: async (db) => {
        await db.query("delete from coverages where user_id = 'user-ana'");
      },
    },
    {
      name: 'POST /api/office/coverages/:coverageId/cancel (Ana covering South)',
      route: 'POST /api/office/coverages/:coverageId/cancel',
      action: 'patient.move',
      prepare: async (db) => {
        await db.query(
          `insert into coverages (id, org_id, user_id, territory_id, from_date, to_date, created_by, created_at)
           values ($1, $2, 'user-ana', $3, $4::date, $5::date, 'user-sol', now())
           on conflict (id) do update set cancelled_at = null, cancelled_by = null, released_at = null`,
          [MATRIX_COVERAGE, ORG, SOUTH, day(-1), day(3)],
        );
      },
      send: (app, c) => gated(app, c, 'POST', `/api/office/coverages/${MATRIX_COVERAGE}/cancel`),
      // A current coverage cancelled leaves Ana's release of South (office/coverageEnds.ts), under people.
      expect: acts(['coverages', 'people', 'auditWrites']),
      restore: async (db) => {
        await db.query('delete from coverages where id = $1', [MATRIX_COVERAGE]);
      },
    },
    {
      name: 'POST /api/office/patients/move (South to North by filter)',
      route: 'POST /api/office/patients/move',
      action: 'patient.move',
      send: (app, c) => gated(app, c, 'POST', '/api/office/patients/move', { filter: { fromTerritoryId: SOUTH }, territoryId: NORTH }),
      expect: acts(RECORD_WRITE),
      restore: async (db) => {
        await db.query(`update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = any($1::text[])`, [
          SOUTH_PATIENTS,
          SOUTH,
        ]);
      },
    },
  ];
}

/** Ben's escalation on S1, as a device raised it: what the office routes work on. */
const MATRIX_ESCALATION = {
  id: 'esc-matrix', patientId: S1, noteId: 'note-esc-matrix', reason: 'Chest pain on exertion', severity: 'urgent',
  raisedAt: '2026-11-20T09:00:00.000Z', raisedBy: 'Ben Tester', raisedById: 'user-ben', status: 'open',
};
const putEscalation = (db: Db) =>
  db.query(
    `insert into patient_records (kind, id, patient_id, data) values ('escalation', $1, $2, $3::jsonb)
     on conflict (kind, id) do update set data = excluded.data`,
    [MATRIX_ESCALATION.id, S1, JSON.stringify(MATRIX_ESCALATION)],
  );

/**
 * The escalation queue (`escalation.manage`): supervisors of the patient's team only. Another
 * supervisor, or one of another organisation, does not learn the escalation exists (404, an
 * empty list); specialists and administrators are refused outright.
 */
const teamIs = (ids: string[]) => (res: LightMyRequestResponse) => {
  expect(teamResponseSchema.parse(res.json()).members.map((m) => m.id)).toEqual(ids);
};
const assigneesAre = (ids: string[]) => (res: LightMyRequestResponse) => {
  expect(assigneesResponseSchema.parse(res.json()).assignees.map((a) => a.id)).toEqual(ids);
};

/**
 * The office's alerts (`team.act`): supervisors only, of their own team. The matrix's open
 * escalation, raised long ago, is an alert of Sol's team; Sue (no team) and another
 * organisation get none and find none to handle; specialists and administrators are refused.
 */
function alertCases(): RouteCase[] {
  const KEY = `escalation_unacknowledged:${MATRIX_ESCALATION.id}`;
  const prepare = async (db: Db) => {
    await putEscalation(db);
    await db.query('delete from office_alert_states');
  };
  const keysAre = (expected: string[]) => (res: LightMyRequestResponse) => {
    const keys = alertsResponseSchema.parse(res.json()).alerts.map((a) => a.key);
    if (expected.length === 0) expect(keys).toEqual([]);
    else expect(keys).toEqual(expect.arrayContaining(expected));
  };
  const step = (name: 'done' | 'snooze'): RouteCase => ({
    name: `POST /api/office/alerts/${name}`,
    route: `POST /api/office/alerts/${name}`,
    action: 'team.act',
    send: (app, c) => gated(app, c, 'POST', `/api/office/alerts/${name}`, name === 'done' ? { key: KEY } : { key: KEY, until: new Date(Date.now() + 86_400_000).toISOString() }),
    expect: {
      own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, writes: ['settings', 'auditWrites'] }, otherSup: NOT_FOUND,
      admin: FORBIDDEN, otherOrg: NOT_FOUND, otherAdmin: FORBIDDEN, none: UNAUTHORIZED,
    },
    prepare,
    restore: async (db) => {
      await db.query('delete from office_alert_states');
    },
  });
  return [
    {
      name: 'GET /api/office/alerts',
      route: 'GET /api/office/alerts',
      action: 'team.act',
      send: (app, c) => gated(app, c, 'GET', '/api/office/alerts'),
      expect: {
        own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, check: keysAre([KEY]) }, otherSup: { status: 200, check: keysAre([]) },
        admin: FORBIDDEN, otherOrg: { status: 200, check: keysAre([]) }, otherAdmin: FORBIDDEN, none: UNAUTHORIZED,
      },
      prepare,
    },
    step('done'),
    step('snooze'),
  ];
}

function escalationCases(): RouteCase[] {
  const step = (name: string, payload?: object): RouteCase => ({
    name: `POST /api/office/escalations/:escalationId/${name}`,
    route: `POST /api/office/escalations/:escalationId/${name}`,
    action: 'escalation.manage',
    send: (app, c) => gated(app, c, 'POST', `/api/office/escalations/${MATRIX_ESCALATION.id}/${name}`, payload),
    expect: {
      own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, writes: RECORD_WRITE }, otherSup: NOT_FOUND,
      admin: FORBIDDEN, otherOrg: NOT_FOUND, otherAdmin: FORBIDDEN, none: UNAUTHORIZED,
    },
    prepare: async (db) => {
      if ((await row(db, 'escalation', MATRIX_ESCALATION.id)) === undefined) await putEscalation(db);
    },
    restore: async (db) => {
      await putEscalation(db);
    },
  });
  const lists = (ids: string[]) => (res: LightMyRequestResponse) => {
    expect(escalationListResponseSchema.parse(res.json()).escalations.map((e) => e.id)).toEqual(ids);
  };
  return [
    {
      name: 'GET /api/office/escalations',
      route: 'GET /api/office/escalations',
      action: 'escalation.manage',
      send: (app, c) => gated(app, c, 'GET', '/api/office/escalations?status=all'),
      expect: {
        own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, check: lists([MATRIX_ESCALATION.id]) }, otherSup: { status: 200, check: lists([]) },
        admin: FORBIDDEN, otherOrg: { status: 200, check: lists([]) }, otherAdmin: FORBIDDEN, none: UNAUTHORIZED,
      },
      prepare: async (db) => {
        if ((await row(db, 'escalation', MATRIX_ESCALATION.id)) === undefined) await putEscalation(db);
      },
    },
    step('acknowledge'),
    step('assign', { userId: 'user-ben' }),
    step('resolve', { resolution: 'Seen by the nurse the same day' }),
  ];
}

/** Ben's signed note on S1: what the office's review routes read and review. */
const MATRIX_NOTE = sealed({
  ...note('note-review-matrix', S1, 'user-ben', 'Ben Tester'),
  status: 'signed', outcome: 'reached', signedAt: '2026-11-20T09:10:00.000Z',
} as unknown as ContactNote);
const putNote = async (db: Db) => {
  if ((await row(db, 'note', MATRIX_NOTE.id)) === undefined) {
    await db.query("insert into patient_records (kind, id, patient_id, data) values ('note', $1, $2, $3::jsonb)", [MATRIX_NOTE.id, S1, JSON.stringify(MATRIX_NOTE)]);
    await refreshFacts(db, { table: 'patient_records', kind: 'note', id: MATRIX_NOTE.id });
  }
};

/**
 * The note review (`note.review`): supervisors of the patient's team only. Another supervisor,
 * or one of another organisation, does not learn the note exists (404, an empty list);
 * specialists and administrators are refused outright.
 */
function reviewCases(): RouteCase[] {
  const listIs = (ids: string[]) => (res: LightMyRequestResponse) => {
    expect(reviewListResponseSchema.parse(res.json()).notes.map((n) => n.id)).toEqual(ids);
  };
  const refusedAll = { own: FORBIDDEN, otherTerr: FORBIDDEN, admin: FORBIDDEN, otherAdmin: FORBIDDEN, none: UNAUTHORIZED };
  return [
    {
      name: 'GET /api/office/notes',
      route: 'GET /api/office/notes',
      action: 'note.review',
      send: (app, c) => gated(app, c, 'GET', '/api/office/notes?from=2026-11-01&to=2026-11-30'),
      expect: { ...refusedAll, teamSup: { status: 200, check: listIs([MATRIX_NOTE.id]) }, otherSup: { status: 200, check: listIs([]) }, otherOrg: { status: 200, check: listIs([]) } },
      prepare: putNote,
    },
    {
      name: 'GET /api/office/notes/:noteId',
      route: 'GET /api/office/notes/:noteId',
      action: 'note.review',
      send: (app, c) => gated(app, c, 'GET', `/api/office/notes/${MATRIX_NOTE.id}`),
      expect: {
        ...refusedAll,
        teamSup: { status: 200, check: (res) => expect(reviewNoteResponseSchema.parse(res.json()).note.id).toBe(MATRIX_NOTE.id) },
        otherSup: NOT_FOUND, otherOrg: NOT_FOUND,
      },
      prepare: putNote,
    },
    {
      name: 'POST /api/office/notes/:noteId/review',
      route: 'POST /api/office/notes/:noteId/review',
      action: 'note.review',
      send: (app, c) => gated(app, c, 'POST', `/api/office/notes/${MATRIX_NOTE.id}/review`, { text: 'Plan agreed', cosign: true }),
      expect: { ...refusedAll, teamSup: { status: 200, writes: RECORD_WRITE }, otherSup: NOT_FOUND, otherOrg: NOT_FOUND },
      prepare: putNote,
      restore: async (db) => {
        await db.query("delete from patient_records where kind = 'addendum' and data->>'noteId' = $1", [MATRIX_NOTE.id]);
      },
    },
  ];
}

const ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /api/sync/pull from the start',
    route: 'POST /api/sync/pull',
    action: 'records.sync',
    send: (app, c) => pull(app, c.token, {}),
    expect: {
      ...Object.fromEntries(
        (['otherTerr', 'teamSup', 'otherSup', 'admin', 'otherOrg', 'otherAdmin'] as const).map((c) => [c, { status: 200, check: receives(false) }]),
      ),
      own: { status: 200, check: receives(true) },
      none: NO_SESSION,
    },
  },
  {
    name: 'POST /api/sync/push: a field of the patient',
    route: 'POST /api/sync/push',
    action: 'patient.write',
    send: (app, c) => sendPush(app, c, [numbered(c, { kind: 'patient', entityId: S1, patientId: S1, values: { accessNotes: `Gate code ${c.next}` } })]),
    expect: { own: OK_WRITE, otherTerr: OUT_OF_SCOPE, teamSup: OUT_OF_SCOPE, otherSup: OUT_OF_SCOPE, admin: OUT_OF_SCOPE, otherOrg: OUT_OF_SCOPE, otherAdmin: OUT_OF_SCOPE, none: NO_SESSION },
  },
  {
    name: 'POST /api/sync/push-sealed: a field of the patient, sealed, with the push token',
    route: 'POST /api/sync/push-sealed',
    action: 'patient.write',
    send: (app, c) =>
      pushSealed(app, c.push, c.deviceId, [numbered(c, { kind: 'patient', entityId: S1, patientId: S1, values: { accessNotes: `Gate code ${c.next}` } })], sealKey),
    expect: { own: OK_WRITE, otherTerr: OUT_OF_SCOPE, teamSup: OUT_OF_SCOPE, otherSup: OUT_OF_SCOPE, admin: OUT_OF_SCOPE, otherOrg: OUT_OF_SCOPE, otherAdmin: OUT_OF_SCOPE, none: NO_SESSION },
  },
  {
    name: "POST /api/sync/push: a new note by the caller on the patient's record",
    route: 'POST /api/sync/push',
    action: 'patient.write',
    send: (app, c) => {
      const id = `note-matrix-${++noteNo}`;
      const values = note(id, S1, userIdOf(c) ?? 'nobody', 'Name');
      return sendPush(app, c, [numbered(c, { kind: 'note', entityId: id, patientId: S1, op: 'create', values })]);
    },
    expect: { own: OK_WRITE, otherTerr: OUT_OF_SCOPE, teamSup: OUT_OF_SCOPE, otherSup: OUT_OF_SCOPE, admin: OUT_OF_SCOPE, otherOrg: OUT_OF_SCOPE, otherAdmin: OUT_OF_SCOPE, none: NO_SESSION },
  },
  {
    name: 'POST /api/office/patients/:patientId/territory (South to North)',
    route: 'POST /api/office/patients/:patientId/territory',
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
      teamSup: { status: 200, writes: RECORD_WRITE },
      otherSup: { status: 403 },
      admin: { status: 200, writes: RECORD_WRITE },
      otherOrg: { status: 404 },
      otherAdmin: { status: 404 },
      none: NO_SESSION,
    },
    restore: async (db) => {
      await db.query(`update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`, [S1, SOUTH]);
    },
  },
  ...escalationCases(),
  ...reviewCases(),
  (() => {
    // Aggregates of the caller's team only: a supervisor of no team here, an administrator and
    // another organisation see zeros, never a number of this organisation's.
    const zeros = (res: LightMyRequestResponse) => {
      expect((res.json() as { totals: { contactsAttempted: number } }).totals.contactsAttempted).toBe(0);
      nothingOfOrg1(res);
    };
    const teams = (res: LightMyRequestResponse) => {
      const body = res.json() as { byTerritory: { territoryId: string }[] };
      for (const t of body.byTerritory) expect([NORTH, SOUTH]).toContain(t.territoryId);
    };
    return {
      name: 'GET /api/office/overview',
      route: 'GET /api/office/overview',
      action: 'team.read',
      send: (app, c) => gated(app, c, 'GET', '/api/office/overview?from=2026-01-01&to=2026-12-31'),
      expect: {
        own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, check: teams }, otherSup: { status: 200, check: zeros },
        admin: { status: 200, check: zeros }, otherOrg: { status: 200, check: zeros }, otherAdmin: { status: 200, check: zeros }, none: UNAUTHORIZED,
      },
    } satisfies RouteCase;
  })(),
  (() => {
    // Like the overview: the caller's team only, zeros (and no territory named) to the others.
    const zeros = (res: LightMyRequestResponse) => {
      const body = res.json() as { totals: { attempted: number }; territoryNames: Record<string, string> };
      expect(body.totals.attempted).toBe(0);
      expect(body.territoryNames).toEqual({});
      nothingOfOrg1(res);
    };
    const teams = (res: LightMyRequestResponse) => {
      const body = res.json() as { by: { territory: { value: string }[] } };
      for (const t of body.by.territory) expect([NORTH, SOUTH]).toContain(t.value);
    };
    return {
      name: 'GET /api/office/funnel',
      route: 'GET /api/office/funnel',
      action: 'team.read',
      send: (app, c) => gated(app, c, 'GET', '/api/office/funnel?from=2026-01-01&to=2026-12-31'),
      expect: {
        own: FORBIDDEN, otherTerr: FORBIDDEN, teamSup: { status: 200, check: teams }, otherSup: { status: 200, check: zeros },
        admin: { status: 200, check: zeros }, otherOrg: { status: 200, check: zeros }, otherAdmin: { status: 200, check: zeros }, none: UNAUTHORIZED,
      },
    } satisfies RouteCase;
  })(),
  {
    // Counts and staff names, no patient: read-only, nothing written (not even an audit row).
    name: 'GET /api/office/team',
    route: 'GET /api/office/team',
    action: 'team.read',
    send: (app, c) => gated(app, c, 'GET', '/api/office/team'),
    expect: {
      own: FORBIDDEN, otherTerr: FORBIDDEN,
      teamSup: { status: 200, check: teamIs(['user-ana', 'user-ben']) }, otherSup: { status: 200, check: teamIs([]) },
      // The policy lets an administrator read any team of their organisation: every specialist of it.
      admin: {
        status: 200,
        check: (res) => {
          const ids = teamResponseSchema.parse(res.json()).members.map((m) => m.id);
          expect(ids).toEqual(expect.arrayContaining(['user-ana', 'user-ben']));
          expect(ids.every((id) => ORG_1_USERS.includes(id))).toBe(true);
        },
      },
      otherOrg: { status: 200, check: teamIs([]) }, otherAdmin: { status: 200, check: teamIs([]) }, none: UNAUTHORIZED,
    },
  },
  ...alertCases(),
  {
    name: 'GET /api/office/assignees',
    route: 'GET /api/office/assignees',
    action: 'escalation.manage',
    send: (app, c) => gated(app, c, 'GET', '/api/office/assignees'),
    expect: {
      own: FORBIDDEN, otherTerr: FORBIDDEN,
      teamSup: { status: 200, check: assigneesAre(['user-sol', 'user-ana', 'user-ben', 'user-sue']) },
      otherSup: { status: 200, check: assigneesAre(['user-sue', 'user-sol']) },
      admin: FORBIDDEN, otherOrg: { status: 200, check: assigneesAre(['user-cam']) }, otherAdmin: FORBIDDEN, none: UNAUTHORIZED,
    },
  },
  ...assignmentCases(),
  {
    name: 'POST /api/auth/logout',
    route: 'POST /api/auth/logout',
    action: 'self.manage',
    send: (app, c) => gated(app, c, 'POST', '/api/auth/logout'),
    expect: {
      ...Object.fromEntries(CALLERS.filter((c) => c !== 'none').map((c) => [c, { status: 200, writes: ['sessions', 'auditWrites'] }])),
      none: UNAUTHORIZED,
    },
    restore: async (db, caller) => {
      await db.query('update sessions set ended_at = null, ended_reason = null where device_id = $1', [`${MATRIX_DEVICE}${caller}`]);
    },
  },
  {
    name: 'POST /api/auth/password with a wrong current password',
    route: 'POST /api/auth/password',
    action: 'self.manage',
    send: (app, c) => gated(app, c, 'POST', '/api/auth/password', { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD }),
    // Refused as forbidden (a 401 would tell the app its session is gone); only the counter moves.
    expect: {
      ...Object.fromEntries(CALLERS.filter((c) => c !== 'none').map((c) => [c, { status: 403, writes: ['attempts'], check: errorIs('forbidden') }])),
      none: UNAUTHORIZED,
    },
    restore: async (db) => {
      await db.query('delete from sign_in_attempts');
    },
  },
  {
    name: 'POST /api/auth/password with the right one: the caller’s own password, nobody else’s',
    route: 'POST /api/auth/password',
    action: 'self.manage',
    send: (app, c) => gated(app, c, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    expect: {
      ...Object.fromEntries(
        CALLERS.filter((c) => c !== 'none').map((c) => [
          c,
          {
            status: 200,
            writes: ['people', 'auditWrites'],
            check: async (_res: LightMyRequestResponse, { db, caller }: Context) => {
              const hashes = await db.query<{ id: string; hash: string }>('select id, password_hash as hash from users order by id');
              for (const { id, hash } of hashes) expect(hash !== SEEDED_HASHES.get(id), id).toBe(caller !== 'none' && id === USER_ID[caller]);
            },
          },
        ]),
      ),
      none: UNAUTHORIZED,
    },
    restore: async (db, caller) => {
      if (caller !== 'none') await restoreHash(db, USER_ID[caller]);
    },
  },
  {
    name: 'GET /api/admin/users',
    route: 'GET /api/admin/users',
    action: 'user.manage',
    send: (app, c) => gated(app, c, 'GET', '/api/admin/users'),
    expect: adminOnly(
      { status: 200, check: (res) => expect(adminUsersResponseSchema.parse(res.json()).users.map((u) => u.id).sort()).toEqual([...ORG_1_USERS].sort()) },
      { status: 200, check: nothingOfOrg1 },
    ),
  },
  {
    name: 'POST /api/admin/users (into North)',
    route: 'POST /api/admin/users',
    action: 'user.manage',
    send: (app, c) => gated(app, c, 'POST', '/api/admin/users', { username: 'matrix-dora', name: 'Dora Field', role: 'specialist', password: NEW_PASSWORD, territoryIds: [NORTH] }),
    // Another organisation's administrator may not place a person in this organisation's territory.
    expect: adminOnly(ADMIN_WRITE('people', 201), { status: 400, check: errorIs('bad_request') }),
    restore: async (db) => {
      await db.query("delete from users where username = 'matrix-dora'");
    },
  },
  {
    name: 'PATCH /api/admin/users/:id (Tia: name and territories)',
    route: 'PATCH /api/admin/users/:id',
    action: 'user.manage',
    send: (app, c) => gated(app, c, 'PATCH', `/api/admin/users/${TIA}`, { name: 'Tia Renamed', territoryIds: [NORTH, SOUTH] }),
    expect: adminOnly(ADMIN_WRITE('people'), NOT_FOUND),
    restore: async (db) => {
      await db.query("update users set name = 'Tia Tester' where id = $1", [TIA]);
      await db.query('delete from user_territories where user_id = $1 and territory_id = $2', [TIA, SOUTH]);
    },
  },
  {
    name: 'POST /api/admin/users/:id/password (Tia)',
    route: 'POST /api/admin/users/:id/password',
    action: 'user.manage',
    send: (app, c) => gated(app, c, 'POST', `/api/admin/users/${TIA}/password`, { password: NEW_PASSWORD }),
    // Resetting a password ends the person's sessions.
    expect: adminOnly({ status: 200, writes: ['people', 'sessions', 'auditWrites'] }, NOT_FOUND),
    restore: async (db) => {
      await restoreHash(db, TIA);
      await reopenTia(db);
    },
  },
  {
    name: 'POST /api/admin/users/:id/unlock (Tia, locked out)',
    route: 'POST /api/admin/users/:id/unlock',
    action: 'user.manage',
    send: (app, c) => gated(app, c, 'POST', `/api/admin/users/${TIA}/unlock`),
    expect: adminOnly({ status: 200, writes: ['attempts', 'auditWrites'], check: (res) => expect(res.json()).toEqual({ unlocked: true }) }, NOT_FOUND),
    prepare: async (db) => {
      await db.query(TIA_LOCK);
    },
  },
  {
    name: 'GET /api/admin/devices',
    route: 'GET /api/admin/devices',
    action: 'device.manage',
    send: (app, c) => gated(app, c, 'GET', '/api/admin/devices'),
    expect: adminOnly(
      { status: 200, check: (res) => expect(adminDevicesResponseSchema.parse(res.json()).devices.map((d) => d.id)).toContain(TIA_DEVICE) },
      { status: 200, check: nothingOfOrg1 },
    ),
  },
  {
    name: 'POST /api/admin/devices/:id/revoke (Tia’s tablet)',
    route: 'POST /api/admin/devices/:id/revoke',
    action: 'device.manage',
    send: (app, c) => gated(app, c, 'POST', `/api/admin/devices/${TIA_DEVICE}/revoke`),
    expect: adminOnly({ status: 200, writes: ['devices', 'sessions', 'auditWrites'] }, NOT_FOUND),
    restore: async (db) => {
      await db.query('update devices set revoked_at = null, revoked_by = null where id = $1', [TIA_DEVICE]);
      await reopenTia(db);
    },
  },
  {
    name: 'GET /api/admin/territories',
    route: 'GET /api/admin/territories',
    action: 'territory.manage',
    send: (app, c) => gated(app, c, 'GET', '/api/admin/territories'),
    expect: adminOnly(
      { status: 200, check: (res) => expect(adminTerritoriesResponseSchema.parse(res.json()).territories.map((t) => t.id)).toEqual([NORTH, SOUTH]) },
      { status: 200, check: nothingOfOrg1 },
    ),
  },
  {
    name: 'POST /api/admin/territories',
    route: 'POST /api/admin/territories',
    action: 'territory.manage',
    send: (app, c) => gated(app, c, 'POST', '/api/admin/territories', { name: 'Matrix West' }),
    // Another organisation's administrator creates it in their own organisation.
    expect: adminOnly(ADMIN_WRITE('territories', 201), ADMIN_WRITE('territories', 201)),
    restore: async (db) => {
      await db.query("delete from territories where name = 'Matrix West'");
    },
  },
  {
    name: 'PATCH /api/admin/territories/:id (North)',
    route: 'PATCH /api/admin/territories/:id',
    action: 'territory.manage',
    send: (app, c) => gated(app, c, 'PATCH', `/api/admin/territories/${NORTH}`, { name: 'North Shore' }),
    expect: adminOnly(ADMIN_WRITE('territories'), NOT_FOUND),
    restore: async (db) => {
      await db.query("update territories set name = 'North' where id = $1", [NORTH]);
    },
  },
  {
    name: 'GET /api/admin/settings',
    route: 'GET /api/admin/settings',
    action: 'settings.manage',
    send: (app, c) => gated(app, c, 'GET', '/api/admin/settings'),
    expect: adminOnly({ status: 200, check: (res) => void settingsResponseSchema.parse(res.json()) }, { status: 200, check: (res) => void settingsResponseSchema.parse(res.json()) }),
  },
  {
    name: 'PUT /api/admin/settings',
    route: 'PUT /api/admin/settings',
    action: 'settings.manage',
    send: (app, c) => gated(app, c, 'PUT', '/api/admin/settings', { lockAfterMinutes: 7, sessionIdleDays: 30 }),
    // Another organisation's administrator sets their own organisation's.
    expect: adminOnly(ADMIN_WRITE('settings'), ADMIN_WRITE('settings')),
    restore: async (db) => {
      await db.query('update org_settings set lock_after_minutes = 5, session_idle_days = 14');
    },
  },
  {
    name: 'GET /api/admin/audit',
    route: 'GET /api/admin/audit',
    action: 'audit.read',
    // Filtered by this organisation's user: another organisation's administrator gets nothing.
    send: (app, c) => gated(app, c, 'GET', '/api/admin/audit?userId=user-ben&limit=200'),
    expect: adminOnly(
      {
        status: 200,
        check: (res) => {
          const { events } = auditPageSchema.parse(res.json());
          expect(events.length).toBeGreaterThan(0);
          expect(events.every((e) => e.userId === 'user-ben')).toBe(true);
        },
      },
      { status: 200, check: (res) => expect(auditPageSchema.parse(res.json()).events).toEqual([]) },
    ),
  },
  {
    name: 'GET /api/admin/audit.csv',
    route: 'GET /api/admin/audit.csv',
    action: 'audit.read',
    send: (app, c) => gated(app, c, 'GET', '/api/admin/audit.csv?userId=user-ben'),
    expect: adminOnly(
      {
        status: 200,
        check: (res) => {
          const lines = res.body.split('\r\n').slice(1, -1);
          expect(lines.length).toBeGreaterThan(0);
          expect(lines.every((line) => line.includes('"user-ben"'))).toBe(true);
        },
      },
      { status: 200, check: (res) => expect(res.body.split('\r\n').slice(1)).toEqual(['']) },
    ),
  },
];

function seedUser(id: string, username: string, role: Role, orgId: string, territoryIds: string[]): SeedUser {
  const name = `${username[0]!.toUpperCase()}${username.slice(1)} Tester`;
  return { id: id as UserId, orgId: orgId as OrgId, username, name, role, password: PASSWORD, territoryIds: territoryIds as TerritoryId[], supervisorId: null };
}

/** The app's clock runs this far ahead of the wall clock (to expire access tokens). */
let clockShift = 0;

/** The caller's user id, for fields that must name the session's user. */
const SESSIONS: Partial<Record<Caller, Session>> = {};
/** The server's public key for sealed pushes, from the sign-ins (the one caller without a session seals with it too). */
let sealKey = '';
function userIdOf(session: Session): string | null {
  const caller = (Object.entries(SESSIONS) as [Caller, Session][]).find(([, s]) => s === session)?.[0];
  return !caller || caller === 'none' ? null : USER_ID[caller];
}

function receives(s1: boolean) {
  return async (res: LightMyRequestResponse) => {
    const page = pullResponseSchema.parse(res.json());
    expect(page.records.some((r) => r.id === S1)).toBe(s1);
  };
}

/** Routes outside the session gate: they are the way to a session, not behind one. */
const UNGATED = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/refresh'];

/** `METHOD /path` of every route the app registered, read from fastify's route tree (HEAD is GET's). */
function registeredRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line.trimEnd());
    if (!m) continue;
    const depth = m[1]!.length / 4;
    prefixes.length = depth;
    const path = `${prefixes[depth - 1] ?? ''}${m[2]}`;
    prefixes.push(path);
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes;
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
    const org1 = fixtureDataset();
    await loadDataset(db, { ...org1, users: [...org1.users, seedUser(TIA, 'tia', 'specialist', ORG, [NORTH])] });
    const org2 = otherOrgDataset();
    await loadDataset(db, { ...org2, users: [...org2.users, seedUser('user-eve', 'eve', 'admin', OTHER_ORG, [])] });
    await settle(db);
    app = await buildApp({ db, version: 'test', now: () => new Date(Date.now() + clockShift) });
    for (const caller of CALLERS) {
      const deviceId = `${MATRIX_DEVICE}${caller}`;
      const creds = caller === 'none' ? null : await signInForPush(app, USERNAME[caller], deviceId);
      SESSIONS[caller] = { token: creds?.accessToken ?? null, push: creds, deviceId, next: 1 };
      sealKey = creds?.pushSealKey ?? sealKey;
    }
    await signIn(app, 'tia', TIA_DEVICE);
    for (const { id, hash } of await db.query<{ id: string; hash: string }>('select id, password_hash as hash from users')) SEEDED_HASHES.set(id, hash);
  }, 120_000);
  afterAll(() => app.close());

  it('every route behind the session gate has a case here', () => {
    const registered = registeredRoutes(app.printRoutes({ commonPrefix: false }));
    expect(registered).toEqual(expect.arrayContaining(UNGATED));
    expect([...new Set(ROUTE_CASES.map((r) => r.route))].sort()).toEqual(registered.filter((r) => !UNGATED.includes(r)).sort());
  });

  for (const routeCase of ROUTE_CASES) {
    describe(`${routeCase.name} [${routeCase.action}]`, () => {
      it.each(CALLERS.filter((c) => routeCase.expect[c]))('%s', async (caller) => {
        const expectation = routeCase.expect[caller]!;
        const { db } = current();
        await routeCase.prepare?.(db);
        await settle(db);
        const before = await digest(db);
        const res = await routeCase.send(app, session(caller));
        expect(res.statusCode, res.body).toBe(expectation.status);
        await expectation.check?.(res, { db, caller });
        const after = await digest(db);
        const writes = expectation.writes ?? [];
        for (const part of PARTS) {
          if (!writes.includes(part)) expect(after[part], `${part} must not change`).toEqual(before[part]);
          else if (part === 'auditWrites') expect(after.auditWrites).toBeGreaterThan(before.auditWrites as number);
          else expect(after[part], `${part} must change`).not.toEqual(before[part]);
        }
        if (writes.length > 0) {
          await routeCase.restore?.(db, caller);
          await settle(db);
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
  describe('a forged, expired or spent bearer token is refused on every route and changes nothing', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    /** Ben's bad tokens; `expired` is a live access token sent while the app's clock is 16 minutes on. */
    const bad = { refreshAsAccess: '', afterLogout: '', expired: '', revokedDevice: '' };
    /** The push tokens of the signed-out session and the revoked device (the sealed push's own token). */
    const badPush = { afterLogout: '', revokedDevice: '' };
    const DEVICE_FORGED = 'device-forged-ben';

    beforeAll(async () => {
      const login = async (deviceId: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ben', password: PASSWORD, deviceId } });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { accessToken: string; refreshToken: string; pushToken: string };
      };
      const live = await login(DEVICE_FORGED);
      bad.refreshAsAccess = live.refreshToken;
      bad.expired = live.accessToken;
      const gone = await login('device-gone-ben');
      bad.afterLogout = gone.accessToken;
      badPush.afterLogout = gone.pushToken;
      expect((await gated(app, { token: bad.afterLogout, push: null, deviceId: 'device-gone-ben', next: 1 }, 'POST', '/api/auth/logout')).statusCode).toBe(200);
      const revoked = await login('device-revoked-ben');
      bad.revokedDevice = revoked.accessToken;
      badPush.revokedDevice = revoked.pushToken;
      expect((await gated(app, session('admin'), 'POST', '/api/admin/devices/device-revoked-ben/revoke')).statusCode).toBe(200);
    });

    /**
     * One request with `token` (and `pushToken` where the route takes the push token); asserts
     * the status and error code, and that nothing changed.
     */
    const refusedWith = async (routeCase: RouteCase, token: string, status: number, code: string, pushToken = token) => {
      const { db } = current();
      await routeCase.prepare?.(db);
      await settle(db);
      const before = await digest(db);
      const res = await routeCase.send(app, { token, push: { pushToken, pushSealKey: sealKey }, deviceId: DEVICE_FORGED, next: 1 });
      expect(res.statusCode, `${routeCase.name}: ${res.body}`).toBe(status);
      errorIs(code)(res);
      expect(await digest(db)).toEqual(before);
    };

    // Random tokens: token-shaped ones (43 base64url characters) and anything else a header may carry.
    const randomToken = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.stringMatching(/^[A-Za-z0-9._~+/=-]{1,120}$/));

    it.each(ROUTE_CASES.map((r) => [r.name, r] as const))(`%s (seed ${seed})`, async (_name, routeCase) => {
      await refusedWith(routeCase, bad.refreshAsAccess, 401, 'unauthorized');
      await refusedWith(routeCase, bad.afterLogout, 401, 'unauthorized', badPush.afterLogout);
      clockShift = 16 * 60 * 1000;
      try {
        await refusedWith(routeCase, bad.expired, 401, 'unauthorized');
      } finally {
        clockShift = 0;
      }
      // A revoked device is told so (it then wipes what it holds), and still changes nothing.
      await refusedWith(routeCase, bad.revokedDevice, 403, 'device_revoked', badPush.revokedDevice);
      await fc.assert(
        fc.asyncProperty(randomToken, (token) => refusedWith(routeCase, token, 401, 'unauthorized')),
        { seed, numRuns: 4, endOnFailure: true },
      );
    });
  });
});
