/**
 * Test-only: renders the office console with the real worker API in-process (real
 * authedRequest, real wire schemas, a real Dexie session) whose network is a small in-memory
 * stand-in for the office's escalation routes. The server's own rules are proven by the
 * server suites (server/src/http/routes/officeEscalations.test.ts); here the question is what
 * the supervisor sees and what the console sends.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { asIsoDateTime } from '../../src/domain/ids';
import type { OfficeAssignee, OfficeEscalation, TeamMember, TeamResponse } from '../../src/protocol/office';
import type { FunnelResponse, OverviewResponse } from '../../src/protocol/officeMetrics';
import type { AlertsResponse } from '../../src/protocol/officeAlerts';
import { plainCodec } from '../../src/storage/codec';
import { openRoundsDb, type RoundsDb } from '../../src/storage/db';
import { setMeta } from '../../src/storage/meta';
import { localLock } from '../../src/sync/deps';
import { AppServicesProvider } from '../../src/ui/data/AppServices';
import { OfficeConsole } from '../../src/ui/features/office/OfficeConsole';
import { I18nProvider, type Locale } from '../../src/ui/i18n/I18n';
import { createWorkerApi } from '../../src/worker/api';
import type { WorkerClient } from '../../src/worker/client';
import type { SentRequest } from './adminConsoleHarness';
import { fakeFunnel, fakeOverview } from './officeReports';
import { fakeAssignments, routeAssignments, type FakeAssignments } from './officeAssignmentsFake';
import { fakeReview, routeReview, type FakeReview } from './officeReviewFake';

export interface FakeOfficeServer {
  escalations: OfficeEscalation[];
  ackMinutes: number;
  /** Every request the console sent, in order. */
  readonly sent: SentRequest[];
  /** When true, every request fails as if the network were down. */
  offline: boolean;
  /** The Team table's answer (`GET /api/office/team`). */
  team: TeamResponse;
  /** Who an escalation may be assigned to (`GET /api/office/assignees`); null answers 500. */
  assignees: OfficeAssignee[] | null;
  /** The Overview's answer (`GET /api/office/overview`), whatever the range; null answers 500. */
  overview: OverviewResponse | null;
  /** The funnel's answer (`GET /api/office/funnel`), whatever the range; null answers 500. */
  funnel: FunnelResponse | null;
  /** The open alerts (`GET /api/office/alerts`); done or snoozed ones leave it. */
  alerts: AlertsResponse;
  /** The note review's notes (`/api/office/notes...`, officeReviewFake.ts). */
  review: FakeReview;
  /** Who works what, coverages and moves (`/api/office/assignments...`, officeAssignmentsFake.ts). */
  assignments: FakeAssignments;
}

const NOW = '2026-12-07T14:00:00.000Z';
const SELF = { id: 'user-sol', name: 'Sol Lead' };

export function escalation(fields: Partial<OfficeEscalation> & Pick<OfficeEscalation, 'id' | 'patientName'>): OfficeEscalation {
  return {
    patientId: `patient-${fields.id}`, territoryId: 'ter-north', noteId: `note-${fields.id}`, reason: 'Chest pain since this morning', severity: 'urgent',
    raisedAt: '2026-12-07T12:00:00.000Z', raisedById: 'user-ana', raisedByName: 'Ana Field', ageMinutes: 120, status: 'open', overdue: false,
    acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, assignedTo: null, assignedToName: null,
    resolvedAt: null, resolvedBy: null, resolvedByName: null, resolution: null, version: 1,
    ...fields,
  };
}

export function teamMember(fields: Partial<TeamMember> & Pick<TeamMember, 'id' | 'name'>): TeamMember {
  return {
    territories: [{ id: 'ter-north', name: 'North' }], caseload: 0, overduePatients: 0,
    lastPushAt: null, lastPullAt: null, reportedAt: null, pendingReported: null, appVersion: null, clockSkewSeconds: null,
    contactsThisWeek: 0, visitsThisWeek: 0, contactTarget: 40, visitTarget: 15,
    ...fields,
  };
}

/**
 * Ana synced an hour and two hours ago (4 changes unsent, clock 90 s ahead); Ben last synced
 * three days ago (stale); "=HYPERLINK" never synced (a hostile name, for the CSV).
 */
