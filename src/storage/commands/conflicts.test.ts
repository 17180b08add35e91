import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../../domain/conflict';
import type { Hlc } from '../../domain/hlc';
import type { IsoDate, IsoDateTime, PatientId } from '../../domain/ids';
import { asRecord, buildPatient } from '../../../tests/support/builders';
import { applyPullPage } from '../applyPullPage';
import { plainCodec } from '../codec';
import { openRoundsDb, type RoundsDb } from '../db';
import { setMeta } from '../meta';
import { nextBatch, numberOutbox } from '../outbox';
import type { CommandDeps } from './commandDeps';
import { resolveConflict } from './conflicts';

let db: RoundsDb;
let deps: CommandDeps;
let n = 0;

const conflict: Conflict = {
  id: 'cf_1',
  patientId: 'pat_1' as PatientId,
  entityKind: 'patient',
  entityId: 'pat_1',
  field: 'bestTimeToCall',
  winner: { value: 'Evenings', hlc: '000001764000000000:000000:dev-a' as Hlc, by: 'Ana', userId: null, deviceId: 'dev-a' },
  loser: { value: 'Mornings', hlc: '000001763000000000:000000:device-1' as Hlc, by: 'Maria', userId: null, deviceId: 'device-1' },
  detectedAt: '2026-11-22T15:00:00.000Z' as IsoDateTime,
  status: 'open',
  resolvedBy: null,
  resolvedById: null,
  resolvedAt: null,
};

beforeEach(async () => {
  db = openRoundsDb(`conflicts-${n++}`);
  let id = 0;
  let clock = Date.parse('2026-11-22T15:00:00Z');
  deps = { db, codec: plainCodec, now: () => new Date((clock += 1000)), newId: () => `id-${++id}`, nodeId: 'device-1', today: () => '2026-11-22' as IsoDate };
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('resolving a conflict', () => {
  it.each([
    ['the device already shows the winner', 'Evenings'],
    // Before the fix for S9a a losing device kept showing its own value; restoring then wrote nothing.
    ['the device still shows its own, overwritten value', 'Mornings'],
  ])('[S9b] "restore mine" always sends the restored value (%s)', async (_case, shown) => {
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1', { bestTimeToCall: shown })), asRecord('conflict', conflict)], 'c1');
    expect(await resolveConflict(deps, 'cf_1', 'restore_mine')).toEqual({ ok: true });
    await numberOutbox(db);
    const batch = await nextBatch(db, plainCodec, 10);
    const restore = batch.find((b) => b.row.kind === 'patient');
    expect(restore?.change.values).toEqual({ bestTimeToCall: 'Mornings' });
    expect(batch.find((b) => b.row.kind === 'conflict')?.change.values).toMatchObject({ status: 'restored_mine' });
  });

  it('[S9] "keep theirs" only closes the conflict', async () => {
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1', { bestTimeToCall: 'Evenings' })), asRecord('conflict', conflict)], 'c1');
    expect(await resolveConflict(deps, 'cf_1', 'keep_theirs')).toEqual({ ok: true });
    await numberOutbox(db);
    expect((await nextBatch(db, plainCodec, 10)).map((b) => b.row.kind)).toEqual(['conflict']);
  });
});
