/**
 * Every /api route against hostile requests (fast-check, seed printed): wrong types, missing
 * and extra fields, huge and unstorable strings, deep nesting, prototype keys, numbers at the
 * edges, bodies that are not JSON or not JSON objects, wrong content types, oversized bodies,
 * sessions that are not sessions. For each request: never a 5xx, always the JSON error shape
 * with a message that names the problem (the field path where there is one), and not a row of
 * any table changed. The routes are rows of ROUTE_CASES (tests/support/apiFuzz/routeCases.ts).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema, PROTOCOL_VERSION, pushResponseSchema } from '../../src/protocol/wire';
import { PASSWORD, fixtureDataset, NORTH, NORTH_PATIENTS } from '../../server/test/fixtures';
import { describeEachDb } from '../../server/test/testDb';
import { buildApp } from '../../server/src/http/buildApp';
import { INTERNAL_MESSAGE } from '../../server/src/http/errorHandling';
import { loadDataset } from '../../server/src/seed/loadDataset';
import { toJson, type Attempt } from '../support/apiFuzz/attempts';
import { anyJson } from '../support/apiFuzz/hostileValues';
import { writeWatcher, type WriteWatcher } from '../support/apiFuzz/dbDigest';
import { ROUTE_CASES, type FuzzContext, type RouteCase, type SessionRole } from '../support/apiFuzz/routeCases';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
// PostgreSQL shares the machine with other suites: fewer runs there (the same code paths).
const runsOn = (kind: string) => Number((kind === 'postgres' ? process.env.API_FUZZ_RUNS_PG : undefined) ?? process.env.API_FUZZ_RUNS ?? (kind === 'postgres' ? 100 : 1000));
const NOW = new Date('2026-11-20T09:30:00.000Z');

const USERS: Record<Exclude<SessionRole, 'none' | 'push'>, { username: string; deviceId: string }> = {
  specialist: { username: 'ana', deviceId: 'fuzz-device-ana' },
  supervisor: { username: 'sol', deviceId: 'fuzz-device-sol' },
  admin: { username: 'ada', deviceId: 'fuzz-device-ada' },
};

/** Counterexamples print short: a 1 MiB payload is no help in a failure message. */
function printable(attempt: Attempt): Attempt {
  const shown = { ...attempt, payload: attempt.payload && attempt.payload.length > 300 ? `${attempt.payload.slice(0, 300)}... (${attempt.payload.length} chars)` : attempt.payload };
  return Object.assign(attempt, { [fc.toStringMethod]: () => JSON.stringify(shown) });
}

