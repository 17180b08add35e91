/**
 * The table of API routes the fuzz drives: one row per route, with the valid body the attacks
 * start from, the spec of its fields, the body limit and the session it needs. A new route is
 * a new row. A row marked `pending` is a route not built yet: the fuzz skips it while the route
 * answers `404 not_found`.
 */
import fc from 'fast-check';
import { ROLES } from '../../../src/domain/user';
import { ENTITY_KINDS } from '../../../src/domain/entities';
import { PENDING_REPORT_MAX, PROTOCOL_VERSION, PULL_PAGE_MAX, PUSH_BATCH_MAX } from '../../../src/protocol/wire';
import { badAuthorization, bodyAttempts, malformedBodies, toJson, type Attempt, type BodyShape } from './attempts';
import { INJECTIONS, type FieldSpec } from './hostileValues';

/** `push`: the specialist's push token (the sealed push's own credential), on the specialist's device. */
export type SessionRole = 'none' | 'specialist' | 'supervisor' | 'admin' | 'push';

export interface FuzzContext {
  /** The device id the route's session was signed in on. */
  readonly deviceId: string;
  /** A patient and a territory that exist, in the supervisor's organisation. */
  readonly patientId: string;
  readonly territoryId: string;
}

export interface RouteCase {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: (ctx: FuzzContext) => string;
  readonly session: SessionRole;
  readonly attempts: (ctx: FuzzContext) => fc.Arbitrary<Attempt>;
  /** In the wire contract; skipped while this build answers it `404 not_found`. */
  readonly pending?: boolean;
  /** Tables a well-formed but refused request may write (a failed sign-in is counted). */
  readonly mayWrite?: readonly string[];
}

const text = (min: number, max: number, extra: Partial<Extract<FieldSpec, { type: 'text' }>> = {}): FieldSpec => ({ type: 'text', min, max, ...extra });
const object = (fields: Record<string, FieldSpec>, optional = false): Extract<FieldSpec, { type: 'object' }> => ({ type: 'object', fields, optional });
const DEVICE_ID = /^[A-Za-z0-9_-]+$/;
const KiB = 1024;

/** Bodies refused before any route code runs: for routes that take no body. */
const unreadableBodies = (template: Record<string, unknown>, limit: number) =>
  malformedBodies(template, limit).filter((a) => a.payload !== undefined && !a.label.startsWith('the body ') && a.label !== 'an empty body' && a.label !== 'no Content-Type');

/** With a session's token and a valid body: a session that is not one. */
const gated = (shape: BodyShape) =>
  fc.oneof({ weight: 9, arbitrary: bodyAttempts(shape) }, { weight: 1, arbitrary: badAuthorization.map((a) => ({ ...a, payload: toJson(shape.template), contentType: 'application/json' })) });

