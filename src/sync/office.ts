/**
 * The office's calls to the server (the supervisor's escalation queue, Team table, Overview and
 * funnel), online only: nothing
 * here touches the device's records. Every answer is a value: the result, or a closed failure
 * code the office says in words (STYLE 6, 13). The server's code travels unchanged: a step on
 * a resolved escalation is `conflict`, never re-derived from the message.
 */
import {
  assigneesResponseSchema,
  escalationListResponseSchema,
  escalationStepResponseSchema,
  teamResponseSchema,
  type EscalationFilter,
} from '../protocol/office';
import { funnelResponseSchema, overviewResponseSchema, type FunnelQuery, type OverviewQuery } from '../protocol/officeMetrics';
import { alertsResponseSchema, alertStepResponseSchema } from '../protocol/officeAlerts';
import {
  assignmentsResponseSchema,
  assignTerritoryResponseSchema,
  bulkMoveResponseSchema,
  cancelCoverageResponseSchema,
  coverageSchema,
  type BulkMoveRequest,
  type CreateCoverageRequest,
} from '../protocol/officeAssignments';
import { authedRequest, type AuthedResult } from './authedRequest';
import type { SyncDeps } from './deps';
import { createOfficeReviewCalls } from './officeReview';
import { toOnlineResult, type OnlineResult } from './onlineResult';

export type OfficeErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'device_revoked'
  | 'forbidden'
  | 'not_found'
  /** The escalation changed so the step no longer applies (already resolved). */
  | 'conflict'
  /** The server refused the input; `message` names the field. */
  | 'invalid'
  | 'server_error'
  | 'bad_response';

export type OfficeResult<T> = OnlineResult<T, OfficeErrorCode>;

type OfficeDeps = Pick<SyncDeps, 'db' | 'codec' | 'fetch' | 'baseUrl'>;

function toOfficeResult<T>(res: AuthedResult<T>): OfficeResult<T> {
  return toOnlineResult(res, ['forbidden', 'not_found', 'conflict']);
}

const seg = encodeURIComponent;

export function createOfficeCalls(deps: OfficeDeps) {
  const step = async (escalationId: string, name: 'acknowledge' | 'assign' | 'resolve', body: object) => {
    const res = toOfficeResult(await authedRequest(deps, `/api/office/escalations/${seg(escalationId)}/${name}`, body, escalationStepResponseSchema));
    return res.ok ? { ok: true as const, value: res.value.escalation } : res;
  };
  return {
    ...createOfficeReviewCalls(deps),
    officeListEscalations: async (status: EscalationFilter) =>
      toOfficeResult(await authedRequest(deps, `/api/office/escalations?status=${seg(status)}`, null, escalationListResponseSchema, { method: 'GET' })),
    /** The Team table: one row per specialist of the caller's team, as of the server's time. */
    officeTeam: async () => toOfficeResult(await authedRequest(deps, '/api/office/team', null, teamResponseSchema, { method: 'GET' })),
    /** Who an escalation may be assigned to (oneself, the team, the organisation's other supervisors). */
    officeAssignees: async () => {
      const res = toOfficeResult(await authedRequest(deps, '/api/office/assignees', null, assigneesResponseSchema, { method: 'GET' }));
      return res.ok ? { ok: true as const, value: res.value.assignees } : res;
    },
    /** The team's numbers for a range of UTC days (dates only in the query: no patient data). */
    officeOverview: async (q: OverviewQuery) =>
      toOfficeResult(await authedRequest(deps, `/api/office/overview?from=${seg(q.from)}&to=${seg(q.to)}&followUpDays=${seg(String(q.followUpDays))}`, null, overviewResponseSchema, { method: 'GET' })),
    /** The engagement funnel for a range of UTC days, by language, age band, channel and territory. */
    officeFunnel: async (q: FunnelQuery) =>
      toOfficeResult(await authedRequest(deps, `/api/office/funnel?from=${seg(q.from)}&to=${seg(q.to)}`, null, funnelResponseSchema, { method: 'GET' })),
    officeAcknowledgeEscalation: (escalationId: string) => step(escalationId, 'acknowledge', {}),
    officeAssignEscalation: (escalationId: string, userId: string) => step(escalationId, 'assign', { userId }),
    officeResolveEscalation: (escalationId: string, resolution: string) => step(escalationId, 'resolve', { resolution }),
    /** The team's open alerts (supervisor tasks), newest first. */
    officeAlerts: async () => toOfficeResult(await authedRequest(deps, '/api/office/alerts', null, alertsResponseSchema, { method: 'GET' })),
    /** Marks an alert done; its key travels in the body (it may name a patient's id), never the URL. */
    officeAlertDone: async (key: string) => toOfficeResult(await authedRequest(deps, '/api/office/alerts/done', { key }, alertStepResponseSchema)),
    /** Hides an alert until `until` (an ISO time, at most 30 days ahead by the server's clock). */
    officeAlertSnooze: async (key: string, until: string) =>
      toOfficeResult(await authedRequest(deps, '/api/office/alerts/snooze', { key, until }, alertStepResponseSchema)),
    ...assignmentCalls(deps),
  };
}

/** The Assignments section's calls: who works what, coverages, moving patients (ids and filters in the body, never the URL). */
function assignmentCalls(deps: OfficeDeps) {
  return {
    officeAssignments: async () => toOfficeResult(await authedRequest(deps, '/api/office/assignments', null, assignmentsResponseSchema, { method: 'GET' })),
    officeAssignTerritory: async (territoryId: string, userId: string) =>
      toOfficeResult(await authedRequest(deps, `/api/office/territories/${seg(territoryId)}/assign`, { userId }, assignTerritoryResponseSchema)),
    officeCreateCoverage: async (coverage: CreateCoverageRequest) => toOfficeResult(await authedRequest(deps, '/api/office/coverages', coverage, coverageSchema)),
    officeCancelCoverage: async (coverageId: string) =>
      toOfficeResult(await authedRequest(deps, `/api/office/coverages/${seg(coverageId)}/cancel`, {}, cancelCoverageResponseSchema)),
    officeMovePatients: async (move: BulkMoveRequest) => toOfficeResult(await authedRequest(deps, '/api/office/patients/move', move, bulkMoveResponseSchema)),
  };
}
