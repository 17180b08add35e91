/**
 * Another device that talks to the API directly, with no browser: signs in and pulls, so a
 * story can check what the server holds without trusting the device under test.
 */
import { loginResponseSchema, PROTOCOL_VERSION, PULL_PAGE_MAX, pullResponseSchema, type PullResponse } from '../../../src/protocol/wire';

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

export interface ApiDevice {
  /** Every record that changed since the previous call; the first call returns the whole scope. */
  changes(): Promise<PullResponse['records']>;
}

export async function apiDevice(baseUrl: string, user: { username: string; password: string }, deviceId: string): Promise<ApiDevice> {
  const { accessToken: token } = loginResponseSchema.parse(await post(`${baseUrl}/api/auth/login`, { username: user.username, password: user.password, deviceId }));
  let cursor: string | null = null;
  return {
    async changes() {
      const records: PullResponse['records'] = [];
      for (;;) {
        const page = pullResponseSchema.parse(await post(`${baseUrl}/api/sync/pull`, { protocolVersion: PROTOCOL_VERSION, cursor, limit: PULL_PAGE_MAX }, token));
        records.push(...page.records);
        cursor = page.cursor;
        if (!page.hasMore) return records;
      }
    },
  };
}