export function fakeTeam(): TeamResponse {
  return {
    dataAsOf: NOW, today: '2026-12-07', staleAfterDays: 2, weekStart: '2026-12-07',
    members: [
      teamMember({ id: 'user-ana', name: 'Ana Field', caseload: 1250, overduePatients: 7, lastPushAt: '2026-12-07T13:00:00.000Z', lastPullAt: '2026-12-07T12:00:00.000Z',
        reportedAt: '2026-12-07T13:00:00.000Z', pendingReported: 4, appVersion: '1.4.0', clockSkewSeconds: 90, contactsThisWeek: 41, visitsThisWeek: 12 }),
      teamMember({ id: 'user-ben', name: 'Ben Field', territories: [{ id: 'ter-south', name: 'South' }, { id: 'ter-east', name: 'East, "coast"' }], caseload: 40, overduePatients: 0,
        lastPushAt: '2026-12-04T10:00:00.000Z', lastPullAt: '2026-12-04T09:00:00.000Z', reportedAt: '2026-12-04T10:00:00.000Z', pendingReported: 0, appVersion: '1.3.2', clockSkewSeconds: -3 }),
      teamMember({ id: 'user-cy', name: '=HYPERLINK("x")', territories: [], caseload: 0 }),
    ],
  };
}

/**
 * Ben has not synced for 3 days; Ana's contacts dropped (8 this week vs 31 expected); Maria
 * Lopez's escalation waits 90 minutes; Rosa Diaz, never reached, and 2 more unreached patients
 * not listed (3 in all).
 */
export function fakeAlerts(): AlertsResponse {
  return {
    dataAsOf: NOW,
    alerts: [
      { kind: 'escalation_unacknowledged', key: 'escalation_unacknowledged:esc-1', since: '2026-12-07T13:30:00.000Z', escalationId: 'esc-1',
        patient: { id: 'patient-esc-1', name: 'Maria Lopez' }, raisedAt: '2026-12-07T12:30:00.000Z', raisedByName: 'Ana Field', ageMinutes: 90, ackMinutes: 60 },
      { kind: 'no_sync', key: 'no_sync:user-ben:2026-12-04T10:00:00.000Z', since: '2026-12-06T10:00:00.000Z', specialist: { id: 'user-ben', name: 'Ben Field' },
        lastSyncAt: '2026-12-04T10:00:00.000Z', days: 3, thresholdDays: 2 },
      { kind: 'contact_drop', key: 'contact_drop:user-ana:2026-W50', since: '2026-12-07T00:00:00.000Z', specialist: { id: 'user-ana', name: 'Ana Field' },
        week: '2026-W50', contactsThisWeek: 8, expected: 31, usualWeek: 62, thresholdPercent: 50 },
      { kind: 'patient_unreached', key: 'patient_unreached:patient-rosa:never', since: '2026-11-30T10:00:00.000Z', patient: { id: 'patient-rosa', name: 'Rosa Diaz' },
        territoryId: 'ter-north', lastReachedAt: null, lastAttemptAt: '2026-12-01T10:00:00.000Z', attemptsSince: 4, days: 37, thresholdDays: 30 },
    ],
    unreachedTotal: 3,
    openTotal: 6,
  };
}

