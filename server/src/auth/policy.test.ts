/**
 * The policy's whole matrix: every action, for each role, against a patient (and a
 * territory) of the actor's own territory, of their team, of another territory of the
 * organisation, and of another organisation; then the organisation itself and user
 * resources. Expected decisions are written out by hand: A allowed, F forbidden, N not found
 * (another organisation's resources are never revealed).
 */
import { describe, expect, it } from 'vitest';
import type { DeviceId, OrgId, UserId } from '../../../src/domain/ids';
import { ROLES, type Role } from '../../../src/domain/user';
import { ACTIONS, authorize, type Action, type Actor, type Resource } from './policy';

const ORG = 'org-1';
const OWN = 'ter-own';
const TEAM = 'ter-team';
const OTHER = 'ter-other';

function actorOf(role: Role): Actor {
  return {
    userId: `user-${role}` as UserId,
    orgId: ORG as OrgId,
    role,
    name: role,
    deviceId: `device-${role}` as DeviceId,
    // Everyone works OWN here (a supervisor covering a territory, an admin too) so that the
    // table shows what working a territory gives each role.
    territoryIds: new Set([OWN]),
    teamUserIds: new Set(role === 'supervisor' ? ['user-team'] : []),
    teamTerritoryIds: new Set(role === 'supervisor' ? [TEAM] : []),
  };
}

type Relation = 'own' | 'team' | 'other' | 'otherOrg';
const RELATIONS: readonly Relation[] = ['own', 'team', 'other', 'otherOrg'];

/** Per action, per relation: the decision for specialist, supervisor, admin (in ROLES order). */
const PATIENT_MATRIX: Readonly<Record<Action, Readonly<Record<Relation, string>>>> = {
  'records.sync': { own: 'AAA', team: 'FFF', other: 'FFF', otherOrg: 'NNN' },
  'patient.read': { own: 'AAA', team: 'FAF', other: 'FFF', otherOrg: 'NNN' },
  'patient.write': { own: 'AAA', team: 'FFF', other: 'FFF', otherOrg: 'NNN' },
  'patient.move': { own: 'FFA', team: 'FAA', other: 'FFA', otherOrg: 'NNN' },
  'team.read': { own: 'FFA', team: 'FAA', other: 'FFA', otherOrg: 'NNN' },
  'team.act': { own: 'FFF', team: 'FAF', other: 'FFF', otherOrg: 'NNN' },
  // Supervisors only; an admin or a specialist working the territory does not answer them.
  'escalation.manage': { own: 'FFF', team: 'FAF', other: 'FFF', otherOrg: 'NNN' },
  // Reviewing notes: a supervisor, for their team's patients; not a territory they merely work.
  'note.review': { own: 'FFF', team: 'FAF', other: 'FFF', otherOrg: 'NNN' },
  'user.manage': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'device.manage': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'territory.manage': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'settings.manage': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'audit.read': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'import.run': { own: 'FFA', team: 'FFA', other: 'FFA', otherOrg: 'NNN' },
  'self.manage': { own: 'FFF', team: 'FFF', other: 'FFF', otherOrg: 'NNN' },
};

/** The organisation as a whole (lists, settings, sync as such). */
const ORG_MATRIX: Readonly<Record<Action, string>> = {
  'records.sync': 'AAA',
  'patient.read': 'FFF',
  'patient.write': 'FFF',
  'patient.move': 'FFF',
  'team.read': 'FAA',
  'team.act': 'FAF',
  'escalation.manage': 'FAF',
  'note.review': 'FAF',
  'user.manage': 'FFA',
  'device.manage': 'FFA',
  'territory.manage': 'FFA',
  'settings.manage': 'FFA',
  'audit.read': 'FFA',
  'import.run': 'FFA',
  'self.manage': 'FFF',
};

function letter(actor: Actor, action: Action, resource: Resource): string {
  const decision = authorize(actor, action, resource);
  if (decision.allowed) return 'A';
  expect(decision.message.length).toBeGreaterThan(0);
  return decision.code === 'not_found' ? 'N' : 'F';
}

