/** The demo organisation as the server seeds it, so tests know who can sign in and whom to find. */
import { generateDataset, demoOptions } from '../../../server/src/seed/generateDataset';
import type { IsoDate } from '../../../src/domain/ids';

export function demoDataset() {
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  return generateDataset(demoOptions(today));
}

export function demoSpecialist() {
  const data = demoDataset();
  const user = data.users.find((u) => u.role === 'specialist');
  if (!user) throw new Error('the demo dataset has no specialist');
  const territoryId = user.territoryIds[0];
  const patients = data.patients.filter((p) => p.territoryId === territoryId);
  return { user, patients, facilities: data.facilities };
}
