/**
 * [S21] The office's freshness per person and device, on a small hand-built set of sync
 * events whose expected numbers are written out below. Times are the server's clock; each
 * event's device clock is set apart from it by a chosen skew.
 */
import { beforeAll, expect, it } from 'vitest';
import { fixtureDataset, ORG, OTHER_ORG, otherOrgDataset } from '../../test/fixtures';
import { describeEachDb } from '../../test/testDb';
import { loadDataset } from '../seed/loadDataset';
import type { SyncEventKind } from '../syncEvents/recordSyncEvent';
import { syncFreshness } from './syncFreshness';

const at = (hhmmss: string) => new Date(`2026-11-20T${hhmmss}.000Z`);

interface Ev {
  readonly at: string;
  readonly user: string;
  readonly device: string;
  readonly kind: SyncEventKind;
  readonly pending: number | null;
  /** The device's clock minus the server's, in seconds; null: not reported. */
  readonly skew: number | null;
  readonly app: string | null;
  readonly org?: string;
}

// Inserted in this order (ids increase): Ben's two events at 10:00:00 tie on the clock, and
// the later id (the pull) is his latest.
const EVENTS: readonly Ev[] = [
  { at: '08:00:00', user: 'user-ana', device: 'tab-ana', kind: 'pull', pending: 0, skew: 30, app: '1.4.0' },
  { at: '08:05:00', user: 'user-ana', device: 'tab-ana', kind: 'push', pending: 3, skew: 30, app: '1.4.0' },
  { at: '09:10:00', user: 'user-ana', device: 'phone-ana', kind: 'sealed_push', pending: 2, skew: -120, app: '1.3.2' },
  { at: '07:00:00', user: 'user-ana', device: 'lost-ana', kind: 'push', pending: 9, skew: 0, app: '1.2.0' },
  { at: '08:30:00', user: 'user-ana', device: 'phone-ana', kind: 'pull', pending: 4, skew: -118, app: '1.3.2' },
  { at: '10:00:00', user: 'user-ben', device: 'tab-ben', kind: 'push', pending: null, skew: null, app: null },
  { at: '10:00:00', user: 'user-ben', device: 'tab-ben', kind: 'pull', pending: 0, skew: -5, app: null },
  { at: '06:00:00', user: 'user-ben', device: 'phone-ben', kind: 'pull', pending: 1, skew: 3600, app: '1.4.0' },
  { at: '11:00:00', user: 'user-cam', device: 'tab-cam', kind: 'push', pending: 7, skew: 1, app: '1.4.0', org: OTHER_ORG },
];

const DEVICES = [
  { id: 'tab-ana', user: 'user-ana', revoked: false },
  { id: 'phone-ana', user: 'user-ana', revoked: false },
  { id: 'lost-ana', user: 'user-ana', revoked: true },
  { id: 'tab-ben', user: 'user-ben', revoked: false },
  { id: 'phone-ben', user: 'user-ben', revoked: false },
  { id: 'tab-cam', user: 'user-cam', revoked: false },
];

