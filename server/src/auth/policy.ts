/**
 * The one access policy: `authorize(actor, action, resource)` decides every request a route
 * serves. Pure: the session gate loads what it needs (the actor's territories and team) once
 * per request, and routes describe the resource they are about to touch; nothing here reads
 * the database, so the whole matrix is testable without one.
 *
 * Roles (DESIGN §7):
 * - specialist: the patients of their own territories (assigned, or covered for a colleague).
 * - supervisor: their team (the specialists they supervise and those people's territories),
 *   through server-side views; they do not sync the organisation to their device. They alone
 *   answer escalations (`escalation.manage`), for their team's patients.
 * - admin: users, devices, territories, settings, imports and the audit trail of their
 *   organisation; no patient records on their device.
 * Nothing crosses an organisation: a resource of another organisation is "not found", so its
 * existence is not revealed.
 */
import type { DeviceId, OrgId, UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';

export interface Actor {
  readonly userId: UserId;
  readonly orgId: OrgId;
  readonly role: Role;
  readonly name: string;
  readonly deviceId: DeviceId;
  /** Territories whose patients this person works: assigned, or covered for a colleague today. */
  readonly territoryIds: ReadonlySet<string>;
  /** For a supervisor: the people they supervise (not themselves). Empty for other roles. */
  readonly teamUserIds: ReadonlySet<string>;
  /** For a supervisor: the territories of the people they supervise. Empty for other roles. */
  readonly teamTerritoryIds: ReadonlySet<string>;
}

export type Resource =
  /** Something that belongs to the organisation as a whole (lists, settings, the audit trail). */
  | { readonly type: 'org'; readonly orgId: string }
  | { readonly type: 'territory'; readonly orgId: string; readonly territoryId: string }
  /** A patient, or any record owned by one: decided by the patient's current territory. */
  | { readonly type: 'patient'; readonly orgId: string; readonly territoryId: string }
  | { readonly type: 'user'; readonly orgId: string; readonly userId: string }
  | { readonly type: 'device'; readonly orgId: string; readonly ownerId: string };

export const ACTIONS = [
  /** Download the records of one's own territories to this device / send changes made there. */
  'records.sync',
  'patient.read',
  'patient.write',
  /** Move a patient to another territory, assign territories, cover a colleague. */
  'patient.move',
  /** The office's views of a team: queues, numbers, notes to review. */
  'team.read',
  'team.act',
  /**
   * Work the escalation queue: list, acknowledge, assign, resolve. Supervisors only, for the
   * patients of their team's territories (the organisation: the queue itself, which the query
   * scopes to the team). Not administrators: they run users, devices and settings, and answer
   * no clinical concern (least privilege); an administrator who must also works as a supervisor.
   */
  'escalation.manage',
  /**
   * Read the signed notes of a team from the office and add a review addendum (co-sign).
   * Supervisors only, for the patients of their team's territories; not administrators (no
   * clinical review is theirs, as for escalations).
   */
  'note.review',
  'user.manage',
  'device.manage',
  'territory.manage',
  'settings.manage',
  'audit.read',
  'import.run',
  /** One's own account and session: sign out, change one's password. */
  'self.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: 'forbidden' | 'not_found'; readonly message: string };

const ALLOW: Decision = { allowed: true };
const NOT_FOUND: Decision = { allowed: false, code: 'not_found', message: 'Not found in your organisation' };
const forbid = (message: string): Decision => ({ allowed: false, code: 'forbidden', message });

export function authorize(actor: Actor, action: Action, resource: Resource): Decision {
  if (resource.orgId !== actor.orgId) return NOT_FOUND;
  switch (action) {
    case 'self.manage':
      return resource.type === 'user' && resource.userId === actor.userId ? ALLOW : forbid('Only for your own account');
    case 'records.sync':
    case 'patient.read':
    case 'patient.write':
      if (resource.type === 'org') {
        // Sync as such (no one patient yet): every account of the organisation may sync, and
        // its scope is the territories it works (a supervisor or admin usually none, so their
        // device holds no patients); the records themselves are checked one by one.
        return action === 'records.sync' ? ALLOW : forbid('Not a patient');
      }
      if (resource.type !== 'patient' && resource.type !== 'territory') return forbid('Not a patient');
      if (actor.territoryIds.has(resource.territoryId)) return ALLOW;
      if (action === 'patient.read' && actor.role === 'supervisor' && actor.teamTerritoryIds.has(resource.territoryId)) return ALLOW;
      return forbid('This patient is not in your territories');
    case 'patient.move':
      // A person given a territory or a coverage: a supervisor's own team, an admin's organisation.
      if (resource.type === 'user') {
        if (actor.role === 'admin') return ALLOW;
        if (actor.role === 'supervisor' && actor.teamUserIds.has(resource.userId)) return ALLOW;
        return forbid('Only a supervisor of this person or an administrator can change their territories');
      }
      if (resource.type !== 'patient' && resource.type !== 'territory') return forbid('Not a patient or territory');
      if (actor.role === 'admin') return ALLOW;
      if (actor.role === 'supervisor' && actor.teamTerritoryIds.has(resource.territoryId)) return ALLOW;
      return forbid('Only a supervisor of this team or an administrator can move patients');
    case 'team.read':
    case 'team.act':
      if (actor.role === 'admin' && action === 'team.read') return ALLOW;
      if (actor.role !== 'supervisor') return forbid('Only a supervisor can do this');
      if (resource.type === 'org') return ALLOW;
      if (resource.type === 'user') return actor.teamUserIds.has(resource.userId) ? ALLOW : forbid('Not in your team');
      if (resource.type === 'patient' || resource.type === 'territory') {
        return actor.teamTerritoryIds.has(resource.territoryId) ? ALLOW : forbid('Not in your team');
      }
      return forbid('Not part of a team');
    case 'note.review':
      if (actor.role !== 'supervisor') return forbid("Only a supervisor reviews the team's notes");
      if (resource.type === 'org') return ALLOW;
      if (resource.type === 'patient' || resource.type === 'territory') {
        return actor.teamTerritoryIds.has(resource.territoryId) ? ALLOW : forbid('Not in your team');
      }
      return forbid('Not a patient');
    case 'escalation.manage':
      if (actor.role !== 'supervisor') return forbid('Only a supervisor answers escalations');
      if (resource.type === 'org') return ALLOW;
      if (resource.type === 'patient' || resource.type === 'territory') {
        return actor.teamTerritoryIds.has(resource.territoryId) ? ALLOW : forbid('Not in your team');
      }
      return forbid('Not a patient');
    case 'user.manage':
    case 'device.manage':
    case 'territory.manage':
    case 'settings.manage':
    case 'audit.read':
    case 'import.run':
      return actor.role === 'admin' ? ALLOW : forbid('Only an administrator can do this');
  }
}
