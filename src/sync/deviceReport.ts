/**
 * What a device says about itself with each push, sealed push and pull (docs/SYNC.md, S21):
 * its count of unsent changes and its clock, when the request leaves. The server records them
 * beside its own clock for the office; they decide nothing there.
 */
import { PENDING_REPORT_MAX, type DeviceReport } from '../protocol/wire';
import { pendingCount } from '../storage/outbox';
import type { SyncDeps } from './deps';

export async function deviceReport(deps: Pick<SyncDeps, 'db' | 'now'>): Promise<Required<DeviceReport>> {
  // Capped as the wire allows: an outbox beyond it still syncs, and says "at least this many".
  const pending = Math.min(await pendingCount(deps.db), PENDING_REPORT_MAX);
  return { pending, deviceTime: deps.now().toISOString() };
}