function territoryOf(relation: Relation): { orgId: string; territoryId: string } {
  switch (relation) {
    case 'own':
      return { orgId: ORG, territoryId: OWN };
    case 'team':
      return { orgId: ORG, territoryId: TEAM };
    case 'other':
      return { orgId: ORG, territoryId: OTHER };
    case 'otherOrg':
      // Same territory id as the actor's own: the organisation alone must decide.
      return { orgId: 'org-2', territoryId: OWN };
  }
}

describe('authorize(actor, action, resource)', () => {
  it('the tables cover every action', () => {
    expect(Object.keys(PATIENT_MATRIX).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(ORG_MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  for (const type of ['patient', 'territory'] as const) {
    describe(`on a ${type}`, () => {
      it.each(ACTIONS.flatMap((action) => RELATIONS.map((relation) => [action, relation] as const)))('%s, %s', (action, relation) => {
        const got = ROLES.map((role) => letter(actorOf(role), action, { type, ...territoryOf(relation) })).join('');
        expect(got).toBe(PATIENT_MATRIX[action][relation]);
      });
    });
  }

  it.each(ACTIONS)('%s on the organisation, and never on another organisation', (action) => {
    expect(ROLES.map((role) => letter(actorOf(role), action, { type: 'org', orgId: ORG })).join('')).toBe(ORG_MATRIX[action]);
    expect(ROLES.map((role) => letter(actorOf(role), action, { type: 'org', orgId: 'org-2' })).join('')).toBe('NNN');
  });

  it('one manages only their own account; a supervisor acts on their team members, an admin reads them', () => {
    const user = (userId: string, orgId = ORG): Resource => ({ type: 'user', orgId, userId });
    const row = (action: Action, resource: (role: Role) => Resource) => ROLES.map((role) => letter(actorOf(role), action, resource(role))).join('');
    expect(row('self.manage', (role) => user(`user-${role}`))).toBe('AAA');
    expect(row('self.manage', () => user('user-team'))).toBe('FFF');
    expect(row('self.manage', (role) => user(`user-${role}`, 'org-2'))).toBe('NNN');
    expect(row('team.read', () => user('user-team'))).toBe('FAA');
    expect(row('team.act', () => user('user-team'))).toBe('FAF');
    expect(row('team.act', () => user('user-stranger'))).toBe('FFF');
    expect(row('user.manage', () => user('user-team'))).toBe('FFA');
    // Assignments: a supervisor gives territories and coverages to their own team only.
    expect(row('patient.move', () => user('user-team'))).toBe('FAA');
    expect(row('patient.move', () => user('user-stranger'))).toBe('FFA');
    expect(row('patient.move', () => user('user-team', 'org-2'))).toBe('NNN');
  });

  it('devices are managed by administrators only, and patient actions do not apply to them', () => {
    const device: Resource = { type: 'device', orgId: ORG, ownerId: 'user-specialist' };
    expect(ROLES.map((role) => letter(actorOf(role), 'device.manage', device)).join('')).toBe('FFA');
    expect(ROLES.map((role) => letter(actorOf(role), 'patient.write', device)).join('')).toBe('FFF');
    expect(ROLES.map((role) => letter(actorOf(role), 'patient.move', device)).join('')).toBe('FFF');
  });

  it('an actor who works no territory (a supervisor or admin as usual) may sync, and receives no patient', () => {
    for (const role of ROLES) {
      const idle: Actor = { ...actorOf(role), territoryIds: new Set() };
      expect(letter(idle, 'records.sync', { type: 'org', orgId: ORG })).toBe('A');
      expect(letter(idle, 'records.sync', { type: 'territory', orgId: ORG, territoryId: OWN })).toBe('F');
      expect(letter(idle, 'patient.write', { type: 'patient', orgId: ORG, territoryId: OWN })).toBe('F');
    }
  });
});
