/**
 * The app an HTTP suite talks to: built once per describeEachDb block on the block's database
 * (after loading a data set, for suites that keep one throughout) and closed after the block,
 * optionally on a fake clock that is set back to its start before every test; with the
 * requests those suites send (a JSON POST, a call with a bearer token, a sign-in).
 *
 * What each test starts from beyond the clock (tables emptied, data loaded, people signed in)
 * is the suite's own beforeEach; `resetSignIns` is the one the sign-in suites share.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { LoginResponse } from '../../src/protocol/wire';
import type { Db } from '../src/db/db';
import { buildApp } from '../src/http/buildApp';
import type { Dataset } from '../src/seed/dataset';
import { loadDataset } from '../src/seed/loadDataset';
import { DEVICE, PASSWORD } from './fixtures';
import { signInAs } from './http';
import type { TestDb } from './testDb';

/** A clock the tests move by hand; `now` can be handed on as it is. */
export interface FakeClock {
  readonly start: Date;
  readonly now: () => Date;
  set(at: Date): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date): FakeClock {
  let at = start;
  return {
    start,
    now: () => at,
    set(next) {
      at = next;
    },
    advance(ms) {
      at = new Date(at.getTime() + ms);
    },
  };
}

export interface TestServerOptions {
  /** The release the app reports (default 'test'). */
  readonly version?: string;
  /** The app's clock, back at its start before every test; the real clock when absent. */
  readonly clock?: FakeClock;
  /** Loaded once, before the app is built. */
  readonly dataset?: Dataset;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

export interface PostOptions {
  /** Sent as a bearer token. */
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly remoteAddress?: string;
}

export interface TestServer {
  /** The app; there from the block's beforeAll on. */
  readonly app: FastifyInstance;
  readonly db: Db;
  /** POSTs `payload` (an object goes as JSON, a string as it is). */
  readonly post: (url: string, payload: unknown, options?: PostOptions) => Promise<LightMyRequestResponse>;
  readonly call: (token: string, method: Method, url: string, payload?: object) => Promise<LightMyRequestResponse>;
  /** Signs in, expecting success. */
  readonly signIn: (username: string, deviceId?: string, password?: string) => Promise<LoginResponse>;
}

/** Registers the block's hooks; call it at the top of a describeEachDb body. */
export function useTestServer(current: () => TestDb, options: TestServerOptions = {}): TestServer {
  const { clock, dataset } = options;
  let built: FastifyInstance | undefined;
  const app = (): FastifyInstance => {
    if (!built) throw new Error('the app is built in beforeAll; use it inside tests and hooks');
    return built;
  };

  beforeAll(async () => {
    if (dataset) await loadDataset(current().db, dataset);
    built = await buildApp({ db: current().db, version: options.version ?? 'test', ...(clock ? { now: clock.now } : {}) });
  });
  afterAll(() => built?.close());
  if (clock) beforeEach(() => clock.set(clock.start));

  return {
    get app() {
      return app();
    },
    get db() {
      return current().db;
    },
    post: (url, payload, { token, headers = {}, remoteAddress } = {}) =>
      app().inject({
        method: 'POST',
        url,
        payload: payload as string,
        headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
        ...(remoteAddress === undefined ? {} : { remoteAddress }),
      }),
    call: (token, method, url, payload) =>
      app().inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) }),
    signIn: (username, deviceId = DEVICE, password = PASSWORD) => signInAs(app(), username, deviceId, password),
  };
}

/**
 * Forgets every sign-in (sessions, devices and their change numbers, attempts, sync events,
 * the audit trail) and keeps the organisations' data. audit_events is append-only: its triggers are
 * lifted for the truncate only.
 */
export function resetSignIns(db: Db): Promise<void> {
  return db.exec(
    `alter table audit_events disable trigger user;
     truncate spent_refresh_tokens, sessions, device_mutations, devices, sign_in_attempts, sync_events, audit_events cascade;
     alter table audit_events enable trigger user;`,
  );
}
