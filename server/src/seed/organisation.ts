/**
 * The demo organisation, its territories and its five sign-ins. The password is shared and
 * printed on purpose: this is demo data only, never a real account.
 */
import type { OrgId, TerritoryId, UserId } from '../../../src/domain/ids';
import type { Role, Territory } from '../../../src/domain/user';
import type { SeedUser } from './dataset';
import type { TerritoryPlan } from './towns';

/** Demo only. Every seeded user signs in with this. */
export const DEMO_PASSWORD = 'rounds-demo';

export const ORG: { readonly id: OrgId; readonly name: string; readonly careTeamPhone: string } = {
  id: 'org_harbor' as OrgId,
  name: 'Harbor Community Health',
  // Fictional (555-01xx range), like every number in the demo.
  careTeamPhone: '+16175550100',
};

export function buildTerritories(plans: readonly TerritoryPlan[]): Territory[] {
  return plans.map((p) => ({ id: p.id as TerritoryId, orgId: ORG.id, name: p.name }));
}

interface Person {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
}

const LEADS: readonly Person[] = [
  { username: 'admin', name: 'Karen Doyle', role: 'admin' },
  { username: 'supervisor', name: 'Denise Carter', role: 'supervisor' },
];

/** Listed in territory order: Maria works the North Shore, James Boston, Ana South & West. */
const SPECIALISTS: readonly Person[] = [
  { username: 'maria', name: 'Maria Santos', role: 'specialist' },
  { username: 'james', name: 'James Okoye', role: 'specialist' },
  { username: 'ana', name: 'Ana Ferreira', role: 'specialist' },
];

/**
 * Leads work no territory (they see their team through the office, not on a device); the
 * supervisor supervises every specialist. Each specialist works exactly one territory; with
 * fewer territories than specialists, several share one rather than anyone being left
 * without a patient list.
 */
export function buildUsers(territories: readonly Territory[]): SeedUser[] {
  if (territories.length === 0) throw new RangeError('at least one territory is needed');
  const supervisor = LEADS.find((p) => p.role === 'supervisor');
  const supervisorId = supervisor ? (`usr_${supervisor.username}` as UserId) : null;
  const user = (p: Person, territoryIds: readonly TerritoryId[]): SeedUser => ({
    id: `usr_${p.username}` as UserId,
    orgId: ORG.id,
    username: p.username,
    name: p.name,
    role: p.role,
    password: DEMO_PASSWORD,
    territoryIds,
    supervisorId: p.role === 'specialist' ? supervisorId : null,
  });
  return [
    ...LEADS.map((p) => user(p, [])),
    ...SPECIALISTS.map((p, i) => user(p, [(territories[i % territories.length] as Territory).id])),
  ];
}
