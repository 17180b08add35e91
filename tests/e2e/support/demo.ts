/** The demo organisation as the server seeds it, so tests know who can sign in and whom to find. */
import { generateDataset, demoOptions } from '../../../server/src/seed/generateDataset';
import { localIsoDate } from '../../../src/domain/calendar';

export function demoDataset() {
  // The same local day the server seeds with (server/src/main.ts).
  const today = localIsoDate(new Date());
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
