import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentConsent } from '../../domain/consent';
import type { IsoDate, IsoDateTime } from '../../domain/ids';
import { asRecord, buildContactPoint, buildGap, buildPatient } from '../../../tests/support/builders';
import { applyPullPage } from '../applyPullPage';
import { plainCodec } from '../codec';
import { openRoundsDb, type RoundsDb } from '../db';
import { setMeta } from '../meta';
import { openPatientRecords, readRawPatientRecords, readRecord } from '../readRecords';
import type { OutboxChange } from '../writeChanges';
import type { CommandDeps } from './commandDeps';
import { changeAddress, changeContactValue, recordConsent, setReferralStatus, updateCareGap, updateCaregiver } from './contactRecord';

let db: RoundsDb;
let deps: CommandDeps;
let n = 0;

beforeEach(async () => {
  db = openRoundsDb(`contact-record-${n++}`);
  let id = 0;
  let clock = Date.parse('2026-11-22T15:00:00Z');
  deps = {
    db,
    codec: plainCodec,
    now: () => new Date((clock += 1000)),
    newId: () => `id-${++id}`,
    nodeId: 'device-1',
    today: () => '2026-11-22' as IsoDate,
  };
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
  await applyPullPage(
    db,
    plainCodec,
    [
      asRecord('patient', buildPatient('pat_1', { address: { line1: '12 Oak St', line2: null, city: 'Lynn', state: 'MA', postalCode: '01901', location: { lat: 42.46, lng: -70.95 } } })),
      asRecord('contactPoint', buildContactPoint('cp_1', 'pat_1', { consent: 'granted', consentAt: '2026-10-01T00:00:00.000Z' as IsoDateTime, consentBy: 'Intake' })),
      asRecord('careGap', buildGap('gap_1', 'pat_1')),
    ],
    'c1',
  );
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const records = async () => openPatientRecords(await readRawPatientRecords(db, 'pat_1'), plainCodec);
const outboxKinds = async () => (await db.outbox.orderBy('seq').toArray()).map((r) => `${r.kind}:${r.op}`);

describe('consent as a history', () => {
  it('records a decision as an event in the signed-in person\'s name and mirrors it into the contact point', async () => {
    expect(await recordConsent(deps, { contactPointId: 'cp_1', decision: 'declined', method: 'verbal' })).toEqual({ ok: true });
    const { consentEvent, contactPoint } = await records();
    expect(consentEvent).toEqual([
      expect.objectContaining({ contactPointId: 'cp_1', value: '+16175550123', decision: 'declined', method: 'verbal', byId: 'usr_1', byName: 'Maria Santos' }),
    ]);
    expect(contactPoint[0]).toMatchObject({ consent: 'declined', consentBy: 'Maria Santos' });
    expect(currentConsent(contactPoint[0]!, consentEvent)).toMatchObject({ status: 'declined', byName: 'Maria Santos', source: 'event' });
    expect(await outboxKinds()).toEqual(['consentEvent:create', 'contactPoint:update']);
  });

  it('a changed number starts with no consent; the old decision stays in the history', async () => {
    await recordConsent(deps, { contactPointId: 'cp_1', decision: 'granted', method: 'written' });
    expect(await changeContactValue(deps, 'cp_1', '+16175550456')).toEqual({ ok: true });
    const { consentEvent, contactPoint } = await records();
    expect(contactPoint[0]).toMatchObject({ value: '+16175550456', consent: 'unknown', consentAt: null, consentBy: null });
    expect(currentConsent(contactPoint[0]!, consentEvent)).toEqual({ status: 'unknown' });
    expect(consentEvent).toHaveLength(1);
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1)!;
    expect(Object.keys((await plainCodec.open<OutboxChange>(last.body)).values).sort()).toEqual(['consent', 'consentAt', 'consentBy', 'value']);
  });

  it('a contact point that is not on the device records nothing', async () => {
    expect(await recordConsent(deps, { contactPointId: 'cp_gone', decision: 'granted', method: 'verbal' })).toEqual({ ok: false, code: 'not_found' });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('what changes in life', () => {
  it('a new address clears the coordinates, so the patient has no location', async () => {
    await changeAddress(deps, 'pat_1', { line1: '3 Elm St', line2: 'Apt 2', city: 'Salem', state: 'MA', postalCode: '01970' });
    expect((await readRecord(db, plainCodec, 'patient', 'pat_1'))?.address).toEqual({
      line1: '3 Elm St',
      line2: 'Apt 2',
      city: 'Salem',
      state: 'MA',
      postalCode: '01970',
      location: null,
    });
    expect(await outboxKinds()).toEqual(['patient:update']);
  });

  it("a caregiver's details change, and the permission to share carries who recorded it and when", async () => {
    await applyPullPage(
      db,
      plainCodec,
      // Stored before the permission existed: no shareInfo field at all.
      [{ kind: 'caregiver', id: 'cg_1', version: 9, deleted: false, data: { id: 'cg_1', patientId: 'pat_1', name: 'Rosa', relationship: 'daughter', phone: null, primary: true, removed: false } as never }],
      'c2',
    );
    await updateCaregiver(deps, 'cg_1', { name: 'Rosa Lima', relationship: 'daughter', phone: '+16175550199', shareInfo: true });
    expect(await readRecord(db, plainCodec, 'caregiver', 'cg_1')).toMatchObject({
      name: 'Rosa Lima',
      phone: '+16175550199',
      shareInfo: { granted: true, byId: 'usr_1', byName: 'Maria Santos', at: expect.stringMatching(/^2026-11-22T15:00/) },
    });
    // Saving again without a new answer keeps the permission as recorded.
    await updateCaregiver(deps, 'cg_1', { name: 'Rosa Lima', relationship: 'spouse', phone: null });
    expect((await readRecord(db, plainCodec, 'caregiver', 'cg_1'))?.shareInfo?.granted).toBe(true);
  });

  it.each([
    ['excluded without a reason', { status: 'excluded', evidence: null, exclusionReason: '  ' }, { ok: false, code: 'exclusion_reason_missing' }],
    ['excluded with its reason', { status: 'excluded', evidence: null, exclusionReason: ' Hospice ' }, { ok: true }],
  ] as const)('a care gap %s', async (_case, input, result) => {
    expect(await updateCareGap(deps, 'gap_1', input)).toEqual(result);
    const gap = await readRecord(db, plainCodec, 'careGap', 'gap_1');
    if (result.ok) expect(gap).toMatchObject({ status: 'excluded', exclusionReason: 'Hospice' });
    else expect([gap?.status, await db.outbox.count()]).toEqual(['open', 0]);
  });

  it("a referral's status moves in the name of whoever changed it", async () => {
    const referral = {
      id: 'ref_1', patientId: 'pat_1', noteId: 'n1', to: 'social_worker', reason: 'Housing', status: 'sent',
      sentAt: '2026-11-20T10:00:00.000Z', sentById: 'usr_2', sentByName: 'Ana Ruiz',
      statusAt: '2026-11-20T10:00:00.000Z', statusById: 'usr_2', statusByName: 'Ana Ruiz',
    };
    await applyPullPage(db, plainCodec, [{ kind: 'referral', id: 'ref_1', version: 10, deleted: false, data: referral as never }], 'c3');
    expect(await setReferralStatus(deps, 'ref_1', 'accepted')).toEqual({ ok: true });
    expect(await setReferralStatus(deps, 'ref_1', 'sent')).toEqual({ ok: false, code: 'not_allowed' });
    expect(await readRecord(db, plainCodec, 'referral', 'ref_1')).toMatchObject({ status: 'accepted', statusByName: 'Maria Santos', sentByName: 'Ana Ruiz' });
  });
});
