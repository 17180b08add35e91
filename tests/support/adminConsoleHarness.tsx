/**
 * Test-only: renders the admin console with the real worker API in-process (real
 * authedRequest, real wire schemas, a real Dexie session) whose network is a small in-memory
 * stand-in for the admin routes. The server's own behaviour is proven by the server suites
 * (server/src/http/routes/admin*.test.ts); here the question is what the administrator sees
 * and what the console sends.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { asIsoDateTime } from '../../src/domain/ids';
import type { AdminDevice, AdminTerritory, AdminUser, AuditEventRow, OrgSettings } from '../../src/protocol/admin';
import { plainCodec } from '../../src/storage/codec';
import { openRoundsDb, type RoundsDb } from '../../src/storage/db';
import { setMeta } from '../../src/storage/meta';
import { localLock } from '../../src/sync/deps';
import { AppServicesProvider } from '../../src/ui/data/AppServices';
import { AdminConsole } from '../../src/ui/features/admin/AdminConsole';
import { I18nProvider, type Locale } from '../../src/ui/i18n/I18n';
import { createWorkerApi } from '../../src/worker/api';
import type { WorkerClient } from '../../src/worker/client';

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface FakeAdminServer {
  users: AdminUser[];
  devices: AdminDevice[];
  territories: AdminTerritory[];
  settings: OrgSettings;
  audit: AuditEventRow[];
  /** Every request the console sent, in order. */
  readonly sent: SentRequest[];
  /** When true, every request fails as if the network were down. */
  offline: boolean;
}

const NOW = '2026-12-07T14:00:00.000Z';

