/** People who sign in, and what their role lets them see. */
import type { OrgId, TerritoryId, UserId } from './ids';

export const ROLES = ['specialist', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: UserId;
  readonly orgId: OrgId;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
}

export interface Territory {
  readonly id: TerritoryId;
  readonly orgId: OrgId;
  readonly name: string;
}
