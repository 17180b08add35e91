/**
 * The ordered list of schema migrations. Append only: a migration that has shipped is never
 * edited, because databases that already ran it would not see the change.
 */
import { initialSchema } from './001_initial';
import { patientRecordsSchema } from './002_patientRecords';
import { careTeamPhoneSchema } from './003_careTeamPhone';
import { pushSyncSchema } from './004_pushSync';
import { scopeExitsSchema } from './005_scopeExits';
import { refusedMutationsSchema } from './006_refusedMutations';
import { contactRecordKindsSchema } from './007_contactRecordKinds';
import { auditTrailSchema } from './008_auditTrail';
import { sessionsSignInSchema } from './009_sessionsSignIn';
import { teamsAndSecretsSchema } from './010_teamsAndSecrets';
import { backgroundPushSchema } from './011_backgroundPush';
import { syncEventsSchema } from './012_syncEvents';
import { escalationQueueSchema } from './013_escalationQueue';
import { officeFactsSchema } from './014_officeFacts';
import { officeSatisfactionSchema } from './015_officeSatisfaction';
import { coveragesSchema } from './016_coverages';
import { officeAlertsSchema } from './017_officeAlerts';
import { officeScopeIndexSchema } from './018_officeScopeIndex';

export interface Migration {
  /** Positive, strictly increasing; the order of application. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: initialSchema },
  { id: 2, name: 'patient records', sql: patientRecordsSchema },
  { id: 3, name: 'care team phone', sql: careTeamPhoneSchema },
  { id: 4, name: 'push sync', sql: pushSyncSchema },
  { id: 5, name: 'scope exits', sql: scopeExitsSchema },
  { id: 6, name: 'refused mutations', sql: refusedMutationsSchema },
  { id: 7, name: 'contact record kinds', sql: contactRecordKindsSchema },
  { id: 8, name: 'audit trail', sql: auditTrailSchema },
  { id: 9, name: 'sessions and sign-in', sql: sessionsSignInSchema },
  { id: 10, name: 'teams and secrets', sql: teamsAndSecretsSchema },
  { id: 11, name: 'background push', sql: backgroundPushSchema },
  { id: 12, name: 'sync events', sql: syncEventsSchema },
  { id: 13, name: 'escalation queue', sql: escalationQueueSchema },
  { id: 14, name: 'office facts', sql: officeFactsSchema },
  { id: 15, name: 'office satisfaction', sql: officeSatisfactionSchema },
  { id: 16, name: 'coverages', sql: coveragesSchema },
  { id: 17, name: 'office alerts', sql: officeAlertsSchema },
  { id: 18, name: 'office scope index', sql: officeScopeIndexSchema },
];