export function fakeAdminServer(): FakeAdminServer {
  const user = (id: string, username: string, name: string, role: AdminUser['role'], territories: AdminUser['territories'] = []): AdminUser => ({
    id, username, name, role, territories, supervisorId: null, disabledAt: null, lockedAt: null, blockedUntil: null,
  });
  return {
    users: [
      user('user-ada', 'ada', 'Ada Admin', 'admin'),
      user('user-ana', 'ana', 'Ana Field', 'specialist', [{ id: 'ter-north', name: 'North' }]),
      user('user-sol', 'sol', 'Sol Lead', 'supervisor'),
    ],
    devices: [
      { id: 'device-ana-0001', ownerId: 'user-ana', ownerName: 'Ana Field', firstSeen: NOW, lastSeen: NOW, appVersion: '1.4.0', revokedAt: null, revokedByName: null },
    ],
    territories: [{ id: 'ter-north', name: 'North', patientCount: 3, people: [{ id: 'user-ana', name: 'Ana Field', role: 'specialist' }] }],
    settings: { lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 60, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 },
    audit: [
      { id: '1', at: NOW, userId: 'user-ada', userName: 'Ada Admin', deviceId: 'device-ada', address: null, action: 'admin.settings.update', entityKind: 'org_settings', entityId: 'org-1', patientId: null, changes: [{ field: 'lockAfterMinutes', before: 5, after: 10 }], detail: null },
    ],
    sent: [],
    offline: false,
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refuse = (status: number, code: string, message: string) => json(status, { error: { code, message } });

function route(server: FakeAdminServer, method: string, path: string, body: Record<string, unknown>): Response {
  const [, id, verb] = /^\/api\/admin\/[a-z]+\/([^/]+)(?:\/([a-z]+))?$/.exec(path) ?? [];
  // `/api/admin/devices/dev-1/revoke` -> `POST /api/admin/devices/:id`; the verb is matched below.
  const key = `${method} ${path.replace(/\?.*$/, '').replace(/^(\/api\/admin\/[a-z]+)\/[^/]+(\/[a-z]+)?$/, '$1/:id')}`;
  switch (key) {
    case 'POST /api/auth/password':
      return json(200, { ok: true });
    case 'GET /api/admin/users':
      return json(200, { users: server.users });
    case 'POST /api/admin/users': {
      if (server.users.some((u) => u.username.toLowerCase() === String(body.username).toLowerCase())) {
        return refuse(400, 'bad_request', `username: "${String(body.username)}" is already taken`);
      }
      const created: AdminUser = {
        id: `user-${server.users.length + 1}`, username: String(body.username), name: String(body.name), role: body.role as AdminUser['role'],
        territories: server.territories.filter((t) => (body.territoryIds as string[]).includes(t.id)).map(({ id: tid, name }) => ({ id: tid, name })),
        supervisorId: (body.supervisorId as string | null) ?? null, disabledAt: null, lockedAt: null, blockedUntil: null,
      };
      server.users = [...server.users, created];
      return json(201, { user: created });
    }
    case 'PATCH /api/admin/users/:id': {
      const found = server.users.find((u) => u.id === id);
      if (!found) return refuse(404, 'not_found', `No user ${id} in your organisation`);
      const updated: AdminUser = {
        ...found,
        ...(typeof body.name === 'string' ? { name: body.name } : {}),
        ...(typeof body.disabled === 'boolean' ? { disabledAt: body.disabled ? NOW : null } : {}),
      };
      server.users = server.users.map((u) => (u.id === id ? updated : u));
      return json(200, { user: updated });
    }
    case 'POST /api/admin/users/:id':
      return verb === 'password' ? json(200, { ok: true }) : json(200, { unlocked: true });
    case 'GET /api/admin/devices':
      return json(200, { devices: server.devices });
    case 'POST /api/admin/devices/:id': {
      server.devices = server.devices.map((d) => (d.id === id ? { ...d, revokedAt: NOW, revokedByName: 'Ada Admin' } : d));
      return json(200, { device: server.devices.find((d) => d.id === id), sessionsEnded: 1 });
    }
    case 'GET /api/admin/territories':
      return json(200, { territories: server.territories });
    case 'POST /api/admin/territories': {
      const territory: AdminTerritory = { id: `ter-${server.territories.length + 1}`, name: String(body.name), patientCount: 0, people: [] };
      server.territories = [...server.territories, territory];
      return json(201, { territory });
    }
    case 'GET /api/admin/settings':
      return json(200, { settings: server.settings });
    case 'PUT /api/admin/settings':
      server.settings = { ...server.settings, ...body };
      return json(200, { settings: server.settings });
    case 'GET /api/admin/audit':
      return json(200, { events: server.audit, next: null });
    case 'GET /api/admin/audit.csv':
      return new Response('"at"\r\n', { status: 200, headers: { 'content-type': 'text/csv' } });
    default:
      return refuse(404, 'not_found', `no route ${key}`);
  }
}

let count = 0;

export interface AdminConsoleTest {
  readonly server: FakeAdminServer;
  readonly user: ReturnType<typeof userEvent.setup>;
  close(): Promise<void>;
}

export async function renderAdminConsole(locale: Locale = 'en', server = fakeAdminServer()): Promise<AdminConsoleTest> {
  const db: RoundsDb = openRoundsDb(`test-admin-console-${count++}-${crypto.randomUUID()}`);
  const session = {
    accessToken: 'admin-token',
    refreshToken: 'admin-refresh',
    accessExpiresAt: '2026-12-07T14:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'user-ada', name: 'Ada Admin', role: 'admin' as const, username: 'ada' },
    territories: [],
    signedInAt: asIsoDateTime('2026-12-07T13:00:00.000Z'),
  };
  await setMeta(db, 'session', session);
  const fetchDouble: typeof fetch = async (input, init) => {
    if (server.offline) throw new TypeError('Failed to fetch');
    const url = new URL(String(input), 'http://rounds.test');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    server.sent.push({ method, path: `${url.pathname}${url.search}`, body: typeof init?.body === 'string' ? body : undefined });
    return route(server, method, `${url.pathname}${url.search}`, body);
  };
  const worker = createWorkerApi({
    db, codec: plainCodec, fetch: fetchDouble, baseUrl: '', now: () => new Date(NOW), newId: () => crypto.randomUUID(), withSyncLock: localLock(),
  }) as unknown as WorkerClient;
  const user = userEvent.setup();
  render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker }}>
        <AdminConsole session={session} />
      </AppServicesProvider>
    </I18nProvider>,
  );
  return {
    server,
    user,
    async close() {
      db.close();
      await Dexie.delete(db.name);
    },
  };
}
