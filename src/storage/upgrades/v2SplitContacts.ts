/**
 * Upgrade to v2: version 1 kept a patient's phone numbers and caregivers inside the patient
 * record; v2 keeps each as its own record. Moves every embedded entry out, keeping the
 * patient's server version so a later pull still replaces them with the server's copies.
 * Runs inside Dexie's upgrade transaction, on v1's plain bodies (v1 never sealed bodies
 * with anything but the plain codec).
 */
import type { Transaction } from 'dexie';

interface V1Patient {
  readonly id: string;
  readonly contacts?: readonly Record<string, unknown>[];
  readonly caregivers?: readonly Record<string, unknown>[];
  readonly portal?: string;
  readonly [key: string]: unknown;
}

interface V1Row {
  readonly id: string;
  readonly version: number;
  readonly body: V1Patient;
}

export async function splitEmbeddedContacts(tx: Transaction): Promise<void> {
  const patients = (await tx.table('patients').toArray()) as V1Row[];
  const contactRows = [];
  const caregiverRows = [];
  const patientRows = [];
  for (const row of patients) {
    const { contacts = [], caregivers = [], ...rest } = row.body;
    for (const c of contacts) {
      const body = { ...c, patientId: row.id, consentBy: null, removed: false };
      contactRows.push({ id: String(c.id), patientId: row.id, version: row.version, body });
    }
    for (const c of caregivers) {
      const body = { ...c, patientId: row.id, removed: false };
      caregiverRows.push({ id: String(c.id), patientId: row.id, version: row.version, body });
    }
    const active = rest.portal === 'active';
    const portalSteps = { emailCreated: active, accountActivated: active, firstLoginTaught: active };
    patientRows.push({ ...row, body: { bestTimeToCall: null, portalSteps, ...rest } });
  }
  await tx.table('contactPoints').bulkPut(contactRows);
  await tx.table('caregivers').bulkPut(caregiverRows);
  await tx.table('patients').bulkPut(patientRows);
}