describeEachDb('sync freshness for the office', (current) => {
  beforeAll(async () => {
    const { db } = current();
    await loadDataset(db, fixtureDataset());
    await loadDataset(db, otherOrgDataset());
    for (const d of DEVICES) {
      await db.query(
        `insert into devices (id, user_id, first_seen, last_seen, revoked_at, device_key) values ($1, $2, $3, $3, $4, 'k')`,
        [d.id, d.user, at('05:00:00'), d.revoked ? at('12:00:00') : null],
      );
    }
    for (const e of EVENTS) {
      const serverAt = at(e.at);
      const deviceClock = e.skew === null ? null : new Date(serverAt.getTime() + e.skew * 1000);
      await db.query(
        `insert into sync_events (at, org_id, user_id, device_id, kind, pending_reported, changes, device_clock, app_version)
         values ($1, $2, $3, $4, $5, $6, 1, $7, $8)`,
        [serverAt, e.org ?? ORG, e.user, e.device, e.kind, e.pending, deviceClock, e.app],
      );
    }
  });

  it('[S21] per person: last push (sealed included) and last pull by the server clock, and what the latest event reported', async () => {
    const rows = await syncFreshness(current().db, { orgId: ORG, userIds: ['user-ana', 'user-ben', 'user-sue'] });
    expect(rows.map(({ devices: _d, ...person }) => person)).toEqual([
      {
        userId: 'user-ana',
        // The background push at 09:10 is later than the app's push at 08:05 and the lost tablet's at 07:00.
        lastPushAt: at('09:10:00'),
        lastPullAt: at('08:30:00'),
        latest: { at: at('09:10:00'), kind: 'sealed_push', deviceId: 'phone-ana', pendingReported: 2, appVersion: '1.3.2', clockSkew: -120 },
      },
      {
        userId: 'user-ben',
        lastPushAt: at('10:00:00'),
        lastPullAt: at('10:00:00'),
        // Same second as his push; inserted after it.
        latest: { at: at('10:00:00'), kind: 'pull', deviceId: 'tab-ben', pendingReported: 0, appVersion: null, clockSkew: -5 },
      },
      // Never synced: nothing is made up.
      { userId: 'user-sue', lastPushAt: null, lastPullAt: null, latest: null },
    ]);
  });

  it('[S21] per device: each device the person holds, newest first; a revoked one is left out', async () => {
    const [ana, ben] = await syncFreshness(current().db, { orgId: ORG, userIds: ['user-ana', 'user-ben'] });
    expect(ana?.devices).toEqual([
      {
        deviceId: 'phone-ana',
        lastPushAt: at('09:10:00'),
        lastPullAt: at('08:30:00'),
        latest: { at: at('09:10:00'), kind: 'sealed_push', deviceId: 'phone-ana', pendingReported: 2, appVersion: '1.3.2', clockSkew: -120 },
      },
      {
        deviceId: 'tab-ana',
        lastPushAt: at('08:05:00'),
        lastPullAt: at('08:00:00'),
        latest: { at: at('08:05:00'), kind: 'push', deviceId: 'tab-ana', pendingReported: 3, appVersion: '1.4.0', clockSkew: 30 },
      },
    ]);
    expect(ben?.devices).toEqual([
      {
        deviceId: 'tab-ben',
        lastPushAt: at('10:00:00'),
        lastPullAt: at('10:00:00'),
        latest: { at: at('10:00:00'), kind: 'pull', deviceId: 'tab-ben', pendingReported: 0, appVersion: null, clockSkew: -5 },
      },
      {
        deviceId: 'phone-ben',
        lastPushAt: null,
        lastPullAt: at('06:00:00'),
        // An hour ahead of the server.
        latest: { at: at('06:00:00'), kind: 'pull', deviceId: 'phone-ben', pendingReported: 1, appVersion: '1.4.0', clockSkew: 3600 },
      },
    ]);
  });

  it('[S21] only the organisation asked about: another organisation\'s person has nothing here, and asks twice answer once', async () => {
    const rows = await syncFreshness(current().db, { orgId: ORG, userIds: ['user-cam', 'user-ben', 'user-ben'] });
    expect(rows.map((r) => ({ userId: r.userId, latest: r.latest?.at ?? null, devices: r.devices.length }))).toEqual([
      { userId: 'user-cam', latest: null, devices: 0 },
      { userId: 'user-ben', latest: at('10:00:00'), devices: 2 },
    ]);
    const theirs = await syncFreshness(current().db, { orgId: OTHER_ORG, userIds: ['user-cam'] });
    expect(theirs[0]).toMatchObject({ lastPushAt: at('11:00:00'), lastPullAt: null, latest: { pendingReported: 7, clockSkew: 1 } });
    expect(await syncFreshness(current().db, { orgId: ORG, userIds: [] })).toEqual([]);
  });
});
