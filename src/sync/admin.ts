/**
 * The admin console's calls to the server, online only: nothing here touches the device's
 * records (an administrator holds no patients on the device). Every answer is a value: the
 * result, or a closed failure code the console says in words (STYLE 6, 13).
 */
import { z } from 'zod';
import {
  adminDevicesResponseSchema,
  adminTerritoriesResponseSchema,
  adminTerritoryResponseSchema,
  adminUserResponseSchema,
  adminUsersResponseSchema,
  auditPageSchema,
  okResponseSchema,
  revokeDeviceResponseSchema,
  settingsResponseSchema,
  unlockResponseSchema,
  type AuditQuery,
  type CreateUserRequest,
  type UpdateSettingsRequest,
  type UpdateUserRequest,
} from '../protocol/admin';
import { authedRequest, type AuthedRequestOptions, type AuthedResult } from './authedRequest';
import type { SyncDeps } from './deps';
import { toOnlineResult, type OnlineResult } from './onlineResult';

export type AdminErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'device_revoked'
  | 'forbidden'
  | 'not_found'
  /** The server refused the input; `message` names the field. */
  | 'invalid'
  | 'server_error'
  | 'bad_response';

export type AdminResult<T> = OnlineResult<T, AdminErrorCode>;

type AdminDeps = Pick<SyncDeps, 'db' | 'codec' | 'fetch' | 'baseUrl'>;

function toAdminResult<T>(res: AuthedResult<T>): AdminResult<T> {
  return toOnlineResult(res, ['forbidden', 'not_found']);
}

async function call<S extends z.ZodType, T>(
  deps: AdminDeps,
  path: string,
  body: unknown,
  schema: S,
  options: AuthedRequestOptions,
  pick: (value: z.infer<S>) => T,
): Promise<AdminResult<T>> {
  const res = toAdminResult(await authedRequest(deps, path, body, schema, options));
  return res.ok ? { ok: true, value: pick(res.value) } : res;
}

const GET = { method: 'GET' } as const;
const seg = encodeURIComponent;

/** The audit filters as a query string (empty filters left out). */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createAdminCalls(deps: AdminDeps) {
  return {
    adminListUsers: () => call(deps, '/api/admin/users', null, adminUsersResponseSchema, GET, (v) => v.users),
    adminCreateUser: (body: CreateUserRequest) => call(deps, '/api/admin/users', body, adminUserResponseSchema, {}, (v) => v.user),
    adminUpdateUser: (userId: string, body: UpdateUserRequest) =>
      call(deps, `/api/admin/users/${seg(userId)}`, body, adminUserResponseSchema, { method: 'PATCH' }, (v) => v.user),
    adminResetPassword: (userId: string, password: string) =>
      call(deps, `/api/admin/users/${seg(userId)}/password`, { password }, okResponseSchema, {}, () => true as const),
    adminUnlockUser: (userId: string) => call(deps, `/api/admin/users/${seg(userId)}/unlock`, {}, unlockResponseSchema, {}, (v) => v.unlocked),
    adminListDevices: () => call(deps, '/api/admin/devices', null, adminDevicesResponseSchema, GET, (v) => v.devices),
    adminRevokeDevice: (deviceId: string) =>
      call(deps, `/api/admin/devices/${seg(deviceId)}/revoke`, {}, revokeDeviceResponseSchema, {}, (v) => v.device),
    adminListTerritories: () => call(deps, '/api/admin/territories', null, adminTerritoriesResponseSchema, GET, (v) => v.territories),
    adminCreateTerritory: (name: string) => call(deps, '/api/admin/territories', { name }, adminTerritoryResponseSchema, {}, (v) => v.territory),
    adminRenameTerritory: (territoryId: string, name: string) =>
      call(deps, `/api/admin/territories/${seg(territoryId)}`, { name }, adminTerritoryResponseSchema, { method: 'PATCH' }, (v) => v.territory),
    adminGetSettings: () => call(deps, '/api/admin/settings', null, settingsResponseSchema, GET, (v) => v.settings),
    adminUpdateSettings: (body: UpdateSettingsRequest) =>
      call(deps, '/api/admin/settings', body, settingsResponseSchema, { method: 'PUT' }, (v) => v.settings),
    adminAuditPage: (query: AuditQuery) => call(deps, `/api/admin/audit${auditQueryString(query)}`, null, auditPageSchema, GET, (v) => v),
    /** The matching events as CSV text; the UI saves it as a file. */
    adminAuditCsv: (query: AuditQuery) =>
      call(deps, `/api/admin/audit.csv${auditQueryString({ ...query, before: undefined, limit: undefined })}`, null, z.string(), { method: 'GET', responseType: 'text' }, (v) => v),
  };
}
