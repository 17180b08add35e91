/**
 * A value that lost a concurrent write. When two people change the same field of the same
 * record without having seen each other's change, the later clock stamp wins and the other
 * value is kept here, visible to a person who can keep the winner or restore the loser
 * (restoring is itself a new change). Nothing is dropped silently.
 */
import type { EntityKind } from './entities';
import type { Hlc } from './hlc';
import type { IsoDateTime, PatientId, UserId } from './ids';

export const CONFLICT_STATUSES = ['open', 'kept_theirs', 'restored_mine'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export interface WrittenValue {
  readonly value: unknown;
  readonly hlc: Hlc;
  /** Name of the person whose device wrote it, for people; `userId` says who. */
  readonly by: string;
  /** The user who wrote it; null on conflicts recorded before users were named by id. */
  readonly userId: UserId | null;
  readonly deviceId: string;
}

export interface Conflict {
  readonly id: string;
  readonly patientId: PatientId;
  readonly entityKind: EntityKind;
  readonly entityId: string;
  readonly field: string;
  /** The value now on the record. */
  readonly winner: WrittenValue;
  /** The value that lost, kept so a person can restore it. */
  readonly loser: WrittenValue;
  readonly detectedAt: IsoDateTime;
  readonly status: ConflictStatus;
  /** Name of the person who decided, for people; `resolvedById` says who. */
  readonly resolvedBy: string | null;
  readonly resolvedById: UserId | null;
  readonly resolvedAt: IsoDateTime | null;
}