export function fakeOfficeServer(): FakeOfficeServer {
  return {
    escalations: [
      escalation({ id: 'esc-1', patientName: 'Maria Lopez', reason: 'No insulin left', severity: 'emergency', ageMinutes: 150, overdue: true }),
      escalation({ id: 'esc-2', patientName: 'John Reyes', reason: 'Fell at home', ageMinutes: 25, raisedById: 'user-ben', raisedByName: 'Ben Field' }),
      escalation({ id: 'esc-3', patientName: 'Rosa Diaz', reason: 'Missed dialysis', ageMinutes: 4000, status: 'resolved',
        acknowledgedAt: NOW, acknowledgedBy: SELF.id, acknowledgedByName: SELF.name, resolvedAt: NOW, resolvedBy: SELF.id, resolvedByName: SELF.name, resolution: 'Rebooked for tomorrow' }),
    ],
    ackMinutes: 60,
    sent: [],
    offline: false,
    team: fakeTeam(),
    assignees: [
      { id: 'user-sol', name: 'Sol Lead', kind: 'self' },
      { id: 'user-ana', name: 'Ana Field', kind: 'team' },
      { id: 'user-ben', name: 'Ben Field', kind: 'team' },
      { id: 'user-sue', name: 'Sue Other', kind: 'supervisor' },
    ],
    overview: fakeOverview(),
    funnel: fakeFunnel(),
    alerts: fakeAlerts(),
    review: fakeReview(),
    assignments: fakeAssignments(),
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refuse = (status: number, code: string, message: string) => json(status, { error: { code, message } });

const PEOPLE: Record<string, string> = { 'user-sol': 'Sol Lead', 'user-ana': 'Ana Field', 'user-ben': 'Ben Field', 'user-sue': 'Sue Other' };

function route(server: FakeOfficeServer, method: string, url: URL, body: Record<string, unknown>): Response {
  const reviewed = routeReview(server.review, SELF, method, url, body);
  if (reviewed) return reviewed;
  const assigned = routeAssignments(server.assignments, SELF, method, url, body);
  if (assigned) return assigned;
  if (method === 'GET' && url.pathname === '/api/office/team') return json(200, server.team);
  if (method === 'GET' && url.pathname === '/api/office/overview') return server.overview ? json(200, server.overview) : refuse(500, 'internal', 'Something went wrong');
  if (method === 'GET' && url.pathname === '/api/office/funnel') return server.funnel ? json(200, server.funnel) : refuse(500, 'internal', 'Something went wrong');
  if (method === 'GET' && url.pathname === '/api/office/alerts') return json(200, server.alerts);
  const [, alertStep] = /^\/api\/office\/alerts\/(done|snooze)$/.exec(url.pathname) ?? [];
  if (method === 'POST' && alertStep) {
    const key = String(body.key);
    const found = server.alerts.alerts.find((a) => a.key === key);
    if (!found) return refuse(404, 'not_found', 'No such alert in your team: it may have cleared');
    const unreached = found.kind === 'patient_unreached' ? 1 : 0;
    server.alerts = {
      ...server.alerts,
      alerts: server.alerts.alerts.filter((a) => a.key !== key),
      unreachedTotal: server.alerts.unreachedTotal - unreached,
      openTotal: server.alerts.openTotal - 1,
    };
    return json(200, alertStep === 'done' ? { key, state: 'done', snoozedUntil: null } : { key, state: 'snoozed', snoozedUntil: String(body.until) });
  }
  if (method === 'GET' && url.pathname === '/api/office/assignees') {
    return server.assignees ? json(200, { assignees: server.assignees }) : refuse(500, 'internal', 'Something went wrong');
  }
  if (method === 'GET' && url.pathname === '/api/office/escalations') {
    const status = url.searchParams.get('status') ?? 'unresolved';
    const escalations = server.escalations.filter((e) =>
      status === 'all' ? true : status === 'unresolved' ? e.status !== 'resolved' : e.status === status);
    return json(200, { escalations, hasMore: false, ackMinutes: server.ackMinutes, serverTime: NOW });
  }
  const [, id, step] = /^\/api\/office\/escalations\/([^/]+)\/(acknowledge|assign|resolve)$/.exec(url.pathname) ?? [];
  if (method !== 'POST' || !id) return refuse(404, 'not_found', 'no route');
  const found = server.escalations.find((e) => e.id === id);
  if (!found) return refuse(404, 'not_found', 'No such escalation in your team');
  if (found.status === 'resolved') return refuse(409, 'conflict', 'This escalation is already resolved; it does not change any more');
  const acknowledged = found.status === 'open'
    ? { status: 'acknowledged' as const, acknowledgedAt: NOW, acknowledgedBy: SELF.id, acknowledgedByName: SELF.name, overdue: false }
    : {};
  let next: OfficeEscalation;
  if (step === 'acknowledge') next = { ...found, ...acknowledged };
  else if (step === 'assign') {
    const userId = String(body.userId);
    if (!PEOPLE[userId]) return refuse(400, 'bad_request', 'userId: no such person in your organisation');
    next = { ...found, ...acknowledged, assignedTo: userId, assignedToName: PEOPLE[userId] };
  } else {
    next = { ...found, ...acknowledged, status: 'resolved', resolvedAt: NOW, resolvedBy: SELF.id, resolvedByName: SELF.name, resolution: String(body.resolution) };
  }
  next = { ...next, version: found.version + 1 };
  server.escalations = server.escalations.map((e) => (e.id === id ? next : e));
  return json(200, { escalation: next, changed: true });
}

let count = 0;

export interface OfficeConsoleTest {
  readonly server: FakeOfficeServer;
  readonly user: ReturnType<typeof userEvent.setup>;
  close(): Promise<void>;
}

export async function renderOfficeConsole(locale: Locale = 'en', server = fakeOfficeServer()): Promise<OfficeConsoleTest> {
  const db: RoundsDb = openRoundsDb(`test-office-console-${count++}-${crypto.randomUUID()}`);
  const session = {
    accessToken: 'supervisor-token',
    refreshToken: 'supervisor-refresh',
    accessExpiresAt: '2026-12-07T14:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: SELF.id, name: SELF.name, role: 'supervisor' as const, username: 'sol' },
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
    return route(server, method, url, body);
  };
  const worker = createWorkerApi({
    db, codec: plainCodec, fetch: fetchDouble, baseUrl: '', now: () => new Date(NOW), newId: () => crypto.randomUUID(), withSyncLock: localLock(),
  }) as unknown as WorkerClient;
  const user = userEvent.setup();
  render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker }}>
        <OfficeConsole session={session} />
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
