/**
 * The ordered list of schema migrations. Append only: a migration that has shipped is never
 * edited, because databases that already ran it would not see the change.
 */
import { initialSchema } from './001_initial';

export interface Migration {
  /** Positive, strictly increasing; the order of application. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: 'initial', sql: initialSchema }];
