/**
 * The admin console's test organisation: the fixture organisation (admin Ada, supervisor Sol,
 * specialists Ana and Ben) and a second one with its own administrator, Eve, so "another
 * organisation's user is not found" can be asked of an administrator.
 */
import type { FastifyInstance } from 'fastify';
import { beforeEach } from 'vitest';
import type { OrgId, TerritoryId, UserId } from '../../src/domain/ids';
import type { Db } from '../src/db/db';
import { loadDataset } from '../src/seed/loadDataset';
import { fixtureDataset, otherOrgDataset, OTHER_ORG, PASSWORD } from './fixtures';
import { signIn } from './http';
import type { TestDb } from './testDb';
import { useTestServer, type TestServer } from './testServer';

export interface AdminTokens {
  readonly ada: string;
  readonly sol: string;
  readonly ana: string;
  readonly eve: string;
}

async function loadAdminOrgs(db: Db, app: FastifyInstance): Promise<AdminTokens> {
  await loadDataset(db, fixtureDataset());
  const other = otherOrgDataset();
  await loadDataset(db, {
    ...other,
    users: [
      ...other.users,
      { id: 'user-eve' as UserId, orgId: OTHER_ORG as OrgId, username: 'eve', name: 'Eve Tester', role: 'admin', password: PASSWORD, territoryIds: [] as TerritoryId[] },
    ],
  });
  return {
    ada: await signIn(app, 'ada', 'device-ada-0001'),
    sol: await signIn(app, 'sol', 'device-sol-0001'),
    ana: await signIn(app, 'ana', 'device-ana-0001'),
    eve: await signIn(app, 'eve', 'device-eve-0001'),
  };
}

export interface AdminServer {
  readonly server: TestServer;
  /** Each person's token for the current test; read them inside tests and hooks. */
  readonly tokens: AdminTokens;
}

const PEOPLE = ['ada', 'sol', 'ana', 'eve'] as const;

/** The admin suites' app: before every test, empty tables, both organisations, everyone signed in. */
export function useAdminServer(current: () => TestDb): AdminServer {
  const server = useTestServer(current);
  let signedIn: AdminTokens | undefined;
  beforeEach(async () => {
    await current().reset();
    signedIn = await loadAdminOrgs(server.db, server.app);
  });
  const tokens = {} as AdminTokens;
  for (const who of PEOPLE) {
    Object.defineProperty(tokens, who, {
      enumerable: true,
      get: () => {
        if (!signedIn) throw new Error('nobody is signed in before the first test');
        return signedIn[who];
      },
    });
  }
  return { server, tokens };
}

export interface AuditRow {
  action: string;
  userId: string | null;
  deviceId: string | null;
  entityKind: string | null;
  entityId: string | null;
  changes: unknown;
  detail: Record<string, unknown> | null;
}

export function auditRows(db: Db, action?: string): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `select action, user_id as "userId", device_id as "deviceId", entity_kind as "entityKind", entity_id as "entityId", changes, detail
       from audit_events where action like 'admin.%' and ($1::text is null or action = $1) order by id`,
    [action ?? null],
  );
}

/** A snapshot of everything the admin console can change, to prove a refused request changed nothing. */
export async function adminState(db: Db): Promise<string> {
  const parts = await Promise.all([
    db.query('select id, username, name, role, supervisor_id, disabled_at, password_hash from users order by id'),
    db.query('select * from user_territories order by user_id, territory_id'),
    db.query('select id, revoked_at from devices order by id'),
    db.query('select count(*)::int as n from sessions'),
    db.query('select * from territories order by id'),
    db.query('select * from org_settings order by org_id'),
    db.query('select * from sign_in_attempts order by key'),
    db.query('select count(*)::int as n from audit_events'),
  ]);
  return JSON.stringify(parts);
}
