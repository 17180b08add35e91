/**
 * How fresh each person's data is, from the sync events (migration 12, docs/SYNC.md S21):
 * for the Team table, per person and per device, the last push and the last pull by the
 * server's clock, and what the latest event reported (unsent changes, app version, the
 * device's clock skew). Never a device's clock for "when".
 *
 * Owns the reading only: which people a caller may see is the policy's (the route passes the
 * ids it allowed), and the numbers are what the server recorded, "as of" `latest.at`.
 *
 * Each "latest" is one probe of an index per person (or device) and kind, so the cost grows
 * with the people asked about, not with the events kept.
 */
import type { Db } from '../db/db';
import type { Seconds } from '../../../src/domain/ids';
import { SYNC_EVENT_KINDS, type SyncEventKind } from '../syncEvents/recordSyncEvent';

/** The latest event of a person or device: every number in it is as of `at`. */
export interface LatestSyncEvent {
  readonly at: Date;
  readonly kind: SyncEventKind;
  readonly deviceId: string;
  /** Unsent changes the device reported; null when it did not say (an older app). */
  readonly pendingReported: number | null;
  readonly appVersion: string | null;
  /** The device's clock minus the server's, rounded to the second; positive when the device is ahead. */
  readonly clockSkew: Seconds | null;
}

export interface SyncFreshness {
  /** The last push, sealed (background) pushes included; null when never. */
  readonly lastPushAt: Date | null;
  readonly lastPullAt: Date | null;
  readonly latest: LatestSyncEvent | null;
}

export interface DeviceSyncFreshness extends SyncFreshness {
  readonly deviceId: string;
}

export interface UserSyncFreshness extends SyncFreshness {
  readonly userId: string;
  /**
   * The person's devices that have synced and are not revoked (a device belongs to one person:
   * sign-in gives a shared tablet another id for someone else), by latest event, newest first.
   */
  readonly devices: readonly DeviceSyncFreshness[];
}

export interface SyncFreshnessQuery {
  readonly orgId: string;
  readonly userIds: readonly string[];
}

interface EventRow {
  readonly owner: string;
  readonly id: number;
  readonly at: Date | string;
  readonly kind: SyncEventKind;
  readonly deviceId: string;
  readonly pendingReported: number | null;
  readonly deviceClock: Date | string | null;
  readonly appVersion: string | null;
}

const EVENT_COLUMNS = `e.id, e.at, e.kind, e.device_id as "deviceId", e.pending_reported as "pendingReported",
  e.device_clock as "deviceClock", e.app_version as "appVersion"`;

/** One row per person (in the order asked, each once), with never-synced people included. */
export async function syncFreshness(db: Db, { orgId, userIds }: SyncFreshnessQuery): Promise<UserSyncFreshness[]> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return [];
  const kinds = [...SYNC_EVENT_KINDS];
  // The latest event of each kind, per person and per device: up to three rows each.
  const [byUser, byDevice] = await Promise.all([
    db.query<EventRow>(
      `select w.user_id as owner, ${EVENT_COLUMNS}
         from unnest($2::text[]) as w (user_id)
         cross join unnest($3::text[]) as k (kind)
         cross join lateral (
           select * from sync_events e
            where e.user_id = w.user_id and e.kind = k.kind and e.org_id = $1
            order by e.at desc, e.id desc limit 1
         ) e`,
      [orgId, wanted, kinds],
    ),
    db.query<EventRow & { userId: string }>(
      `select d.id as owner, d.user_id as "userId", ${EVENT_COLUMNS}
         from devices d
         cross join unnest($3::text[]) as k (kind)
         cross join lateral (
           select * from sync_events e
            where e.device_id = d.id and e.kind = k.kind and e.user_id = d.user_id and e.org_id = $1
            order by e.at desc, e.id desc limit 1
         ) e
        where d.user_id = any($2::text[]) and d.revoked_at is null`,
      [orgId, wanted, kinds],
    ),
  ]);
  const devicesOf = new Map<string, DeviceSyncFreshness[]>();
  for (const [deviceId, rows] of groupBy(byDevice, (r) => r.owner)) {
    const userId = rows[0]!.userId;
    const list = devicesOf.get(userId) ?? [];
    list.push({ deviceId, ...freshnessOf(rows) });
    devicesOf.set(userId, list);
  }
  const eventsOf = groupBy(byUser, (r) => r.owner);
  return wanted.map((userId) => ({
    userId,
    ...freshnessOf(eventsOf.get(userId) ?? []),
    devices: (devicesOf.get(userId) ?? []).sort(newestFirst),
  }));
}

/** Folds the latest event of each kind into the freshness they describe. */
function freshnessOf(rows: readonly EventRow[]): SyncFreshness {
  let lastPushAt: Date | null = null;
  let lastPullAt: Date | null = null;
  let latest: EventRow | null = null;
  for (const row of rows) {
    const at = asDate(row.at);
    if (row.kind === 'pull') lastPullAt = later(lastPullAt, at);
    else lastPushAt = later(lastPushAt, at);
    if (latest === null || isAfter(row, latest)) latest = row;
  }
  return { lastPushAt, lastPullAt, latest: latest && latestOf(latest) };
}

function latestOf(row: EventRow): LatestSyncEvent {
  const at = asDate(row.at);
  const clock = row.deviceClock === null ? null : asDate(row.deviceClock);
  return {
    at,
    kind: row.kind,
    deviceId: row.deviceId,
    pendingReported: row.pendingReported,
    appVersion: row.appVersion,
    clockSkew: clock === null ? null : (Math.round((clock.getTime() - at.getTime()) / 1000) as Seconds),
  };
}

/** Events are ordered by the server's clock, then by id (two in the same millisecond). */
function isAfter(a: EventRow, b: EventRow): boolean {
  const diff = asDate(a.at).getTime() - asDate(b.at).getTime();
  return diff > 0 || (diff === 0 && Number(a.id) > Number(b.id));
}

function later(a: Date | null, b: Date): Date {
  return a === null || b.getTime() > a.getTime() ? b : a;
}

function newestFirst(a: SyncFreshness, b: SyncFreshness): number {
  return (b.latest?.at.getTime() ?? -Infinity) - (a.latest?.at.getTime() ?? -Infinity);
}

/** Both drivers give timestamptz as a Date; a string is taken too, rather than trusted to stay so. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row)) ?? [];
    list.push(row);
    out.set(key(row), list);
  }
  return out;
}