describeEachDb('the API under hostile requests', (current, kind) => {
  const numRuns = runsOn(kind);
  let app: FastifyInstance;
  let watcher: WriteWatcher;
  const tokens = new Map<SessionRole, string>();
  const serverErrors: string[] = [];

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    const stream = { write: (line: string) => serverErrors.push(line) };
    app = await buildApp({ db: current().db, version: 'fuzz', now: () => NOW, logger: { level: 'error', stream } });
    for (const [role, user] of Object.entries(USERS)) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: PASSWORD, deviceId: user.deviceId } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { token?: string; accessToken?: string; pushToken?: string };
      tokens.set(role as SessionRole, body.accessToken ?? body.token ?? '');
      if (role === 'specialist') tokens.set('push', body.pushToken ?? '');
      // A device's first request records when it was last seen; later ones, at the same
      // server time, change nothing.
      await send({ method: 'GET', url: () => '/api/health', session: role as SessionRole, name: 'warm-up', attempts: () => fc.constant({} as Attempt) }, contextOf(role as SessionRole), {
        label: 'warm-up',
        url: '/api/sync/pull',
        payload: '{"protocolVersion":0,"cursor":null}',
        contentType: 'application/json',
        expect: {},
      });
    }
    watcher = await writeWatcher(current().db);
  });
  afterAll(() => app?.close());

  function contextOf(role: SessionRole): FuzzContext {
    const user = role === 'none' ? null : USERS[role === 'push' ? 'specialist' : role];
    return { deviceId: user?.deviceId ?? 'fuzz-device-none', patientId: NORTH_PATIENTS[0]!, territoryId: NORTH };
  }

  function send(route: RouteCase, ctx: FuzzContext, attempt: Attempt): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    const token = tokens.get(route.session);
    const authorization = attempt.authorization === undefined ? (token ? `Bearer ${token}` : null) : attempt.authorization;
    if (authorization !== null) headers.authorization = authorization;
    if (typeof attempt.contentType === 'string') headers['content-type'] = attempt.contentType;
    const method = attempt.url !== undefined && attempt.payload === undefined && route.method === 'GET' ? 'GET' : route.method;
    return app.inject({ method, url: attempt.url ?? route.url(ctx), headers, ...(attempt.payload === undefined ? {} : { payload: attempt.payload }) });
  }

  /** A pending route that this build does not have answers exactly this. */
  async function missing(route: RouteCase, ctx: FuzzContext): Promise<boolean> {
    const res = await send(route, ctx, { label: 'probe', expect: {} });
    if (res.statusCode !== 404) return false;
    const body = errorBodySchema.safeParse(res.json());
    return body.success && body.data.error.code === 'not_found' && body.data.error.message.startsWith('No API endpoint');
  }

  function checkAnswer(route: RouteCase, attempt: Attempt, res: LightMyRequestResponse, changed: readonly string[]): void {
    const what = `${route.name}, ${attempt.label}: ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, what).toBeLessThan(500);
    expect(res.headers['content-type'], what).toMatch(/^application\/json/);
    const parsed = errorBodySchema.safeParse(JSON.parse(res.body));
    expect(parsed.success, what).toBe(true);
    const { code, message } = parsed.data!.error;
    expect(message.trim().length, what).toBeGreaterThan(0);
    expect(message, what).not.toBe(INTERNAL_MESSAGE);
    expect(message.length, what).toBeLessThan(1000);
    const { status, code: wantCode, mentions } = attempt.expect;
    if (status !== undefined) expect(typeof status === 'number' ? [status] : status, what).toContain(res.statusCode);
    if (wantCode !== undefined) expect(code, what).toBe(wantCode);
    if (mentions !== undefined) expect(message, what).toContain(mentions);
    const allowed = [401, 403, 429].includes(res.statusCode) ? (route.mayWrite ?? []) : [];
    expect(
      changed.filter((t) => !allowed.includes(t)),
      `${what}\nchanged tables`,
    ).toEqual([]);
  }

  for (const route of ROUTE_CASES) {
    it(`${route.name}: ${numRuns} hostile requests are each refused in plain words and change nothing (seed ${seed})`, async (test) => {
      const ctx = contextOf(route.session);
      if (route.pending && (await missing(route, ctx))) return test.skip();
      console.log(`API fuzz ${route.name}: seed ${seed} (rerun with FC_SEED=${seed})`);
      await fc.assert(
        fc.asyncProperty(route.attempts(ctx).map(printable), async (attempt) => {
          await watcher.changedTables();
          const res = await send(route, ctx, attempt);
          checkAnswer(route, attempt, res, await watcher.changedTables());
        }),
        { seed, numRuns, endOnFailure: true },
      );
      expect(serverErrors).toEqual([]);
    }, 600_000);
  }

  it(`push: hostile values inside a change are refused with that change, never a server failure (seed ${seed})`, async () => {
    const ctx = contextOf('specialist');
    let next = 1;
    // Values are checked per change (a refusal, not an HTTP error): the answer is a 200 whose
    // result for the change is `rejected` with a message, or `applied` when the value was fine.
    const values = fc.oneof(
      fc.record({ bestTimeToCall: anyJson() }),
      fc.record({ accessNotes: fc.constantFrom('\u0000', '\ud800', 'a\udfffb', 'x'.repeat(3000)) }),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('\u0000', '\ud800', 'toString', 'constructor', 'hasOwnProperty')), anyJson(), { minKeys: 1, maxKeys: 3 }),
    );
    const kinds = fc.constantFrom('patient', 'note', 'task', 'conflict', 'facility');
    await fc.assert(
      fc.asyncProperty(kinds, fc.constantFrom('create', 'update', 'delete'), values, async (kind, op, vals) => {
        const mutation = {
          no: next,
          mutationId: `fuzz-values-${next}`,
          kind,
          entityId: kind === 'patient' ? ctx.patientId : `fuzz-${kind}-${next}`,
          op,
          patientId: ctx.patientId,
          baseVersion: 0,
          hlc: '001795167000000:000003:fuzz-node',
          seenCursor: null,
          values: vals,
          at: NOW.toISOString(),
        };
        const payload = toJson({ protocolVersion: PROTOCOL_VERSION, deviceId: ctx.deviceId, mutations: [mutation] });
        const res = await app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { authorization: `Bearer ${tokens.get('specialist')}`, 'content-type': 'application/json' },
          payload,
        });
        const what = `${kind} ${op} ${payload.slice(0, 300)}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode !== 200) {
          expect(errorBodySchema.safeParse(res.json()).success, what).toBe(true);
          return;
        }
        const body = pushResponseSchema.parse(res.json());
        expect(body.results, what).toHaveLength(1);
        const result = body.results[0]!;
        if (result.status === 'rejected') expect(result.message.length, what).toBeGreaterThan(0);
        next = body.settledThrough + 1;
      }),
      { seed, numRuns: Math.ceil(numRuns / 3), endOnFailure: true },
    );
    expect(serverErrors).toEqual([]);
  }, 600_000);

  // Last: it changes the data. Proves the oracle above would have seen a change.
  it('the watcher sees a request that does change a row', async () => {
    await watcher.changedTables();
    const ctx = contextOf('supervisor');
    const res = await app.inject({
      method: 'POST',
      url: `/api/office/patients/${ctx.patientId}/territory`,
      headers: { authorization: `Bearer ${tokens.get('supervisor')}` },
      payload: { territoryId: 'ter-south' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await watcher.changedTables()).toContain('patients');
  });
});