/** Path parameters that name nothing: the route must say not found (or bad request), never fail. */
const pathParams = (make: (param: string) => string, template: Record<string, unknown>): fc.Arbitrary<Attempt> =>
  fc
    .oneof(
      fc.constantFrom(...INJECTIONS),
      fc.constantFrom('%00', '%ED%A0%80', '%C0%AF', '..%2F..%2Fetc', '%25', 'pat%20n1', '%E2%80%AE'),
      fc.integer({ min: 101, max: 5_000 }).map((n) => 'p'.repeat(n)),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
    .map((param) => ({
      label: `path parameter ${JSON.stringify(param.slice(0, 40))}`,
      url: make(/%/.test(param) ? param : encodeURIComponent(param)),
      payload: toJson(template),
      contentType: 'application/json',
      expect: { status: [400, 404] },
    }));

const loginShape: BodyShape = {
  template: { username: 'ana', password: 'not the password at all', deviceId: 'fuzz-device-login' },
  spec: object({ username: text(1, 100), password: text(1, 200), deviceId: text(8, 100, { charset: DEVICE_ID }) }),
  limit: 16 * KiB,
  injections: true,
};

/** What a device reports with each sync request (S21): optional, so older devices still sync. */
const deviceReport = { pending: 4, deviceTime: '2026-11-20T09:27:00.000Z' };
const deviceReportSpec: Record<string, FieldSpec> = {
  pending: { type: 'int', min: 0, max: PENDING_REPORT_MAX, optional: true },
  deviceTime: { type: 'iso', optional: true },
};

const pullShape: BodyShape = {
  template: { protocolVersion: PROTOCOL_VERSION, cursor: null, limit: 100, ...deviceReport },
  spec: object({
    protocolVersion: { type: 'int', protocol: true },
    cursor: text(0, 200, { nullable: true }),
    limit: { type: 'int', min: 1, max: PULL_PAGE_MAX, optional: true },
    ...deviceReportSpec,
  }),
  limit: 16 * KiB,
};

const mutationSpec = object({
  no: { type: 'int', min: 1 },
  mutationId: text(1, 100),
  kind: { type: 'enum', values: ENTITY_KINDS },
  entityId: text(1, 100),
  op: { type: 'enum', values: ['create', 'update', 'delete'] },
  patientId: text(1, 100, { nullable: true }),
  baseVersion: { type: 'int', min: 0 },
  hlc: text(1, 123, { charset: /^\d{15}:\d{6}:[A-Za-z0-9_-]{1,100}$/ }),
  seenCursor: text(0, 200, { nullable: true, optional: true }),
  values: { type: 'any' },
  at: { type: 'iso' },
});

const pushShape = (ctx: FuzzContext): BodyShape => ({
  template: {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: ctx.deviceId,
    mutations: [
      {
        no: 1,
        mutationId: 'fuzz-mutation-1',
        kind: 'patient',
        entityId: ctx.patientId,
        op: 'update',
        patientId: ctx.patientId,
        baseVersion: 0,
        hlc: '001795167000000:000003:fuzz-node',
        seenCursor: null,
        values: { bestTimeToCall: 'Mornings' },
        at: '2026-11-20T09:31:00.000Z',
      },
    ],
    ...deviceReport,
  },
  spec: object({
    protocolVersion: { type: 'int', protocol: true },
    deviceId: text(8, 100),
    mutations: { type: 'array', of: mutationSpec, min: 1, max: PUSH_BATCH_MAX },
    ...deviceReportSpec,
  }),
  limit: 1024 * KiB,
});

const { patientId: _p, values: _v, at: _a, ...clearMutationFields } = mutationSpec.fields;
/** The push's body with its change's content sealed to no key the server has: every body, valid or not, is refused. */
const sealedPushShape = (ctx: FuzzContext): BodyShape => {
  const push = pushShape(ctx);
  const mutations = push.template.mutations as Record<string, unknown>[];
  return {
    template: {
      ...push.template,
      mutations: mutations.map(({ patientId: _pid, values: _vals, at: _at, ...clear }) => ({ ...clear, sealed: 'B'.repeat(120) })),
    },
    spec: object({
      protocolVersion: { type: 'int', protocol: true },
      deviceId: text(8, 100),
      mutations: { type: 'array', of: object({ ...clearMutationFields, sealed: text(1, 700_000, { charset: /^[A-Za-z0-9_-]+$/ }) }), min: 1, max: PUSH_BATCH_MAX },
      ...deviceReportSpec,
    }),
    limit: push.limit,
  };
};

const moveShape = (ctx: FuzzContext): BodyShape => ({
  template: { territoryId: ctx.territoryId },
  spec: object({ territoryId: text(1, 100) }),
  limit: 4 * KiB,
  injections: true,
});

const ADMIN_LIMIT = 16 * KiB;
/** The office's escalation steps: a resolution note is a few KiB at most. */
const STEP_LIMIT = 16 * KiB;
const NO_ESCALATION = 'esc-fuzz-none';
/** An alert key of the right shape that names no one: a step on it is "not found". */
const NO_ALERT = 'no_sync:user-fuzz-none:never';
const ALERT_STEP_LIMIT = 4 * KiB;
/** The office's note review: a review is at most a note's length (20,000 characters). */
const REVIEW_LIMIT = 20_000 * 4 + KiB;
const NO_NOTE = 'note-fuzz-none';
const reviewShape: BodyShape = {
  template: { text: 'Plan agreed; recheck in a week', cosign: true },
  spec: object({ text: text(1, 20_000), cosign: { type: 'bool' } }),
  limit: REVIEW_LIMIT,
  injections: true,
};
const NO_TERRITORY = 'ter-fuzz-none';
const NO_PERSON = 'user-fuzz-none';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const personName = text(1, 200);
const adminPassword = text(10, 200);

export const ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'sign-in',
    method: 'POST',
    url: () => '/api/auth/login',
    session: 'none',
    attempts: () => bodyAttempts(loginShape),
    mayWrite: ['sign_in_attempts', 'audit_events'],
  },
  { name: 'pull', method: 'POST', url: () => '/api/sync/pull', session: 'specialist', attempts: () => gated(pullShape) },
  { name: 'push', method: 'POST', url: () => '/api/sync/push', session: 'specialist', attempts: (ctx) => gated(pushShape(ctx)) },
  { name: 'sealed push', method: 'POST', url: () => '/api/sync/push-sealed', session: 'push', attempts: (ctx) => gated(sealedPushShape(ctx)) },
  {
    name: 'move a patient',
    method: 'POST',
    url: (ctx) => `/api/office/patients/${ctx.patientId}/territory`,
    session: 'supervisor',
    attempts: (ctx) =>
      fc.oneof(
        { weight: 8, arbitrary: gated(moveShape(ctx)) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/patients/${p}/territory`, moveShape(ctx).template) },
      ),
  },
  {
    name: 'office: escalation queue filters',
    method: 'GET',
    url: () => '/api/office/escalations',
    session: 'supervisor',
    attempts: () =>
      fc
        .oneof(
          fc.tuple(fc.constant('status'), fc.constantFrom('closed', 'OPEN', '', "' or 1=1", 'open,resolved', ...INJECTIONS)),
          fc.tuple(fc.constant('limit'), fc.oneof(fc.constantFrom('0', '-1', '501', '2.5', 'ten', '', '1e9'), fc.integer({ min: 101, max: 3000 }).map((n) => '9'.repeat(n)))),
          fc.tuple(fc.constantFrom('nope', '__proto__', 'constructor', 'status[]', 'sort'), fc.string({ maxLength: 20 })),
        )
        .map(([key, value]) => ({
          label: `?${key}=${value.slice(0, 30)}`,
          url: `/api/office/escalations?${new URLSearchParams([[key, value]]).toString()}`,
          expect: { status: 400, code: 'bad_request' as const },
        })),
  },
  // Team, assignees, alerts and assignments take no query: any parameter is refused, named; a broken session opens nothing.
  ...(['team', 'assignees', 'alerts', 'assignments'] as const).map(
    (name): RouteCase => ({
      name: `office: ${name}`,
      method: 'GET',
      url: () => `/api/office/${name}`,
      session: 'supervisor',
      attempts: () =>
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(fc.constantFrom('userId', 'territoryId', '__proto__', 'constructor', 'limit', "' or 1=1", ...INJECTIONS), fc.string({ maxLength: 20 }))
              .map(([key, value]) => ({
                label: `?${key.slice(0, 30)}=${value.slice(0, 30)}`,
                url: `/api/office/${name}?${new URLSearchParams([[key, value]]).toString()}`,
                expect: { status: 400, code: 'bad_request' as const },
              })),
          },
          { weight: 1, arbitrary: badAuthorization },
        ),
    }),
  ),
  {
    name: 'office: overview range',
    method: 'GET',
    url: () => '/api/office/overview?from=2026-01-01&to=2026-01-31',
    session: 'supervisor',
    attempts: () =>
      fc
        .oneof(
          fc.constantFrom('from=2026-02-01&to=2026-01-01', 'from=2024-01-01&to=2026-01-01', 'from=2026-01-01', 'to=2026-01-01', ''),
          fc
            .tuple(fc.constantFrom('from', 'to'), fc.constantFrom('2026-13-01', '2026-02-30', '26-01-01', '2026-01-01T00:00:00Z', '', 'today', "' or 1=1", ...INJECTIONS))
            .map(([key, value]) => new URLSearchParams([[key, value], [key === 'from' ? 'to' : 'from', '2026-01-15']]).toString()),
          fc.tuple(fc.constantFrom('nope', '__proto__', 'constructor', 'from[]', 'territoryId'), fc.string({ maxLength: 20 })).map(([key, value]) =>
            new URLSearchParams([['from', '2026-01-01'], ['to', '2026-01-31'], [key, value]]).toString(),
          ),
          fc
            .constantFrom('0', '61', '-1', '7.5', '1e1', 'seven', '', '100', "' or 1=1", ...INJECTIONS)
            .map((days) => new URLSearchParams([['from', '2026-01-01'], ['to', '2026-01-31'], ['followUpDays', days]]).toString()),
        )
        .map((query) => ({
          label: `?${query.slice(0, 40)}`,
          url: `/api/office/overview?${query}`,
          expect: { status: 400, code: 'bad_request' as const },
        })),
  },
  {
    name: 'office: funnel range',
    method: 'GET',
    url: () => '/api/office/funnel?from=2026-01-01&to=2026-01-31',
    session: 'supervisor',
    attempts: () =>
      fc
        .oneof(
          fc.constantFrom('from=2026-02-01&to=2026-01-01', 'from=2024-01-01&to=2026-01-01', 'from=2026-01-01', 'to=2026-01-01', ''),
          fc
            .tuple(fc.constantFrom('from', 'to'), fc.constantFrom('2026-13-01', '2026-02-30', '26-01-01', '2026-01-01T00:00:00Z', '', 'today', "' or 1=1", ...INJECTIONS))
            .map(([key, value]) => new URLSearchParams([[key, value], [key === 'from' ? 'to' : 'from', '2026-01-15']]).toString()),
          fc.tuple(fc.constantFrom('nope', '__proto__', 'constructor', 'from[]', 'territoryId'), fc.string({ maxLength: 20 })).map(([key, value]) =>
            new URLSearchParams([['from', '2026-01-01'], ['to', '2026-01-31'], [key, value]]).toString(),
          ),
        )
        .map((query) => ({
          label: `?${query.slice(0, 40)}`,
          url: `/api/office/funnel?${query}`,
          expect: { status: 400, code: 'bad_request' as const },
        })),
  },
  // The steps name an escalation that does not exist: whatever the body, nothing is written.
  {
    name: 'office: acknowledge an escalation',
    method: 'POST',
    url: () => `/api/office/escalations/${NO_ESCALATION}/acknowledge`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 6, arbitrary: unreadableBodies({}, STEP_LIMIT) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/escalations/${p}/acknowledge`, {}) },
        { weight: 1, arbitrary: badAuthorization.map((a) => ({ ...a, payload: '{}', contentType: 'application/json' })) },
      ),
  },
  {
    name: 'office: assign an escalation',
    method: 'POST',
    url: () => `/api/office/escalations/${NO_ESCALATION}/assign`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 8, arbitrary: gated({ template: { userId: 'user-ben' }, spec: object({ userId: text(1, 100) }), limit: STEP_LIMIT, injections: true }) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/escalations/${p}/assign`, { userId: 'user-ben' }) },
      ),
  },
  {
    name: 'office: resolve an escalation',
    method: 'POST',
    url: () => `/api/office/escalations/${NO_ESCALATION}/resolve`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 8, arbitrary: gated({ template: { resolution: 'Seen by the nurse' }, spec: object({ resolution: text(1, 2000) }), limit: STEP_LIMIT, injections: true }) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/escalations/${p}/resolve`, { resolution: 'Seen by the nurse' }) },
      ),
  },
  // The alert steps name an alert that does not exist: whatever the body, nothing is written.
  {
    name: 'office: mark an alert done',
    method: 'POST',
    url: () => '/api/office/alerts/done',
    session: 'supervisor',
    attempts: () => gated({ template: { key: NO_ALERT }, spec: object({ key: text(1, 300) }), limit: ALERT_STEP_LIMIT, injections: true }),
  },
  {
    name: 'office: snooze an alert',
    method: 'POST',
    url: () => '/api/office/alerts/snooze',
    session: 'supervisor',
    attempts: () =>
      gated({ template: { key: NO_ALERT, until: '2026-12-08T12:00:00.000Z' }, spec: object({ key: text(1, 300), until: text(1, 40) }), limit: ALERT_STEP_LIMIT, injections: true }),
  },
  {
    name: 'office: review list filters',
    method: 'GET',
    url: () => '/api/office/notes?from=2026-01-01&to=2026-01-31',
    session: 'supervisor',
    attempts: () =>
      fc
        .oneof(
          fc.constantFrom('from=2026-02-01&to=2026-01-01', 'from=2024-01-01&to=2026-01-01', 'from=2026-01-01', 'to=2026-01-01', ''),
          fc
            .tuple(fc.constantFrom('from', 'to'), fc.constantFrom('2026-13-01', '2026-02-30', '26-01-01', '', 'today', "' or 1=1", ...INJECTIONS))
            .map(([key, value]) => new URLSearchParams([[key, value], [key === 'from' ? 'to' : 'from', '2026-01-15']]).toString()),
          fc
            .tuple(
              fc.constantFrom('reviewed', 'limit', 'offset', 'authorId', 'nope', '__proto__', 'constructor', 'patientName'),
              fc.constantFrom('maybe', '-1', '0.5', '100001', '9'.repeat(400), '', '\u0000', 'x'.repeat(200), ...INJECTIONS),
            )
            .filter(([key, value]) => !(key === 'authorId' && value.length > 0 && value.length <= 100 && !value.includes('\u0000')) && !(key === 'offset' && value === ''))
            .map(([key, value]) => new URLSearchParams([['from', '2026-01-01'], ['to', '2026-01-31'], [key, value]]).toString()),
        )
        .map((query) => ({
          label: `?${query.slice(0, 40)}`,
          url: `/api/office/notes?${query}`,
          expect: { status: 400, code: 'bad_request' as const },
        })),
  },
  {
    name: 'office: read a note for review',
    method: 'GET',
    url: () => `/api/office/notes/${NO_NOTE}`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 3, arbitrary: pathParams((p) => `/api/office/notes/${p}`, {}).map(({ label, url, expect }) => ({ label, ...(url === undefined ? {} : { url }), expect })) },
        { weight: 1, arbitrary: badAuthorization },
      ),
  },
  {
    name: 'office: review a note',
    method: 'POST',
    url: () => `/api/office/notes/${NO_NOTE}/review`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 8, arbitrary: gated(reviewShape) },
        // A raw `#` or `?` in the parameter cuts the path to `/api/office/notes/x`, which is
        // the read route: a POST there is 405, also a refusal that changes nothing.
        {
          weight: 2,
          arbitrary: pathParams((p) => `/api/office/notes/${p}/review`, reviewShape.template).map((a) => ({ ...a, expect: { status: [400, 404, 405] } })),
        },
      ),
  },
  // Assignments name a person, territory or coverage that does not exist: whatever the body, nothing is written.
  {
    name: 'office: assign a territory',
    method: 'POST',
    url: () => `/api/office/territories/${NO_TERRITORY}/assign`,
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 8, arbitrary: gated({ template: { userId: 'user-ben' }, spec: object({ userId: text(1, 100) }), limit: 4 * KiB, injections: true }) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/territories/${p}/assign`, { userId: 'user-ben' }) },
      ),
  },
  {
    name: 'office: cover a colleague',
    method: 'POST',
    url: () => '/api/office/coverages',
    session: 'supervisor',
    attempts: (ctx) =>
      gated({
        template: { userId: NO_PERSON, territoryId: ctx.territoryId, from: '2026-12-01', to: '2026-12-02' },
        // Days, not instants: a broken day is anything but YYYY-MM-DD.
        spec: object({ userId: text(1, 100), territoryId: text(1, 100), from: text(10, 40, { charset: DAY }), to: text(10, 40, { charset: DAY }) }),
        limit: 4 * KiB,
        injections: true,
      }),
  },
  {
    name: 'office: cancel a coverage',
    method: 'POST',
    url: () => '/api/office/coverages/cov-fuzz-none/cancel',
    session: 'supervisor',
    attempts: () =>
      fc.oneof(
        { weight: 6, arbitrary: unreadableBodies({}, 4 * KiB) },
        { weight: 2, arbitrary: pathParams((p) => `/api/office/coverages/${p}/cancel`, {}) },
        { weight: 1, arbitrary: badAuthorization.map((a) => ({ ...a, payload: '{}', contentType: 'application/json' })) },
      ),
  },
  {
    name: 'office: move patients by filter',
    method: 'POST',
    url: () => '/api/office/patients/move',
    session: 'supervisor',
    attempts: (ctx) =>
      gated({
        template: { filter: { fromTerritoryId: ctx.territoryId, postalCode: '01901', facilityId: 'fac-1' }, territoryId: NO_TERRITORY, dryRun: false },
        spec: object({
          filter: object({ fromTerritoryId: text(1, 100), postalCode: text(1, 20, { optional: true }), facilityId: text(1, 100, { optional: true }) }),
          territoryId: text(1, 100),
          dryRun: { type: 'bool', optional: true },
        }),
        limit: 64 * KiB,
        injections: true,
      }),
  },
  // ---- protocol 4: sessions and the admin console.
  {
    name: 'refresh',
    method: 'POST',
    url: () => '/api/auth/refresh',
    session: 'none',
    mayWrite: ['sign_in_attempts', 'audit_events'],
    attempts: (ctx) =>
      bodyAttempts({
        template: { refreshToken: 'x'.repeat(43), deviceId: ctx.deviceId },
        spec: object({ refreshToken: text(1, 100), deviceId: text(8, 100, { charset: DEVICE_ID }), appVersion: text(1, 50, { optional: true }) }),
        limit: 16 * KiB,
        injections: true,
      }),
  },
  {
    name: 'sign-out',
    method: 'POST',
    url: () => '/api/auth/logout',
    session: 'specialist',
    // It takes no body; only bodies refused before any route code runs may be sent, or the
    // fuzz would sign its own session out.
    attempts: () => unreadableBodies({}, 1 * KiB),
  },
  {
    name: 'change password',
    method: 'POST',
    url: () => '/api/auth/password',
    session: 'specialist',
    mayWrite: ['sign_in_attempts', 'audit_events'],
    attempts: () =>
      gated({ template: { currentPassword: 'not the password at all', newPassword: 'a brand new password' }, spec: object({ currentPassword: text(1, 200), newPassword: text(10, 200) }), limit: 16 * KiB, injections: true }),
  },
  {
    name: 'admin: create a user',
    method: 'POST',
    url: () => '/api/admin/users',
    session: 'admin',
    attempts: (ctx) =>
      gated(
        {
          // The password is too short: whatever else an attempt does, no user is created.
          template: { username: 'fuzz.user', name: 'Fuzz User', role: 'specialist', password: 'short', territoryIds: [ctx.territoryId], supervisorId: null },
          spec: object({
            username: text(3, 100, { charset: /^[A-Za-z0-9._-]+$/ }),
            name: personName,
            role: { type: 'enum', values: ROLES },
            password: adminPassword,
            territoryIds: { type: 'array', of: text(1, 100), min: 0, max: 100, optional: true },
            supervisorId: text(0, 100, { nullable: true, optional: true }),
          }),
          limit: ADMIN_LIMIT,
        },
      ),
  },
  {
    name: 'admin: update a user',
    method: 'PATCH',
    url: () => '/api/admin/users/user-ben',
    session: 'admin',
    attempts: () =>
      gated(
        {
          // The name is empty: whatever else an attempt does, nothing changes.
          template: { name: '' },
          spec: object({ name: { ...personName, optional: true }, role: { type: 'enum', values: ROLES, optional: true }, disabled: { type: 'bool', optional: true } }),
          limit: ADMIN_LIMIT,
        },
      ),
  },
  {
    name: 'admin: reset a password',
    method: 'POST',
    url: () => '/api/admin/users/user-ben/password',
    session: 'admin',
    attempts: () => gated({ template: { password: 'short' }, spec: object({ password: adminPassword }), limit: ADMIN_LIMIT }),
  },
  {
    name: 'admin: rename a territory',
    method: 'PATCH',
    url: (ctx) => `/api/admin/territories/${ctx.territoryId}`,
    session: 'admin',
    attempts: () => gated({ template: { name: '' }, spec: object({ name: personName }), limit: ADMIN_LIMIT }),
  },
  {
    name: 'admin: create a territory',
    method: 'POST',
    url: () => '/api/admin/territories',
    session: 'admin',
    attempts: () => gated({ template: { name: '   ' }, spec: object({ name: personName }), limit: ADMIN_LIMIT }),
  },
  {
    name: 'admin: settings',
    method: 'PUT',
    url: () => '/api/admin/settings',
    session: 'admin',
    attempts: () =>
      gated(
        { template: { lockAfterMinutes: 0 }, spec: object({ lockAfterMinutes: { type: 'int', min: 1, max: 60 } }), limit: ADMIN_LIMIT },
      ),
  },
  {
    name: 'admin: revoke a device',
    method: 'POST',
    url: () => '/api/admin/devices/no-such-device-0000/revoke',
    session: 'admin',
    attempts: () => unreadableBodies({}, ADMIN_LIMIT),
  },
  {
    name: 'admin: audit log filters',
    method: 'GET',
    url: () => '/api/admin/audit',
    session: 'admin',
    attempts: () =>
      fc
        .oneof(
          fc.tuple(fc.constantFrom('from', 'to'), fc.constantFrom('yesterday', '2026-13-01', "' or 1=1", '')),
          fc.tuple(fc.constantFrom('nope', '__proto__', 'constructor', 'limit[]'), fc.string({ maxLength: 20 })),
          fc.tuple(fc.constantFrom('userId', 'patientId', 'action'), fc.integer({ min: 101, max: 3000 }).map((n) => 'x'.repeat(n))),
          fc.tuple(fc.constant('before'), fc.constantFrom(...INJECTIONS)),
        )
        .map(([key, value]) => ({
          label: `?${key}=${value.slice(0, 30)}`,
          url: `/api/admin/audit?${new URLSearchParams([[key, value]]).toString()}`,
          expect: { status: 400, code: 'bad_request' as const },
        })),
  },
];
