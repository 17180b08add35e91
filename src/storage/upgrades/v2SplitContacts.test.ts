import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoundsDb } from '../db';

const name = 'upgrade-v2';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('upgrading the device database from v1 to v2', () => {
  it('moves embedded contacts and caregivers into their own records and loses nothing', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores({ patients: 'id', facilities: 'id', careGaps: 'id, patientId', appointments: 'id, patientId', meta: 'key' });
    await v1.table('patients').put({
      id: 'pat_1',
      version: 7,
      body: {
        id: 'pat_1',
        givenName: 'Rosa',
        portal: 'active',
        contacts: [{ id: 'cp_1', channel: 'phone', use: 'mobile', value: '+16175550123', consent: 'granted', consentAt: null }],
        caregivers: [{ id: 'cg_1', name: 'Luis', relationship: 'son', phone: null, primary: true }],
      },
    });
    v1.close();

    const db = openRoundsDb(name);
    const patient = await db.patients.get('pat_1');
    expect(patient?.version).toBe(7);
    expect(patient?.body).toEqual({
      id: 'pat_1',
      givenName: 'Rosa',
      portal: 'active',
      bestTimeToCall: null,
      portalSteps: { emailCreated: true, accountActivated: true, firstLoginTaught: true },
    });
    expect(await db.contactPoints.get('cp_1')).toMatchObject({
      patientId: 'pat_1',
      version: 7,
      body: { value: '+16175550123', patientId: 'pat_1', consentBy: null, removed: false },
    });
    expect(await db.caregivers.get('cg_1')).toMatchObject({ patientId: 'pat_1', body: { name: 'Luis', removed: false } });
    db.close();
  });
});
